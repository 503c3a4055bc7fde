package org.openreferral.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.domain.model.session.RefreshToken;
import org.openreferral.domain.model.session.RefreshTokenStatus;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.User;

/** Contract of {@code RefreshTokenRepository}: unique digests, one active token per session, revocation. */
public abstract class RefreshTokenRepositoryContract extends RepositoryContract {

    private static final Duration LIFETIME = Duration.ofDays(30);

    private User john;

    @BeforeEach
    void owner() {
        john = user("john");
    }

    private static RefreshToken issuedToken(User user, SessionId session, String seed, Instant at) {
        return RefreshToken.issue(UUID.randomUUID(), session, user.id(), digest(seed), at, LIFETIME);
    }

    private RefreshToken token(User user, SessionId session, String seed) {
        RefreshToken token = issuedToken(user, session, seed, NOW);
        write(() -> stores.refreshTokens().add(token));
        return token;
    }

    /** A session of {@code user} whose first token was rotated once: the rotated token and its successor. */
    private RefreshToken[] rotatedOnce(User user, SessionId session, String seed) {
        RefreshToken first = token(user, session, seed + "-1");
        RefreshToken second = first.rotate(UUID.randomUUID(), digest(seed + "-2"), NOW.plusSeconds(1), LIFETIME);
        write(() -> {
            stores.refreshTokens().update(first);
            stores.refreshTokens().add(second);
        });
        return new RefreshToken[] {first, second};
    }

    private Optional<RefreshToken> byDigest(String seed) {
        return writing(() -> stores.refreshTokens().findByDigestForUpdate(digest(seed)));
    }

    private RefreshTokenStatus statusOf(String seed) {
        return byDigest(seed).orElseThrow().status();
    }

    @Test
    void storedTokenReadsBackByItsDigest() {
        RefreshToken token = token(john, SessionId.newId(), "a");

        assertThat(byDigest("a")).get().usingRecursiveComparison().isEqualTo(token);
        assertThat(byDigest("b")).isEmpty();
    }

    @Test
    void aTokensOwnerIsKnownByItsDigest() {
        token(john, SessionId.newId(), "a");
        User jane = user("jane");
        token(jane, SessionId.newId(), "b");

        assertThat(writing(() -> stores.refreshTokens().ownerOf(digest("a")))).contains(john.id());
        assertThat(writing(() -> stores.refreshTokens().ownerOf(digest("b")))).contains(jane.id());
        assertThat(writing(() -> stores.refreshTokens().ownerOf(digest("c")))).isEmpty();
    }

    @Test
    void aSessionStartedWhenItsFirstTokenWasIssued() {
        SessionId session = SessionId.newId();
        RefreshToken[] tokens = rotatedOnce(john, session, "start");
        RefreshToken third = tokens[1].rotate(UUID.randomUUID(), digest("start-3"), NOW.plusSeconds(60), LIFETIME);
        write(() -> {
            stores.refreshTokens().update(tokens[1]);
            stores.refreshTokens().add(third);
        });
        token(john, SessionId.newId(), "other");

        assertThat(writing(() -> stores.refreshTokens().sessionStartedAt(session))).contains(NOW);
        assertThat(writing(() -> stores.refreshTokens().sessionStartedAt(SessionId.newId()))).isEmpty();
    }

    @Test
    void digestIsUnique() {
        RefreshToken first = token(john, SessionId.newId(), "a");

        assertRefused(() -> token(john, SessionId.newId(), "a"));
        assertThat(byDigest("a")).get().extracting(RefreshToken::id).isEqualTo(first.id());
    }

    @Test
    void sessionHoldsOneActiveTokenAtMost() {
        SessionId session = SessionId.newId();
        token(john, session, "a");

        assertRefused(() -> token(john, session, "b"));
        assertThat(byDigest("b")).isEmpty();
    }

    @Test
    void rotationStoresTheRotatedTokenAndItsSuccessor() {
        RefreshToken[] tokens = rotatedOnce(john, SessionId.newId(), "a");

        assertThat(byDigest("a-1")).get().usingRecursiveComparison().isEqualTo(tokens[0]);
        assertThat(byDigest("a-2")).get().usingRecursiveComparison().isEqualTo(tokens[1]);
        assertThat(tokens[0].status()).isEqualTo(RefreshTokenStatus.ROTATED);
    }

