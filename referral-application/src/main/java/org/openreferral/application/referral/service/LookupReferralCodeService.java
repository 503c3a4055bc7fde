package org.openreferral.application.referral.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.openreferral.application.referral.port.in.LookupReferralCodeUseCase;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CachedCode;
import org.openreferral.application.referral.port.out.ReferralCodeCache.Snapshot;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.referral.CodeStatus;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.Email;

/**
 * The public lookup of a referrer's active code, served from the cache when it can be. A cached code is
 * only used before its expiry; the cache is handed the code with its expiry and keeps it no longer.
 */
public final class LookupReferralCodeService implements LookupReferralCodeUseCase {

    private final ReferralCodeRepository codes;
    private final ReferralCodeCache cache;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public LookupReferralCodeService(ReferralCodeRepository codes, ReferralCodeCache cache, UnitOfWork unitOfWork,
                                     Clock clock) {
        this.codes = codes;
        this.cache = cache;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public PublicCode lookup(LookupReferralCodeQuery query) {
        Email email = query.email();
        Instant now = clock.instant();
        Snapshot snapshot = cache.read(email);
        // Checked here too: an entry written by an instance whose clock lags may outlive the code.
        Optional<CachedCode> cached = snapshot.code()
                .filter(code -> CodeStatus.effective(CodeStatus.ACTIVE, code.expiresAt(), now) == CodeStatus.ACTIVE);
        if (cached.isPresent()) {
            return new PublicCode(cached.get().code(), cached.get().expiresAt());
        }
        ReferralCode code = unitOfWork.reading(() -> codes.findActiveByOwnerEmail(email, now))
                .orElseThrow(LookupReferralCodeService::notFound);
        cache.putIfUnchanged(email, snapshot, new CachedCode(code.value().value(), code.expiresAt()));
        return new PublicCode(code.value().value(), code.expiresAt());
    }

    private static NotFoundException notFound() {
        return new NotFoundException("code-not-found", "This person has no active referral code.");
    }
}
