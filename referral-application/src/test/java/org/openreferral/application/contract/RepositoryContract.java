package org.openreferral.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.openreferral.application.referral.port.out.ReferralRepository.Origin;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.error.ConflictException;
import org.openreferral.domain.model.referral.CodePolicy;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.ReferralCodeId;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.referral.ReferralStatus;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.PasswordHash;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

/**
 * What the repository contracts share: empty stores for every test, each call in a unit of work as the use
 * cases make them, and the rows that the real schema's foreign keys want to exist first.
 */
public abstract class RepositoryContract {

    /** Whole seconds, so that every store keeps the instants exactly. */
    protected static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    protected static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA");

    protected Stores stores;

    /** Stores of the implementation under test, holding nothing. */
    protected abstract Stores emptyStores();

    @BeforeEach
    void openEmptyStores() {
        stores = emptyStores();
    }

    /** Runs {@code work} in its own read-write unit of work. */
    protected void write(Runnable work) {
        stores.unitOfWork().inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} in its own read-write unit of work and returns what it returns. */
    protected <T> T writing(Supplier<T> work) {
        return stores.unitOfWork().inTransaction(work);
    }

    /** Runs {@code work} in its own read-only unit of work. */
    protected <T> T read(Supplier<T> work) {
        return stores.unitOfWork().reading(work);
    }

    /**
     * Reads pages of two until one comes back empty and asserts that together they hold exactly {@code expected}
     * (keys of the items, in order) and that every page tells the total.
     */
    @SafeVarargs
    protected static <T, K> void assertPagesOfTwo(Function<PageRequest, Page<T>> read, Function<T, K> key,
                                                  K... expected) {
        List<K> seen = new ArrayList<>();
        for (int number = 1; number <= expected.length / 2 + 1; number++) {
            Page<T> page = read.apply(new PageRequest(number, 2));
            assertThat(page.total()).as("total on page %d", number).isEqualTo(expected.length);
            page.items().stream().map(key).forEach(seen::add);
        }
        assertThat(seen).containsExactly(expected);
    }

    /** Asserts that {@code attempt} is refused with the domain's conflict {@code code}. */
    protected static void assertConflict(Runnable attempt, String code) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    /** Asserts that the store refuses {@code attempt} (a unique digest, a ledger rule), whatever its error. */
    protected static void assertRefused(Runnable attempt) {
        assertThatThrownBy(attempt::run).isInstanceOf(RuntimeException.class);
    }

    /** A digest of a token secret as stored: 64 characters, distinct per {@code seed} (at most 64 characters). */
    protected static String digest(String seed) {
        return (seed + "0".repeat(64)).substring(0, 64);
    }

    /** A stored user named {@code username}, at {@code username@example.com}, registered at {@link #NOW}. */
    protected User user(String username) {
        return userAt(username, NOW);
    }

    /** A stored user named {@code username}, at {@code username@example.com}, registered at {@code createdAt}. */
    protected User userAt(String username, Instant createdAt) {
        User user = User.register(UserId.newId(), new Username(username), new Email(username + "@example.com"), null,
                HASH, Set.of(), null, createdAt);
        write(() -> stores.users().add(user));
        return user;
    }

    /** A code of {@code owner} as issued at {@code createdAt}, not yet stored. */
    protected static ReferralCode issued(User owner, String value, Instant createdAt, Instant expiresAt) {
        return ReferralCode.issue(ReferralCodeId.newId(), new CodeValue(value), owner.id(), expiresAt,
                CodePolicy.defaults(), createdAt);
    }

    /** A stored code of {@code owner}, issued at {@link #NOW} and living 30 days. */
    protected ReferralCode code(User owner, String value) {
        return codeAt(owner, value, NOW, NOW.plus(Duration.ofDays(30)));
    }

    /** A stored code of {@code owner}, issued at {@code createdAt}. */
    protected ReferralCode codeAt(User owner, String value, Instant createdAt, Instant expiresAt) {
        ReferralCode code = issued(owner, value, createdAt, expiresAt);
        write(() -> stores.codes().add(code));
        return code;
    }

    /** A stored referral of {@code referee} with {@code code}, made at {@code at}. */
    protected Referral referral(ReferralCode code, User referee, Instant at) {
        return referral(code, referee, at, Optional.empty());
    }

    /** A stored PENDING referral of {@code referee} with {@code code}, made at {@code at} from a client network. */
    protected Referral referral(ReferralCode code, User referee, Instant at, Optional<String> clientNetwork) {
        Referral referral = Referral.reconstitute(ReferralId.newId(), code.owner(), referee.id(), code.id(), at,
                ReferralStatus.PENDING, null, 0, null, null, null, null);
        write(() -> stores.referrals().add(referral, new Origin(referee.email(), clientNetwork)));
        return referral;
    }
}
