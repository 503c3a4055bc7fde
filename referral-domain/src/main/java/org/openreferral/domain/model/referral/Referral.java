package org.openreferral.domain.model.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.openreferral.domain.error.ConflictException;
import org.openreferral.domain.error.RuleViolationException;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.UserId;

/**
 * Aggregate: a new user (the referee) who registered with the referral code of another (the referrer), and
 * the state machine that decides whether and when the referral earns its rewards:
 * PENDING -> (FLAGGED -> PENDING) -> QUALIFIED -> REWARDED, and VOIDED from anywhere.
 */
public final class Referral {

    /** The status reason of a referral rewarded past a cap: it earned its referrer nothing. */
    public static final String CAP_REACHED = "cap-reached";

    private final ReferralId id;
    private final UserId referrer;
    private final UserId referee;
    private final ReferralCodeId code;
    private final Instant createdAt;
    private ReferralStatus status;
    private String statusReason;
    private int points;
    private String externalId;
    private Instant qualifiedAt;
    private Instant rewardedAt;
    private Instant voidedAt;

    private Referral(ReferralId id, UserId referrer, UserId referee, ReferralCodeId code, Instant createdAt,
                     ReferralStatus status, String statusReason, int points, String externalId, Instant qualifiedAt,
                     Instant rewardedAt, Instant voidedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.referrer = Objects.requireNonNull(referrer, "referrer");
        this.referee = Objects.requireNonNull(referee, "referee");
        this.code = Objects.requireNonNull(code, "code");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.status = Objects.requireNonNull(status, "status");
        this.statusReason = statusReason;
        this.points = points;
        this.externalId = externalId;
        this.qualifiedAt = qualifiedAt;
        this.rewardedAt = rewardedAt;
        this.voidedAt = voidedAt;
    }

    /**
     * Records that {@code refereeId} registered with {@code code}: a PENDING referral. The code must be usable
     * now and the referee's mailbox must not be the referrer's own.
     */
    public static Referral record(ReferralCode code, UserId refereeId, Email refereeEmail, Email referrerEmail,
                                  Instant now) {
        code.ensureUsableAt(now);
        if (refereeEmail.canonical().equals(referrerEmail.canonical())) {
            throw new RuleViolationException("self-referral", "You cannot register with your own referral code.");
        }
        return new Referral(ReferralId.newId(), code.owner(), refereeId, code.id(), now, ReferralStatus.PENDING,
                null, 0, null, null, null, null);
    }

    /**
     * The refusal of a second referral of one canonical mailbox (see {@link Email#canonical()}), named once for
     * the use case that checks it and the storage whose unique index decides races.
     */
    public static RuleViolationException mailboxAlreadyReferred() {
        return new RuleViolationException("mailbox-already-referred",
                "An account with this mailbox has already been referred.");
    }

    /** Rebuilds a stored referral; for persistence adapters only. */
    public static Referral reconstitute(ReferralId id, UserId referrer, UserId referee, ReferralCodeId code,
                                        Instant createdAt, ReferralStatus status, String statusReason, int points,
                                        String externalId, Instant qualifiedAt, Instant rewardedAt,
                                        Instant voidedAt) {
        return new Referral(id, referrer, referee, code, createdAt, status, statusReason, points, externalId,
                qualifiedAt, rewardedAt, voidedAt);
    }

    /** A fraud rule holds the pending referral for review; {@code rule} names it (e.g. {@code same-network}). */
    public void flag(String rule) {
        requireStatus(ReferralStatus.PENDING, "flag");
        status = ReferralStatus.FLAGGED;
        statusReason = Objects.requireNonNull(rule, "rule");
    }

    /** An admin releases a flagged referral back to PENDING. */
    public void approve() {
        if (status != ReferralStatus.FLAGGED) {
            throw new ConflictException("referral-not-flagged", "Only a flagged referral can be approved.");
        }
        status = ReferralStatus.PENDING;
        statusReason = null;
    }

