package org.openreferral.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.user.DisplayName;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.PasswordHash;
import org.openreferral.domain.model.user.Role;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

/** Contract of {@code UserRepository}: what every implementation, fake or real, must do alike. */
public abstract class UserRepositoryContract extends RepositoryContract {

    private static User registered(String username, String email, Instant createdAt) {
        return User.register(UserId.newId(), new Username(username), new Email(email), null, HASH, Set.of(), null,
                createdAt);
    }

    private void add(User user) {
        write(() -> stores.users().add(user));
    }

    private Page<User> list(String filter, int page, int size) {
        return read(() -> stores.users().list(filter, new PageRequest(page, size)));
    }

    @Test
    void storedUserReadsBackWithEverythingItHolds() {
        User referrer = user("referrer");
        User user = User.register(UserId.newId(), new Username("John.Doe"), new Email("John@Example.com"),
                new DisplayName("John Doe"), HASH, Set.of(Role.ADMIN), referrer.id(), NOW.plusSeconds(1));
        add(user);

        assertThat(read(() -> stores.users().findById(user.id()))).get()
                .usingRecursiveComparison().isEqualTo(user);
        assertThat(read(() -> stores.users().existsById(user.id()))).isTrue();
    }

    @Test
    void aVerifiedEmailIsStoredByUpdateAndReadsBackLockedOrNot() {
        User user = user("john");
        user.verifyEmail();

        write(() -> stores.users().update(user));

        assertThat(read(() -> stores.users().findById(user.id()))).get()
                .satisfies(found -> assertThat(found.isEmailVerified()).isTrue());
        assertThat(writing(() -> stores.users().findByIdForUpdate(user.id()))).get()
                .usingRecursiveComparison().isEqualTo(user);
        assertThat(writing(() -> stores.users().findByIdForUpdate(UserId.newId()))).isEmpty();
    }

    @Test
    void endingAllSessionsRaisesTheSessionEpochThatLockingAndReadingSee() {
        User john = user("john");
        User jane = user("jane");

        assertThat(writing(() -> stores.users().lockSessions(john.id()))).hasValue(0);
        write(() -> {
            stores.users().lockSessions(john.id());
            stores.users().advanceSessionEpoch(john.id());
        });
        write(() -> stores.users().advanceSessionEpoch(john.id()));

        assertThat(writing(() -> stores.users().lockSessions(john.id()))).hasValue(2);
        assertThat(read(() -> stores.users().findById(john.id()))).get()
                .satisfies(found -> assertThat(found.sessionEpoch()).isEqualTo(2));
        assertThat(read(() -> stores.users().findByLogin("JOHN"))).get()
                .satisfies(found -> assertThat(found.sessionEpoch()).isEqualTo(2));
        assertThat(read(() -> stores.users().findById(jane.id()))).get()
                .satisfies(found -> assertThat(found.sessionEpoch()).isZero());
        assertThat(writing(() -> stores.users().lockSessions(UserId.newId()))).isEmpty();
    }

    @Test
    void anUpdateFromAStaleReadKeepsTheRaisedSessionEpoch() {
        User john = user("john");
        User stale = read(() -> stores.users().findById(john.id())).orElseThrow();
        write(() -> {
            stores.users().lockSessions(john.id());
            stores.users().advanceSessionEpoch(john.id());
        });

        stale.verifyEmail();
        write(() -> stores.users().update(stale));

        assertThat(read(() -> stores.users().findById(john.id()))).get().satisfies(found -> {
            assertThat(found.isEmailVerified()).isTrue();
            assertThat(found.sessionEpoch()).isEqualTo(1);
        });
    }

    @Test
    void unknownUserIsNeitherFoundNorExists() {
        user("john");
        UserId unknown = UserId.newId();

        assertThat(read(() -> stores.users().findById(unknown))).isEmpty();
        assertThat(read(() -> stores.users().existsById(unknown))).isFalse();
    }

    @Test
    void emailIsTakenWhateverItsCase() {
        add(registered("john", "john@example.com", NOW));

        assertConflict(() -> add(registered("johnny", "JOHN@Example.COM", NOW)), "email-taken");
        assertThat(read(() -> stores.users().existsByUsername(new Username("johnny")))).isFalse();
    }

