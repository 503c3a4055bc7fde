package org.openreferral.application.referral.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openreferral.application.shared.CursorRequest;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.application.shared.Position;
import org.openreferral.application.shared.Slice;
import org.openreferral.domain.model.referral.CodeStatus;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCodeId;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.referral.ReferralStatus;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.UserId;

/** Out-port: where referrals are kept, the row locks of their lifecycle, and the read side that lists and counts them. */
public interface ReferralRepository {

    /**
     * Stores a new referral. A referee is referred only once ({@code ConflictException already-referred}) and so is
     * a canonical mailbox ({@link Referral#mailboxAlreadyReferred()}), whatever races the callers lose.
     */
    void add(Referral referral, Origin origin);

    /** Stores the changed state of a referral read with a lock in this transaction. */
    void update(Referral referral);

    /** The referral, locked against other writers until the transaction ends. */
    Optional<Referral> lockById(ReferralId id);

    /** The referral of this referee, if any, locked against other writers until the transaction ends. */
    Optional<Referral> lockByReferee(UserId referee);

    /**
     * Claims up to {@code limit} QUALIFIED referrals qualified at or before {@code qualifiedBy}, oldest first,
     * locked until the transaction ends; rows another transaction holds are skipped, so concurrent claimers
     * never get the same referral.
     */
    List<Referral> claimQualified(Instant qualifiedBy, int limit);

    /**
     * Serialises reward decisions for one referrer until the transaction ends, so that caps counted under it
     * are exact whatever runs concurrently.
     */
    void lockRewardsOf(UserId referrer);

    /** Whether a referral of this canonical mailbox exists. */
    boolean mailboxReferred(Email refereeEmail);

    /** How many referrals of the referrer came from this client network at or after {@code since}. */
    long countFromNetwork(UserId referrer, String clientNetwork, Instant since);

    /** How many of the referrer's referrals stand REWARDED with points, rewarded at or after {@code since} if given. */
    long countCredited(UserId referrer, Optional<Instant> since);

    /** One referral with what a listing shows. */
    Optional<ReferralRecord> record(ReferralId id);

    /** All referrals that match the filter, newest first. */
    Page<ReferralRecord> list(Filter filter, PageRequest page);

    /** A referrer's referrals, newest first. */
    Page<ReferralRecord> listByReferrer(UserId referrer, PageRequest page);

    /** The referrals made with one code, newest first. */
    Page<ReferralRecord> listByCode(ReferralCodeId code, PageRequest page);

    /** A referrer's referrals after a position, newest first, read as a range of an index (keyset paging). */
    Slice<ReferralRecord> listByReferrer(UserId referrer, CursorRequest cursor);

    /** The referrals made with one code after a position, newest first, read as a range of an index. */
    Slice<ReferralRecord> listByCode(ReferralCodeId code, CursorRequest cursor);

    /** How many referrals each of these codes brought. Codes without any are absent from the map. */
    Map<ReferralCodeId, Long> countByCode(Collection<ReferralCodeId> codes);

    /** A referrer's totals: all time and since two moments. */
    ReferralCounts counts(UserId referrer, Instant since7Days, Instant since30Days);

    /** How many of a referrer's referrals are in each status; statuses without any are absent from the map. */
    Map<ReferralStatus, Long> countByStatus(UserId referrer);

    /** Per-code totals of a referrer, for every code they own (also codes without referrals), newest first. */
    List<CodeReferralCount> countsPerCode(UserId referrer);

    /** Where a new referral comes from: the referee's mailbox and, when known, the keyed hash of their network. */
    record Origin(Email refereeEmail, Optional<String> clientNetwork) {

        public Origin {
            Objects.requireNonNull(refereeEmail, "refereeEmail");
            Objects.requireNonNull(clientNetwork, "clientNetwork");
        }
    }

    /** Which referrals an admin lists; an empty part matches all. */
    record Filter(Optional<ReferralStatus> status, Optional<UserId> referrer, Optional<UserId> referee) {

        public static Filter all() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** Whether {@code referral} matches, by the same rule as the store's query. */
        public boolean matches(Referral referral) {
            return status.map(referral.status()::equals).orElse(true)
                    && referrer.map(referral.referrer()::equals).orElse(true)
                    && referee.map(referral.referee()::equals).orElse(true);
        }
    }

    /** One referral with what a listing shows about the referee and the code. */
    record ReferralRecord(Referral referral, String refereeUsername, Email refereeEmail, String code) {

        public ReferralId id() {
            return referral.id();
        }

        public UserId refereeId() {
            return referral.referee();
        }

        public Instant createdAt() {
            return referral.createdAt();
        }

        /** Where a newest-first list continues after this referral. */
        public Position position() {
            return new Position(referral.createdAt(), referral.id().value());
        }
    }

    /** Totals of one referrer. */
    record ReferralCounts(long total, long last7Days, long last30Days) {
    }

    /** Referrals of one code, with the code's stored state. */
    record CodeReferralCount(String code, CodeStatus storedStatus, Instant expiresAt, long referrals) {

        /** The code's status as of {@code now}, by the rule of {@link CodeStatus#effective}. */
        public CodeStatus statusAt(Instant now) {
            return CodeStatus.effective(storedStatus, expiresAt, now);
        }
    }
}
