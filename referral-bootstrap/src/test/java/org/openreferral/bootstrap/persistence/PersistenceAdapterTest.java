package org.openreferral.bootstrap.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.referral.port.out.ReferralCodeRepository.Lock;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.referral.port.out.RewardLedger;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Database;
import org.openreferral.domain.error.ConflictException;
import org.openreferral.domain.model.referral.CodePolicy;
import org.openreferral.domain.model.referral.CodeStatus;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.ReferralCodeId;
import org.openreferral.domain.model.referral.RewardPolicy;
import org.openreferral.domain.model.user.DisplayName;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.PasswordHash;
import org.openreferral.domain.model.user.Role;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

/** The persistence adapters against a real PostgreSQL: mapping, queries, and constraints as domain errors. */
@QuarkusTest
class PersistenceAdapterTest {

    private static final CodePolicy POLICY = CodePolicy.defaults();

    @Inject
    UserRepository users;
    @Inject
    ReferralCodeRepository codes;
    @Inject
    ReferralRepository referrals;
    @Inject
    RewardLedger ledger;
    @Inject
    UnitOfWork unitOfWork;
    @Inject
    Database database;

    private User newUser(String name) {
        return User.register(UserId.newId(), new Username(name), new Email(name + "@Example.com"),
                new DisplayName("Name of " + name), new PasswordHash("$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA"),
                Set.of(Role.USER), null, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private <T> T tx(java.util.function.Supplier<T> work) {
        return unitOfWork.inTransaction(work);
    }

    @Test
    void userRoundTripsAndIsFoundByEitherLoginInAnyCase() {
        User user = newUser(Api.unique("round"));
        tx(() -> { users.add(user); return null; });
        User byName = tx(() -> users.findByLogin(user.username().value().toUpperCase())).orElseThrow();
        User byEmail = tx(() -> users.findByLogin(user.email().value().toUpperCase())).orElseThrow();
        assertThat(byName.id()).isEqualTo(user.id()).isEqualTo(byEmail.id());
        assertThat(byName.email()).isEqualTo(user.email());
        assertThat(byName.name()).isEqualTo(user.name());
        assertThat(byName.roles()).containsExactly(Role.USER);
        assertThat(byName.createdAt()).isEqualTo(user.createdAt());
        assertThat(database.number("select count(*) from users where id = ?::uuid and email_canonical = ?",
                user.id().toString(), user.email().canonical())).isEqualTo(1);
    }

    @Test
    void uniqueIndexViolationsBecomeDomainConflicts() {
        User first = newUser(Api.unique("dupe"));
        tx(() -> { users.add(first); return null; });
        User sameEmail = User.register(UserId.newId(), new Username(Api.unique("other")),
                new Email(first.email().value().toUpperCase()), null, first.passwordHash(), Set.of(), null, Instant.now());
        User sameName = User.register(UserId.newId(), new Username(first.username().value().toUpperCase()),
                new Email(Api.unique("x") + "@example.com"), null, first.passwordHash(), Set.of(), null, Instant.now());
        assertThatThrownBy(() -> tx(() -> { users.add(sameEmail); return null; }))
                .isInstanceOf(ConflictException.class).extracting("code").isEqualTo("email-taken");
        assertThatThrownBy(() -> tx(() -> { users.add(sameName); return null; }))
                .isInstanceOf(ConflictException.class).extracting("code").isEqualTo("username-taken");
    }

    @Test
    void theDatabaseRefusesASecondActiveCodeAndReusedValues() {
        User owner = newUser(Api.unique("owner"));
        User other = newUser(Api.unique("other"));
        tx(() -> { users.add(owner); users.add(other); return null; });
        Instant now = Instant.now();
        ReferralCode first = ReferralCode.issue(ReferralCodeId.newId(), new CodeValue(Api.unique("First")), owner.id(),
                now.plus(Duration.ofDays(3)), POLICY, now);
        tx(() -> { codes.add(first); return null; });
        ReferralCode second = ReferralCode.issue(ReferralCodeId.newId(), new CodeValue(Api.unique("Second")),
                owner.id(), now.plus(Duration.ofDays(3)), POLICY, now);
        assertThatThrownBy(() -> tx(() -> { codes.add(second); return null; }))
                .isInstanceOf(ConflictException.class).extracting("code").isEqualTo("active-code-exists");
        ReferralCode sameValue = ReferralCode.issue(ReferralCodeId.newId(),
                new CodeValue(first.value().value().toLowerCase()), other.id(), now.plus(Duration.ofDays(3)), POLICY, now);
        assertThatThrownBy(() -> tx(() -> { codes.add(sameValue); return null; }))
                .isInstanceOf(ConflictException.class).extracting("code").isEqualTo("code-taken");
    }

    @Test
    void overdueCodesAreExpiredSoTheyNeverBlockANewOne() {
        User owner = newUser(Api.unique("expiry"));
        tx(() -> { users.add(owner); return null; });
        Instant then = Instant.now().minus(Duration.ofDays(10));
        ReferralCode old = ReferralCode.issue(ReferralCodeId.newId(), new CodeValue(Api.unique("Old")), owner.id(),
                then.plus(Duration.ofDays(1)), POLICY, then);
        tx(() -> { codes.add(old); return null; });
        Instant now = Instant.now();
        assertThat(tx(() -> codes.findActive(owner.id(), now))).isEmpty();
        assertThat(tx(() -> codes.findActiveByOwnerEmail(owner.email(), now))).isEmpty();
        assertThat(tx(() -> codes.expireOverdue(owner.id(), now))).isEqualTo(1);
        ReferralCode fresh = ReferralCode.issue(ReferralCodeId.newId(), new CodeValue(Api.unique("Fresh")), owner.id(),
                now.plus(Duration.ofDays(1)), POLICY, now);
        tx(() -> { codes.add(fresh); return null; });
        assertThat(tx(() -> codes.findActiveByOwnerEmail(owner.email(), now))).get()
                .extracting(code -> code.id()).isEqualTo(fresh.id());
        var page = tx(() -> codes.listByOwner(owner.id(), new PageRequest(1, 10)));
        assertThat(page.items()).extracting(code -> code.storedStatus())
                .containsExactly(CodeStatus.ACTIVE, CodeStatus.EXPIRED);
        assertThat(tx(() -> codes.findByValue(new CodeValue(old.value().value().toUpperCase()), Lock.SHARE)))
                .get().extracting(code -> code.id()).isEqualTo(old.id());
    }

    @Test
    void referralsAndLedgerAreReadPerReferrerNewestFirstAndTheLedgerIsAppendOnly() {
        User referrer = newUser(Api.unique("referrer"));
        tx(() -> { users.add(referrer); return null; });
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ReferralCode code = ReferralCode.issue(ReferralCodeId.newId(), new CodeValue(Api.unique("Led")), referrer.id(),
                now.plus(Duration.ofDays(3)), POLICY, now);
        tx(() -> { codes.add(code); return null; });
        for (int i = 0; i < 3; i++) {
            User referee = newUser(Api.unique("referee"));
            Instant at = now.plusSeconds(i);
            tx(() -> {
                users.add(referee);
                Referral referral = Referral.record(code, referee.id(), referee.email(), referrer.email(), at);
                referrals.add(referral);
                ledger.append(RewardPolicy.defaults().rewardsFor(referral));
                return null;
            });
        }
        var page = tx(() -> referrals.listByReferrer(referrer.id(), new PageRequest(1, 2)));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).hasSize(2);
        assertThat(page.items().get(0).createdAt()).isAfter(page.items().get(1).createdAt());
        assertThat(tx(() -> referrals.countByCode(List.of(code.id())))).containsEntry(code.id(), 3L);
        assertThat(tx(() -> ledger.balance(referrer.id()))).isEqualTo(30);
        assertThat(tx(() -> referrals.counts(referrer.id(), now.minus(Duration.ofDays(7)), now.minus(Duration.ofDays(30)))))
                .extracting(c -> c.total(), c -> c.last7Days()).containsExactly(3L, 3L);
        assertThatThrownBy(() -> database.number("update reward_entries set points = 1000 where user_id = ?::uuid"
                + " returning 1", referrer.id().toString())).hasMessageContaining("append-only");
    }
}
