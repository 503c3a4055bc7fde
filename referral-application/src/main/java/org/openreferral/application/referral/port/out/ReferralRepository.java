package org.openreferral.application.referral.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.referral.CodeStatus;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCodeId;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.UserId;

/** Out-port: where referrals are kept, and the read side that lists and counts them. */
public interface ReferralRepository {

    /** Stores a referral; a referee can be referred only once. */
    void add(Referral referral);

    /** A referrer's referrals, newest first. */
    Page<ReferralRecord> listByReferrer(UserId referrer, PageRequest page);

    /** The referrals made with one code, newest first. */
    Page<ReferralRecord> listByCode(ReferralCodeId code, PageRequest page);

    /** How many referrals each of these codes brought. Codes without any are absent from the map. */
    Map<ReferralCodeId, Long> countByCode(Collection<ReferralCodeId> codes);

    /** A referrer's totals: all time and since two moments. */
    ReferralCounts counts(UserId referrer, Instant since7Days, Instant since30Days);

    /** Per-code totals of a referrer, for every code they own (also codes without referrals), newest first. */
    List<CodeReferralCount> countsPerCode(UserId referrer);

    /** One referral with what a listing shows about the referee. */
    record ReferralRecord(ReferralId id, UserId refereeId, String refereeUsername, Email refereeEmail, String code,
                          Instant createdAt) {
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
