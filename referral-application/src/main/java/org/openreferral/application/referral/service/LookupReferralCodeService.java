package org.openreferral.application.referral.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.openreferral.application.referral.port.in.LookupReferralCodeUseCase;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CachedCode;
import org.openreferral.application.referral.port.out.ReferralCodeCache.Snapshot;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.Email;

/**
 * The public lookup of a referrer's active code, served from the cache when it can be. A cached code is
 * only used before its expiry, and is cached no longer than {@code maxCacheTtl} nor past its expiry.
 */
public final class LookupReferralCodeService implements LookupReferralCodeUseCase {

    private final ReferralCodeRepository codes;
    private final ReferralCodeCache cache;
    private final UnitOfWork unitOfWork;
    private final Duration maxCacheTtl;
    private final Clock clock;

    public LookupReferralCodeService(ReferralCodeRepository codes, ReferralCodeCache cache, UnitOfWork unitOfWork,
                                     Duration maxCacheTtl, Clock clock) {
        this.codes = codes;
        this.cache = cache;
        this.unitOfWork = unitOfWork;
        this.maxCacheTtl = maxCacheTtl;
        this.clock = clock;
    }

    @Override
    public PublicCode lookup(LookupReferralCodeQuery query) {
        Email email = query.email();
        Instant now = clock.instant();
        Snapshot snapshot = cache.read(email);
        Optional<CachedCode> cached = snapshot.code().filter(code -> code.expiresAt().isAfter(now));
        if (cached.isPresent()) {
            return new PublicCode(cached.get().code(), cached.get().expiresAt());
        }
        ReferralCode code = unitOfWork.reading(() -> codes.findActiveByOwnerEmail(email, now))
                .orElseThrow(LookupReferralCodeService::notFound);
        Duration untilExpiry = Duration.between(now, code.expiresAt());
        Duration ttl = untilExpiry.compareTo(maxCacheTtl) < 0 ? untilExpiry : maxCacheTtl;
        cache.putIfUnchanged(email, snapshot, new CachedCode(code.value().value(), code.expiresAt()), ttl);
        return new PublicCode(code.value().value(), code.expiresAt());
    }

    private static NotFoundException notFound() {
        return new NotFoundException("code-not-found", "This person has no active referral code.");
    }
}
