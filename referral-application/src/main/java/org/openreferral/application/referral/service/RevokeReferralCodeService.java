package org.openreferral.application.referral.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.referral.port.in.CodeView;
import org.openreferral.application.referral.port.in.RevokeReferralCodeUseCase;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.referral.port.out.ReferralCodeRepository.Lock;
import org.openreferral.application.referral.port.out.ReferralEvents;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.User;

/**
 * Revokes one of the caller's codes. The code row is locked for update, so the revoke waits for
 * registrations that hold it and every later registration sees it revoked; {@code code.revoked} is appended in
 * the same transaction, and the cache entry is dropped after commit.
 */
public final class RevokeReferralCodeService implements RevokeReferralCodeUseCase {

    private final UserRepository users;
    private final ReferralCodeRepository codes;
    private final ReferralRepository referrals;
    private final ReferralCodeCache cache;
    private final ReferralEvents events;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public RevokeReferralCodeService(UserRepository users, ReferralCodeRepository codes, ReferralRepository referrals,
                                     ReferralCodeCache cache, ReferralEvents events, UnitOfWork unitOfWork,
                                     Clock clock) {
        this.users = users;
        this.codes = codes;
        this.referrals = referrals;
        this.cache = cache;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public CodeView revoke(RevokeReferralCodeCommand command) {
        CodeValue value = command.code();
        Revoked revoked = unitOfWork.inTransaction(() -> {
            ReferralCode code = codes.findByValue(value, Lock.UPDATE)
                    .filter(found -> found.owner().equals(command.caller().id()))
                    .orElseThrow(NotFoundException::referralCode);
            Instant now = clock.instant();
            code.revoke(now);
            codes.update(code);
            User owner = users.findById(code.owner()).orElseThrow(NotFoundException::referralCode);
            events.codeRevoked(code, owner.username(), now);
            long count = referrals.countByCode(List.of(code.id())).getOrDefault(code.id(), 0L);
            return new Revoked(owner, CodeViews.of(code, count, now));
        });
        cache.evict(revoked.owner().email());
        return revoked.view();
    }

    private record Revoked(User owner, CodeView view) {
    }
}