    /**
     * The qualifying condition holds: PENDING becomes QUALIFIED. Returns false, changing nothing, when it is
     * already QUALIFIED or REWARDED; a FLAGGED or VOIDED referral cannot qualify.
     */
    public boolean qualify(String externalId, Instant now) {
        switch (status) {
            case QUALIFIED, REWARDED -> {
                return false;
            }
            case FLAGGED -> throw new ConflictException("referral-flagged",
                    "The referral is held for review; an admin must approve it first.");
            case VOIDED -> throw new ConflictException("referral-voided", "The referral has been voided.");
            case PENDING -> {
                status = ReferralStatus.QUALIFIED;
                qualifiedAt = now;
                this.externalId = externalId;
                return true;
            }
        }
        throw new IllegalStateException("unknown status " + status);
    }

    /**
     * Writes the reward of a QUALIFIED referral: it becomes REWARDED and the returned entries are its ledger
     * credits. Past a cap ({@code capReached}) it is still REWARDED, with no points and no referrer credit.
     */
    public List<RewardEntry> reward(RewardPolicy policy, boolean capReached, Instant now) {
        requireStatus(ReferralStatus.QUALIFIED, "reward");
        status = ReferralStatus.REWARDED;
        rewardedAt = now;
        points = capReached ? 0 : policy.referrerPoints();
        statusReason = capReached ? CAP_REACHED : null;
        List<RewardEntry> credits = new ArrayList<>(2);
        if (points > 0) {
            credits.add(entry(referrer, points, RewardReason.REFERRAL_REFERRER, now));
        }
        if (policy.refereePoints() > 0) {
            credits.add(entry(referee, policy.refereePoints(), RewardReason.REFERRAL_REFEREE, now));
        }
        return List.copyOf(credits);
    }

    /**
     * Cancels the referral for {@code reason}. {@code ledger} is what the ledger holds for this referral; the
     * returned entries reverse whatever it still credits, so balances drop and the ledger stays append-only.
     * Returns nothing and changes nothing if the referral is already VOIDED.
     */
    public Optional<List<RewardEntry>> voidFor(String reason, List<RewardEntry> ledger, Instant now) {
        if (status == ReferralStatus.VOIDED) {
            return Optional.empty();
        }
        status = ReferralStatus.VOIDED;
        statusReason = Objects.requireNonNull(reason, "reason");
        voidedAt = now;
        Map<UserId, Integer> credited = new LinkedHashMap<>();
        ledger.stream().filter(entry -> entry.referral().equals(id))
                .forEach(entry -> credited.merge(entry.user(), entry.points(), Integer::sum));
        List<RewardEntry> reversals = new ArrayList<>(credited.size());
        credited.forEach((user, sum) -> {
            if (sum > 0) {
                reversals.add(entry(user, -sum, RewardReason.REFERRAL_VOIDED, now));
            }
        });
        return Optional.of(List.copyOf(reversals));
    }

    private RewardEntry entry(UserId user, int entryPoints, RewardReason reason, Instant now) {
        return new RewardEntry(UUID.randomUUID(), user, entryPoints, reason, id, now);
    }

    private void requireStatus(ReferralStatus expected, String transition) {
        if (status != expected) {
            throw new IllegalStateException("cannot " + transition + " a " + status + " referral");
        }
    }

    public ReferralId id() {
        return id;
    }

    public UserId referrer() {
        return referrer;
    }

    public UserId referee() {
        return referee;
    }

    public ReferralCodeId code() {
        return code;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public ReferralStatus status() {
        return status;
    }

    public Optional<String> statusReason() {
        return Optional.ofNullable(statusReason);
    }

    /** The referrer's points this referral earned: 0 until REWARDED, and 0 past a cap. */
    public int points() {
        return points;
    }

    public Optional<String> externalId() {
        return Optional.ofNullable(externalId);
    }

    public Optional<Instant> qualifiedAt() {
        return Optional.ofNullable(qualifiedAt);
    }

    public Optional<Instant> rewardedAt() {
        return Optional.ofNullable(rewardedAt);
    }

    public Optional<Instant> voidedAt() {
        return Optional.ofNullable(voidedAt);
    }
}
