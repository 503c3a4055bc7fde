package org.openreferral.bootstrap.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.openreferral.application.account.port.in.CreateInitialAdminUseCase;
import org.openreferral.application.account.port.in.CreateInitialAdminUseCase.CreateInitialAdminCommand;
import org.openreferral.application.account.port.in.CreateInitialAdminUseCase.Outcome;
import org.openreferral.domain.error.InvalidValueException;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.Password;
import org.openreferral.domain.model.user.Username;

/**
 * Start-up: creates the admin account configured by {@code referral.admin.email} and
 * {@code referral.admin.password} when no account has that email. Nothing happens when neither is set;
 * setting only one of them, or a password the policy refuses, stops the start with a clear message.
 */
@ApplicationScoped
public class InitialAdmin {

    private static final Logger LOG = Logger.getLogger(InitialAdmin.class);

    void onStart(@Observes StartupEvent event, CreateInitialAdminUseCase createAdmin, AccountSettings settings) {
        String username = settings.admin().username();
        Optional<String> configuredEmail = settings.admin().email().filter(value -> !value.isBlank());
        Optional<String> configuredPassword = settings.admin().password().filter(value -> !value.isEmpty());
        if (configuredEmail.isEmpty() && configuredPassword.isEmpty()) {
            return;
        }
        if (configuredEmail.isEmpty() || configuredPassword.isEmpty()) {
            throw new IllegalStateException("Set both REFERRAL_ADMIN_EMAIL and REFERRAL_ADMIN_PASSWORD"
                    + " (referral.admin.email / referral.admin.password), or neither");
        }
        Outcome outcome = createAdmin.create(new CreateInitialAdminCommand(
                setting("referral.admin.username", Username::new, username),
                setting("referral.admin.email", Email::new, configuredEmail.get()),
                setting("referral.admin.password", Password::new, configuredPassword.get())));
        switch (outcome) {
            case CREATED -> LOG.infof("Created the configured admin account '%s'", username);
            case ALREADY_ADMIN -> LOG.debug("The configured admin account exists");
            case EXISTS_WITHOUT_ADMIN_ROLE -> LOG.warn("An account with the configured admin email exists but is not"
                    + " an admin; it is not promoted. Configure another address, or grant the role in the database.");
            case USERNAME_TAKEN -> LOG.warnf("The configured admin username '%s' belongs to another account;"
                    + " no admin was created. Set referral.admin.username to a free name.", username);
        }
    }

    private static <T> T setting(String property, Function<String, T> parser, String value) {
        try {
            return parser.apply(value);
        } catch (InvalidValueException e) {
            throw new IllegalStateException("The configured admin account is not acceptable: " + property + " "
                    + e.getMessage());
        }
    }
}
