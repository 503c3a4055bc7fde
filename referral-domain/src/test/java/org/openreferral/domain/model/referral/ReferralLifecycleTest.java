package org.openreferral.domain.model.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openreferral.domain.error.ConflictException;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.UserId;

class ReferralLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofHours(2));
    private static final RewardPolicy TEN_AND_FIVE = new RewardPolicy(10, 5);

    private final UserId referrer = UserId.newId();
    private final UserId referee = UserId.newId();

    @Test
    void aNewReferralIsPendingWithNoPoints() {
        Referral referral = pending();

        assertThat(referral.status()).isEqualTo(ReferralStatus.PENDING);
        assertThat(referral.points()).isZero();
        assertThat(referral.statusReason()).isEmpty();
        assertThat(referral.qualifiedAt()).isEmpty();
    }

    @Test
    void aPendingReferralQualifiesOnceAndKeepsTheHostsExternalId() {
        Referral referral = pending();

        assertThat(referral.qualify("order-42", LATER)).isTrue();
        assertThat(referral.qualify("order-43", LATER.plusSeconds(1))).isFalse();

        assertThat(referral.status()).isEqualTo(ReferralStatus.QUALIFIED);
        assertThat(referral.qualifiedAt()).contains(LATER);
        assertThat(referral.externalId()).contains("order-42");
    }

    @Test
    void aRewardedReferralStaysRewardedWhenQualifiedAgain() {
        Referral referral = rewarded();

        assertThat(referral.qualify(null, LATER)).isFalse();
        assertThat(referral.status()).isEqualTo(ReferralStatus.REWARDED);
    }

    @Test
    void aFlaggedReferralCannotQualify() {
        Referral referral = pending();
        referral.flag("same-network");

        assertThatThrownBy(() -> referral.qualify(null, LATER)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("referral-flagged"));
        assertThat(referral.status()).isEqualTo(ReferralStatus.FLAGGED);
        assertThat(referral.statusReason()).contains("same-network");
    }

    @Test
    void aVoidedReferralCannotQualify() {
        Referral referral = pending();
        referral.voidFor("fraud", List.of(), LATER);

        assertThatThrownBy(() -> referral.qualify(null, LATER)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("referral-voided"));
    }

    @Test
    void approvingAFlaggedReferralMakesItPendingAgain() {
        Referral referral = pending();
        referral.flag("email-unverifiable");

        referral.approve();

        assertThat(referral.status()).isEqualTo(ReferralStatus.PENDING);
        assertThat(referral.statusReason()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ReferralStatus.class, names = "FLAGGED", mode = EnumSource.Mode.EXCLUDE)
    void onlyAFlaggedReferralCanBeApproved(ReferralStatus status) {
        Referral referral = in(status);

        assertThatThrownBy(referral::approve).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("referral-not-flagged"));
        assertThat(referral.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(value = ReferralStatus.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
    void onlyAPendingReferralCanBeFlagged(ReferralStatus status) {
        Referral referral = in(status);

        assertThatThrownBy(() -> referral.flag("same-network")).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(value = ReferralStatus.class, names = "QUALIFIED", mode = EnumSource.Mode.EXCLUDE)
    void onlyAQualifiedReferralCanBeRewarded(ReferralStatus status) {
        Referral referral = in(status);

        assertThatThrownBy(() -> referral.reward(TEN_AND_FIVE, false, LATER))
                .isInstanceOf(IllegalStateException.class);
        assertThat(referral.status()).isEqualTo(status);
    }

    @Test
    void rewardingCreditsTheReferrerAndTheReferee() {
        Referral referral = pending();
        referral.qualify(null, NOW);

        List<RewardEntry> credits = referral.reward(TEN_AND_FIVE, false, LATER);

        assertThat(referral.status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(referral.points()).isEqualTo(10);
        assertThat(referral.rewardedAt()).contains(LATER);
        assertThat(credits).extracting(RewardEntry::user, RewardEntry::points, RewardEntry::reason,
                        RewardEntry::referral, RewardEntry::createdAt)
                .containsExactly(tuple(referrer, 10, RewardReason.REFERRAL_REFERRER, referral.id(), LATER),
                        tuple(referee, 5, RewardReason.REFERRAL_REFEREE, referral.id(), LATER));
    }

    @Test
    void aPartyWithZeroPointsGetsNoEntry() {
        Referral referral = pending();
        referral.qualify(null, NOW);

        assertThat(referral.reward(RewardPolicy.defaults(), false, LATER))
                .extracting(RewardEntry::user).containsExactly(referrer);
    }

    @Test
    void pastACapTheReferralIsRewardedWithoutAReferrerCredit() {
        Referral referral = pending();
        referral.qualify(null, NOW);

        List<RewardEntry> credits = referral.reward(TEN_AND_FIVE, true, LATER);

        assertThat(referral.status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(referral.points()).isZero();
        assertThat(referral.statusReason()).contains(Referral.CAP_REACHED);
        assertThat(credits).extracting(RewardEntry::user).containsExactly(referee);
    }

    @Test
    void voidingARewardedReferralReversesEveryCredit() {
        Referral referral = pending();
        referral.qualify(null, NOW);
        List<RewardEntry> ledger = new ArrayList<>(referral.reward(TEN_AND_FIVE, false, NOW));

        List<RewardEntry> reversals = referral.voidFor("refunded order", ledger, LATER).orElseThrow();

        assertThat(referral.status()).isEqualTo(ReferralStatus.VOIDED);
        assertThat(referral.statusReason()).contains("refunded order");
        assertThat(referral.voidedAt()).contains(LATER);
        assertThat(reversals).extracting(RewardEntry::user, RewardEntry::points, RewardEntry::reason)
                .containsExactlyInAnyOrder(tuple(referrer, -10, RewardReason.REFERRAL_VOIDED),
                        tuple(referee, -5, RewardReason.REFERRAL_VOIDED));
        ledger.addAll(reversals);
        assertThat(ledger.stream().mapToInt(RewardEntry::points).sum()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = ReferralStatus.class, names = {"PENDING", "FLAGGED", "QUALIFIED"})
    void voidingAnUnrewardedReferralDebitsNothing(ReferralStatus status) {
        Referral referral = in(status);

        assertThat(referral.voidFor("duplicate", List.of(), LATER)).contains(List.of());
        assertThat(referral.status()).isEqualTo(ReferralStatus.VOIDED);
    }

    @Test
    void voidingTwiceChangesNothingTheSecondTime() {
        Referral referral = rewarded();
        referral.voidFor("first", List.of(), NOW);

        assertThat(referral.voidFor("second", List.of(), LATER)).isEmpty();
        assertThat(referral.statusReason()).contains("first");
        assertThat(referral.voidedAt()).contains(NOW);
    }

    @Test
    void voidingIgnoresLedgerEntriesOfOtherReferrals() {
        Referral referral = rewarded();
        RewardEntry other = new RewardEntry(UUID.randomUUID(), referrer, 10,
                RewardReason.REFERRAL_REFERRER, ReferralId.newId(), NOW);

        assertThat(referral.voidFor("fraud", List.of(other), LATER)).contains(List.of());
    }

    private Referral pending() {
        ReferralCode code = ReferralCode.reconstitute(ReferralCodeId.newId(), new CodeValue("FRIEND10"), referrer,
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)), CodeStatus.ACTIVE, null);
        return Referral.record(code, referee, new Email("jane@example.com"), new Email("john@example.com"), NOW);
    }

    private Referral rewarded() {
        return in(ReferralStatus.REWARDED);
    }

    private Referral in(ReferralStatus status) {
        Referral referral = pending();
        switch (status) {
            case PENDING -> { }
            case FLAGGED -> referral.flag("same-network");
            case QUALIFIED -> referral.qualify(null, NOW);
            case REWARDED -> {
                referral.qualify(null, NOW);
                referral.reward(TEN_AND_FIVE, false, NOW);
            }
            case VOIDED -> referral.voidFor("fraud", List.of(), NOW);
        }
        return referral;
    }
}
