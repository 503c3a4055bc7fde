package org.openreferral.application.referral.service;

import java.time.Clock;
import java.time.Instant;
import org.openreferral.application.referral.port.in.CheckShareLinkUseCase;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.referral.port.out.ReferralCodeRepository.Lock;
import org.openreferral.application.shared.UnitOfWork;

/** Tells the page behind a share link whether its code is active now, by the code's own rule. */
public final class CheckShareLinkService implements CheckShareLinkUseCase {

    private final ReferralCodeRepository codes;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public CheckShareLinkService(ReferralCodeRepository codes, UnitOfWork unitOfWork, Clock clock) {
        this.codes = codes;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public ShareLinkState check(CheckShareLinkQuery query) {
        Instant now = clock.instant();
        return unitOfWork.reading(() -> codes.findByValue(query.code(), Lock.NONE))
                .filter(code -> code.isActiveAt(now))
                .map(code -> ShareLinkState.OPEN)
                .orElse(ShareLinkState.CLOSED);
    }
}
