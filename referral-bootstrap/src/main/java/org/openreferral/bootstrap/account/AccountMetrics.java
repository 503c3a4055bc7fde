package org.openreferral.bootstrap.account;

import jakarta.inject.Singleton;
import org.openreferral.application.account.port.in.AuthenticateUserUseCase;
import org.openreferral.application.account.port.in.RegisterUserUseCase;
import org.openreferral.application.account.port.in.UserView;
import org.openreferral.application.shared.error.AuthenticationFailedException;
import org.openreferral.bootstrap.shared.UseCaseMetrics;

/** Decorators counting the account slice's business outcomes: registrations, referred ones, failed logins. */
@Singleton
public class AccountMetrics {

    private final UseCaseMetrics metrics;

    AccountMetrics(UseCaseMetrics metrics) {
        this.metrics = metrics;
    }

    /** Counts registrations ({@code referral.registrations{referred}}) and the referrals among them. */
    RegisterUserUseCase registrations(RegisterUserUseCase useCase) {
        return command -> {
            UserView user = useCase.register(command);
            boolean referred = user.referredBy() != null;
            metrics.count("referral.registrations", "referred", Boolean.toString(referred));
            if (referred) {
                metrics.count("referral.referrals");
            }
            return user;
        };
    }

    /** Counts failed logins ({@code referral.login.failures}). */
    AuthenticateUserUseCase logins(AuthenticateUserUseCase useCase) {
        return command -> metrics.countingFailures(() -> useCase.authenticate(command),
                AuthenticationFailedException.class, "referral.login.failures");
    }
}
