package org.openreferral.bootstrap.referral;

import jakarta.inject.Singleton;
import org.openreferral.application.referral.port.in.LookupReferralCodeUseCase;
import org.openreferral.application.referral.port.in.LookupReferralCodeUseCase.PublicCode;
import org.openreferral.bootstrap.shared.UseCaseMetrics;
import org.openreferral.domain.error.NotFoundException;

/** Decorators counting the referral slice's business outcomes: public lookups by outcome. */
@Singleton
public class ReferralMetrics {

    private final UseCaseMetrics metrics;

    ReferralMetrics(UseCaseMetrics metrics) {
        this.metrics = metrics;
    }

    /** Counts public lookups ({@code referral.code.lookups{outcome=found|not_found|rejected}}). */
    LookupReferralCodeUseCase lookups(LookupReferralCodeUseCase useCase) {
        return query -> {
            String outcome = "rejected";
            try {
                PublicCode code = useCase.lookup(query);
                outcome = "found";
                return code;
            } catch (NotFoundException e) {
                outcome = "not_found";
                throw e;
            } finally {
                metrics.count("referral.code.lookups", "outcome", outcome);
            }
        };
    }
}
