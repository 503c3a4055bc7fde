package org.openreferral.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.domain.model.session.SingleUseToken;
import org.openreferral.domain.model.user.User;

/** Contract of {@code PasswordResetTokenRepository}: unique digests, spending one token or all of a user's. */
public abstract class PasswordResetTokenRepositoryContract extends RepositoryContract {

    private static final Duration LIFETIME = Duration.ofHours(1);

    private User john;

    @BeforeEach
    void owner() {
        john = user("john");
    }

    private SingleUseToken token(User user, String seed, Instant at) {
        SingleUseToken token = SingleUseToken.issue(UUID.randomUUID(), user.id(), digest(seed), at, LIFETIME);
        write(() -> stores.resetTokens().add(token));
        return token;
    }

    private Optional<SingleUseToken> byDigest(String seed, boolean forUpdate) {
        return writing(() -> stores.resetTokens().findByDigest(digest(seed), forUpdate));
    }

    private Optional<Instant> usedAt(String seed) {
        return byDigest(seed, false).orElseThrow().usedAt();
    }

    @Test
    void storedTokenReadsBackByItsDigestLockedOrNot() {
        SingleUseToken token = token(john, "a", NOW);

        assertThat(byDigest("a", false)).get().usingRecursiveComparison().isEqualTo(token);
        assertThat(byDigest("a", true)).get().usingRecursiveComparison().isEqualTo(token);
        assertThat(byDigest("b", false)).isEmpty();
    }

    @Test
    void digestIsUnique() {
        SingleUseToken first = token(john, "a", NOW);
        User jane = user("jane");

        assertRefused(() -> token(jane, "a", NOW));
        assertThat(byDigest("a", false)).get().extracting(SingleUseToken::id).isEqualTo(first.id());
    }

    @Test
    void updateStoresTheUse() {
        SingleUseToken token = token(john, "a", NOW);
        token.use(NOW.plusSeconds(30));

        write(() -> stores.resetTokens().update(token));

        assertThat(usedAt("a")).contains(NOW.plusSeconds(30));
    }

    @Test
    void tokensIssuedAfterAMomentAreCountedPerUserUsedOrNot() {
        token(john, "old", NOW.minusSeconds(3600));
        token(john, "edge", NOW.minusSeconds(60));
        SingleUseToken spent = token(john, "spent", NOW);
        spent.use(NOW.plusSeconds(1));
        write(() -> stores.resetTokens().update(spent));
        token(user("jane"), "jane", NOW);

        assertThat(writing(() -> stores.resetTokens().countIssuedAfter(john.id(), NOW.minusSeconds(60)))).isEqualTo(1);
        assertThat(writing(() -> stores.resetTokens().countIssuedAfter(john.id(), NOW.minusSeconds(3601))))
                .isEqualTo(3);
    }

    @Test
    void usingAllOfAUserSpendsTheUnusedOnesExpiredOrNot() {
        token(john, "fresh", NOW);
        token(john, "expired", NOW.minus(LIFETIME).minusSeconds(1));
        SingleUseToken spent = token(john, "spent", NOW);
        spent.use(NOW.plusSeconds(1));
        write(() -> stores.resetTokens().update(spent));
        token(user("jane"), "jane", NOW);
        Instant at = NOW.plusSeconds(10);

        assertThat(writing(() -> stores.resetTokens().useAllOf(john.id(), at))).isEqualTo(2);

        assertThat(usedAt("fresh")).contains(at);
        assertThat(usedAt("expired")).contains(at);
        assertThat(usedAt("spent")).contains(NOW.plusSeconds(1));
        assertThat(usedAt("jane")).isEmpty();
    }
}
