package org.openreferral.application.integration.service;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openreferral.application.integration.port.out.EventOutbox;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.integration.port.out.OutboxEvent;
import org.openreferral.application.referral.port.out.ReferralEvents;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.referral.port.out.ReferralRepository.ReferralRecord;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.Username;

/**
 * The referral slice's events as outbox events. Every {@code referral.*} event carries the same fields (the
 * referral as it stands right after the change: ids, the referee's username, the code, status, reason, points,
 * external id); {@code code.*} events carry the code, its owner and its dates. Never an email address.
 */
public final class ReferralEventsService implements ReferralEvents {

    private static final Map<ReferralChange, EventType> TYPES = new EnumMap<>(Map.of(
            ReferralChange.CREATED, EventType.REFERRAL_CREATED,
            ReferralChange.FLAGGED, EventType.REFERRAL_FLAGGED,
            ReferralChange.QUALIFIED, EventType.REFERRAL_QUALIFIED,
            ReferralChange.REWARDED, EventType.REFERRAL_REWARDED,
            ReferralChange.VOIDED, EventType.REFERRAL_VOIDED));

    private final EventOutbox outbox;
    private final ReferralRepository referrals;

    public ReferralEventsService(EventOutbox outbox, ReferralRepository referrals) {
        this.outbox = outbox;
        this.referrals = referrals;
    }

    @Override
    public void codeCreated(ReferralCode code, Username owner, Instant now) {
        append(EventType.CODE_CREATED, codeData(code, owner, now), now);
    }

    @Override
    public void codeRevoked(ReferralCode code, Username owner, Instant now) {
        append(EventType.CODE_REVOKED, codeData(code, owner, now), now);
    }

    @Override
    public void referralChanged(Referral referral, ReferralChange change, Instant now) {
        // The stored referral row gives the referee's username and the code's value; the rest is the aggregate's
        // state right after the change (a QUALIFIED event is appended before a reward without hold follows it).
        ReferralRecord stored = referrals.record(referral.id())
                .orElseThrow(() -> new IllegalStateException("referral " + referral.id() + " is not stored"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", referral.id().value().toString());
        data.put("referrerId", referral.referrer().value().toString());
        data.put("refereeId", referral.referee().value().toString());
        data.put("refereeUsername", stored.refereeUsername());
        data.put("code", stored.code());
        data.put("status", referral.status().name());
        data.put("reason", referral.statusReason().orElse(null));
        data.put("points", referral.points());
        data.put("externalId", referral.externalId().orElse(null));
        append(TYPES.get(change), data, now);
    }

    private static Map<String, Object> codeData(ReferralCode code, Username owner, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("codeId", code.id().value().toString());
        data.put("code", code.value().value());
        data.put("ownerId", code.owner().value().toString());
        data.put("ownerUsername", owner.value());
        data.put("status", code.statusAt(now).name());
        data.put("expiresAt", code.expiresAt().toString());
        return data;
    }

    private void append(EventType type, Map<String, Object> data, Instant now) {
        outbox.append(new OutboxEvent(UUID.randomUUID(), type, now, data, Optional.empty()));
    }
}
