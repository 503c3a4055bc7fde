package org.openreferral.adapter.emailcheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerifier;
import org.openreferral.application.account.port.out.PaidEmailCheckCounter;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.user.Email;

/** Adapter: the application's {@link EmailVerifier}; Hunter.io when an API key is configured, else the offline check. */
@ApplicationScoped
public class ConfiguredEmailVerifier implements EmailVerifier {

    private static final Logger LOG = Logger.getLogger(ConfiguredEmailVerifier.class);

    private final EmailVerifier delegate;
    private final MeterRegistry meters;

    @Inject
    public ConfiguredEmailVerifier(HunterSettings hunter, ObjectMapper json, MeterRegistry meters,
            @ConfigProperty(name = "referral.email.disposable-domains-file") Optional<String> disposableDomainsFile,
            PaidEmailCheckCounter paidChecks, UnitOfWork unitOfWork, Clock clock) {
        this.meters = meters;
        DisposableDomains domains = disposableDomainsFile.filter(file -> !file.isBlank())
                .map(file -> DisposableDomains.fromFile(Path.of(file)))
                .orElseGet(DisposableDomains::shipped);
        OfflineEmailVerifier offline = new OfflineEmailVerifier(domains);
        if (hunter.apiKey().filter(key -> !key.isBlank()).isPresent()) {
            MonthlyHunterBudget budget = new MonthlyHunterBudget(hunter.monthlyBudget(), paidChecks, unitOfWork, clock);
            budget.register(meters);
            delegate = new HunterEmailVerifier(hunter, json, budget, offline, meters);
            LOG.infof("Email verification: Hunter.io at %s, %s; offline (%d disposable-email domains from %s) once"
                    + " the budget or Hunter's quota is spent", URI.create(hunter.baseUrl()).getHost(),
                    hunter.monthlyBudget().map(calls -> "at most " + calls + " requests a month")
                            .orElse("no monthly budget"), domains.size(), domains.source());
        } else {
            delegate = offline;
            LOG.infof("Email verification: offline (syntax and %d disposable-email domains from %s);"
                    + " set referral.email.hunter.api-key to use Hunter.io", domains.size(), domains.source());
        }
    }

    // Empty on purpose: observing startup creates the bean then, so the choice is logged once and a bad
    // domain file stops the start instead of the first registration.
    void onStart(@Observes StartupEvent event) {
    }

    @Override
    public EmailVerdict verify(Email email) {
        EmailVerdict verdict = delegate.verify(email);
        meters.counter("referral.email.verdicts", "status", verdict.status().name().toLowerCase(Locale.ROOT),
                "failed", Boolean.toString(verdict.failed())).increment();
        return verdict;
    }

    @PreDestroy
    void close() {
        if (delegate instanceof HunterEmailVerifier hunter) {
            hunter.close();
        }
    }
}
