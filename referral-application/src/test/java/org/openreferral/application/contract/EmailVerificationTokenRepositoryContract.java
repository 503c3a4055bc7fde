package org.openreferral.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.EmailVerificationTokenRepository.Issue;
import org.openreferral.domain.model.session.SingleUseToken;
import org.openreferral.domain.model.user.User;

/**
 * Contract of {@code EmailVerificationTokenRepository}: unique digests, spending tokens, and counting a user's
 * tokens by why and when they were issued.
 */
public abstract class EmailVerificationTokenRepositoryContract extends RepositoryContract {

    private static final Duration LIFETIME = Duration.ofDays(2);

    private User john;

    @BeforeEach
    void owner() {
        john = user("john");
    }

    private SingleUseToken token(User user, String seed, Issue issue, Instant at) {
        SingleUseToken token = SingleUseToken.issue(UUID.randomUUID(), user.id(), digest(seed), at, LIFETIME);
        write(() -> stores.verificationTokens().add(token, issue));
        return token;
    }

    private int resentSince(User user, Instant since) {
        return read(() -> stores.verificationTokens().countIssuedAfter(user.id(), Issue.RESEND, since));
    }

    @Test
    void storedTokenReadsBackByItsDigestLockedOrNotAndItsUseIsStored() {
        SingleUseToken token = token(john, "a", Issue.REGISTRATION, NOW);

        assertThat(writing(() -> stores.verificationTokens().findByDigest(digest("a"), true))).get()
                .usingRecursiveComparison().isEqualTo(token);
        token.use(NOW.plusSeconds(30));
        write(() -> stores.verificationTokens().update(token));

        assertThat(read(() -> stores.verificationTokens().findByDigest(digest("a"), false))).get()
                .usingRecursiveComparison().isEqualTo(token);
        assertThat(read(() -> stores.verificationTokens().findByDigest(digest("b"), false))).isEmpty();
    }

    @Test
    void digestIsUnique() {
        token(john, "a", Issue.REGISTRATION, NOW);

        assertRefused(() -> token(user("jane"), "a", Issue.RESEND, NOW));
    }

    @Test
    void usingAllOfAUserSpendsOnlyTheirUnusedOnes() {
        token(john, "one", Issue.REGISTRATION, NOW);
        token(john, "two", Issue.RESEND, NOW);
        token(user("jane"), "jane", Issue.REGISTRATION, NOW);

        assertThat(writing(() -> stores.verificationTokens().useAllOf(john.id(), NOW.plusSeconds(5)))).isEqualTo(2);

        assertThat(read(() -> stores.verificationTokens().findByDigest(digest("two"), false))).get()
                .satisfies(token -> assertThat(token.usedAt()).contains(NOW.plusSeconds(5)));
        assertThat(read(() -> stores.verificationTokens().findByDigest(digest("jane"), false))).get()
                .satisfies(token -> assertThat(token.usedAt()).isEmpty());
    }

    @Test
    void countsTheUsersResentTokensIssuedAfterAnInstant() {
        token(john, "registration", Issue.REGISTRATION, NOW);
        token(john, "edge", Issue.RESEND, NOW.minusSeconds(3600));
        token(john, "inside", Issue.RESEND, NOW.minusSeconds(3599));
        SingleUseToken used = token(john, "used", Issue.RESEND, NOW);
        used.use(NOW);
        write(() -> stores.verificationTokens().update(used));
        token(user("jane"), "jane", Issue.RESEND, NOW);

        assertThat(resentSince(john, NOW.minusSeconds(3600))).isEqualTo(2);
        assertThat(resentSince(john, NOW.plusSeconds(1))).isZero();
    }
}