    @Test
    void usernameIsTakenWhateverItsCase() {
        add(registered("John", "john@example.com", NOW));

        assertConflict(() -> add(registered("jOHN", "other@example.com", NOW)), "username-taken");
        assertThat(read(() -> stores.users().existsByEmail(new Email("other@example.com")))).isFalse();
    }

    @Test
    void userIsFoundByUsernameOrEmailInAnyCase() {
        User john = user("John");
        user("jane");

        for (String login : new String[] {"John", "JOHN", "john", "John@Example.com", "JOHN@EXAMPLE.COM"}) {
            assertThat(read(() -> stores.users().findByLogin(login))).as(login).get()
                    .extracting(User::id).isEqualTo(john.id());
        }
        assertThat(read(() -> stores.users().findByLogin("johnny"))).isEmpty();
    }

    @Test
    void userIsFoundAndKnownByEmail() {
        User john = user("john");

        assertThat(read(() -> stores.users().findByEmail(new Email("JOHN@example.com")))).get()
                .extracting(User::id).isEqualTo(john.id());
        assertThat(read(() -> stores.users().existsByEmail(new Email("john@example.com")))).isTrue();
        assertThat(read(() -> stores.users().findByEmail(new Email("jane@example.com")))).isEmpty();
        assertThat(read(() -> stores.users().existsByEmail(new Email("jane@example.com")))).isFalse();
    }

    @Test
    void usernameIsKnownWhateverItsCase() {
        user("John");

        assertThat(read(() -> stores.users().existsByUsername(new Username("jOhN")))).isTrue();
        assertThat(read(() -> stores.users().existsByUsername(new Username("johnny")))).isFalse();
    }

    @Test
    void updateStoresTheNewPasswordHash() {
        User john = user("john");
        PasswordHash newHash = new PasswordHash("$argon2id$v=19$m=1024,t=1,p=1$bmV3$bmV3aGFzaA");
        john.changePassword(newHash);

        write(() -> stores.users().update(john));

        assertThat(read(() -> stores.users().findById(john.id()))).get()
                .extracting(User::passwordHash).isEqualTo(newHash);
    }

    @Test
    void listIsNewestFirstInPagesWithTheTotal() {
        User oldest = userAt("oldest", NOW);
        User middle = userAt("middle", NOW.plusSeconds(1));
        User newest = userAt("newest", NOW.plusSeconds(2));

        assertPagesOfTwo(request -> read(() -> stores.users().list(null, request)), User::id,
                newest.id(), middle.id(), oldest.id());
    }

    @Test
    void pagesOfUsersRegisteredAtTheSameInstantNeitherRepeatNorSkipAnyone() {
        Set<UserId> all = IntStream.range(0, 7).mapToObj(i -> user("same" + i).id())
                .collect(Collectors.toSet());

        Set<UserId> paged = IntStream.rangeClosed(1, 4).boxed()
                .flatMap(page -> list(null, page, 2).items().stream().map(User::id))
                .collect(Collectors.toSet());

        assertThat(paged).isEqualTo(all);
        assertThat(IntStream.rangeClosed(1, 4).map(page -> list(null, page, 2).items().size()).sum()).isEqualTo(7);
    }

    @Test
    void filterMatchesPartOfTheUsernameOrEmailInAnyCase() {
        User byName = user("Anna_Smith");
        User byEmail = userAt("bob", NOW.plusSeconds(1));
        add(registered("carol", "carol@smithy.org", NOW.plusSeconds(2)));
        user("dave");

        Page<User> found = list("SMITH", 1, 10);

        assertThat(found.items()).extracting(user -> user.username().value()).containsExactly("carol", "Anna_Smith");
        assertThat(found.total()).isEqualTo(2);
        assertThat(list("BOB@", 1, 10).items()).extracting(User::id).containsExactly(byEmail.id());
        assertThat(list("anna", 1, 10).items()).extracting(User::id).containsExactly(byName.id());
    }

    @Test
    void filterIsTakenLiterallyNotAsAPattern() {
        User underscore = user("a_b");
        user("axb");
        User percent = registered("percent", "a%b@example.com", NOW);
        add(percent);

        assertThat(list("_", 1, 10).items()).extracting(User::id).containsExactly(underscore.id());
        assertThat(list("a%", 1, 10).items()).extracting(User::id).containsExactly(percent.id());
    }

    @Test
    void blankFilterListsEveryone() {
        user("john");
        user("jane");

        assertThat(list("  ", 1, 10).total()).isEqualTo(2);
    }
}