    @Test
    void revokingASessionRevokesItsTokensAndNoOthers() {
        SessionId session = SessionId.newId();
        rotatedOnce(john, session, "a");
        token(john, SessionId.newId(), "b");
        Instant at = NOW.plusSeconds(10);

        assertThat(writing(() -> stores.refreshTokens().revokeSession(session, john.id(), at))).isEqualTo(2);

        RefreshToken rotated = byDigest("a-1").orElseThrow();
        assertThat(rotated.status()).isEqualTo(RefreshTokenStatus.REVOKED);
        assertThat(rotated.revokedAt()).contains(at);
        assertThat(rotated.rotatedAt()).contains(NOW.plusSeconds(1));
        assertThat(statusOf("a-2")).isEqualTo(RefreshTokenStatus.REVOKED);
        assertThat(statusOf("b")).isEqualTo(RefreshTokenStatus.ACTIVE);
    }

    @Test
    void revokingASessionAgainCountsNothingAndKeepsTheFirstRevocation() {
        SessionId session = SessionId.newId();
        token(john, session, "a");
        write(() -> stores.refreshTokens().revokeSession(session, john.id(), NOW.plusSeconds(1)));

        int again = writing(() -> stores.refreshTokens().revokeSession(session, john.id(), NOW.plusSeconds(2)));

        assertThat(again).isZero();
        assertThat(byDigest("a")).get().extracting(token -> token.revokedAt().orElseThrow())
                .isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void sessionIsRevokedOnlyForItsOwnUser() {
        SessionId session = SessionId.newId();
        token(john, session, "a");
        User jane = user("jane");

        assertThat(writing(() -> stores.refreshTokens().revokeSession(session, jane.id(), NOW))).isZero();
        assertThat(statusOf("a")).isEqualTo(RefreshTokenStatus.ACTIVE);
    }

    @Test
    void revokingAllOfAUserNamesTheSessionsThatStillHadAnActiveToken() {
        SessionId live = SessionId.newId();
        SessionId rotated = SessionId.newId();
        SessionId ended = SessionId.newId();
        SessionId overdue = SessionId.newId();
        token(john, live, "live");
        rotatedOnce(john, rotated, "rotated");
        token(john, ended, "ended");
        write(() -> stores.refreshTokens().revokeSession(ended, john.id(), NOW));
        RefreshToken old = issuedToken(john, overdue, "overdue", NOW.minus(LIFETIME).minusSeconds(1));
        write(() -> stores.refreshTokens().add(old));
        User jane = user("jane");
        token(jane, SessionId.newId(), "jane");

        assertThat(writing(() -> stores.refreshTokens().revokeAllOf(john.id(), NOW.plusSeconds(5))))
                .containsExactlyInAnyOrder(live, rotated, overdue);

        for (String seed : new String[] {"live", "rotated-1", "rotated-2", "ended", "overdue"}) {
            assertThat(statusOf(seed)).as(seed).isEqualTo(RefreshTokenStatus.REVOKED);
        }
        assertThat(statusOf("jane")).isEqualTo(RefreshTokenStatus.ACTIVE);
    }

    @Test
    void aSessionCountsAsRevokedOnceRevokedAndNotForBeingRotatedOrUnknown() {
        SessionId revoked = SessionId.newId();
        SessionId rotated = SessionId.newId();
        token(john, revoked, "revoked");
        rotatedOnce(john, rotated, "rotated");
        write(() -> stores.refreshTokens().revokeSession(revoked, john.id(), NOW));

        assertThat(read(() -> stores.refreshTokens().isSessionRevoked(revoked))).isTrue();
        assertThat(read(() -> stores.refreshTokens().isSessionRevoked(rotated))).isFalse();
        assertThat(read(() -> stores.refreshTokens().isSessionRevoked(SessionId.newId()))).isFalse();
    }

    @Test
    void theSessionsRevokedSinceAMomentComeWithTheirLatestRevocation() {
        SessionId early = SessionId.newId();
        SessionId recent = SessionId.newId();
        SessionId live = SessionId.newId();
        token(john, early, "early");
        rotatedOnce(john, recent, "recent");
        token(john, live, "live");
        write(() -> stores.refreshTokens().revokeSession(early, john.id(), NOW.plusSeconds(10)));
        write(() -> stores.refreshTokens().revokeSession(recent, john.id(), NOW.plusSeconds(20)));

        assertThat(read(() -> stores.refreshTokens().sessionsRevokedSince(NOW.plusSeconds(15))))
                .containsEntry(recent, NOW.plusSeconds(20))
                .doesNotContainKeys(early, live);
        assertThat(read(() -> stores.refreshTokens().sessionsRevokedSince(NOW.plusSeconds(10))))
                .containsEntry(early, NOW.plusSeconds(10))
                .containsEntry(recent, NOW.plusSeconds(20))
                .doesNotContainKey(live);
    }
}
