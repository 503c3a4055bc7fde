package org.openreferral.adapter.emailcheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.api.LoggingScope;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerdict.Status;
import org.openreferral.application.account.port.out.EmailVerifier;
import org.openreferral.domain.model.user.Email;

/**
 * Adapter: asks Hunter.io's Email Verifier about an address, within a client-side rate limit, brief retries,
 * a circuit breaker and the monthly budget; whatever goes wrong becomes a failure verdict, never an exception.
 * When the budget or Hunter's own quota is spent, the offline verifier answers instead.
 */
public final class HunterEmailVerifier implements EmailVerifier, AutoCloseable {

    static final String UNAVAILABLE = "the email verification service is unavailable right now";
    static final String BUSY = "the email verification service is busy, please try again shortly";
    static final String NOT_CHECKED = "the email verification service could not check this address";

    private static final Logger LOG = Logger.getLogger(HunterEmailVerifier.class);
    private static final Duration FORBIDDEN_PAUSE = Duration.ofSeconds(1);

    private final HunterSettings settings;
    private final String apiKey;
    private final ObjectMapper json;
    private final HunterApi api;
    private final RequestRateLimiter rateLimiter;
    private final Guard breaker;
    private final AtomicBoolean keyRejectionLogged = new AtomicBoolean();
    private final AtomicBoolean quotaExhausted = new AtomicBoolean();
    private final MonthlyHunterBudget budget;
    private final EmailVerifier offline;
    private final MeterRegistry meters;
    private volatile CircuitBreakerState breakerState = CircuitBreakerState.CLOSED;

    HunterEmailVerifier(HunterSettings settings, ObjectMapper json, MonthlyHunterBudget budget, EmailVerifier offline,
                        MeterRegistry meters) {
        this.settings = settings;
        this.budget = budget;
        this.offline = offline;
        this.meters = meters;
        this.apiKey = settings.apiKey().filter(key -> !key.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("referral.email.hunter.api-key is not set"));
        this.json = json;
        if (settings.pollAttempts() < 1 || settings.retries() < 0) {
            throw new IllegalArgumentException("referral.email.hunter.poll-attempts must be >= 1 and retries >= 0");
        }
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(stripTrailingSlash(settings.baseUrl())))
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Every status is interpreted here; the default mapper would turn 4xx/5xx into exceptions.
                .disableDefaultMapper(true)
                // The key travels in a header: client logging would print it, so it stays off whatever the global setting.
                .loggingScope(LoggingScope.NONE)
                // A redirect could carry the key header to another host.
                .followRedirects(false)
                .build(HunterApi.class);
        this.rateLimiter = new RequestRateLimiter(settings.rateLimitPerSecond());
        HunterSettings.CircuitBreaker cb = settings.circuitBreaker();
        this.breaker = Guard.create()
                .withCircuitBreaker()
                .requestVolumeThreshold(cb.requestVolumeThreshold())
                .failureRatio(cb.failureRatio())
                .delay(cb.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(cb.successThreshold())
                // Only Hunter's own trouble counts; a bad request or an opted-out person says nothing about its health.
                .failOn(HunterTrouble.class)
                .onStateChange(this::breakerChanged)
                .done()
                .build();
    }

    @Override
    public EmailVerdict verify(Email email) {
        if (budget.spent()) {
            return offline(email, "budget");
        }
        Verification verification = new Verification();
        int requestsWhilePending = 0;
        int retries = 0;
        while (true) {
            Reply reply;
            try {
                reply = breaker.call(() -> exchange(email, verification), Reply.class);
            } catch (CircuitBreakerOpenException e) {
                return EmailVerdict.failure(UNAVAILABLE);
            } catch (HunterTrouble trouble) {
                if (!trouble.retryable || retries >= settings.retries()) {
                    return EmailVerdict.failure(trouble.reason);
                }
                if (!pause(settings.retryDelay().multipliedBy(1L << Math.min(retries, 16)))) {
                    return EmailVerdict.failure(trouble.reason);
                }
                retries++;
                LOG.debugf("Retrying Hunter.io for %s (retry %d)", email, retries);
                continue;
            } catch (Exception e) {
                LOG.errorf("Unexpected error while asking Hunter.io about %s: %s", email, e.getClass().getName());
                return EmailVerdict.failure(UNAVAILABLE);
            }
            if (reply.kind() != Reply.Kind.PENDING) {
                return switch (reply.kind()) {
                    case BUDGET_SPENT -> offline(email, "budget");
                    case QUOTA_EXHAUSTED -> offline(email, "quota");
                    default -> reply.verdict();
                };
            }
            requestsWhilePending++;
            if (requestsWhilePending >= settings.pollAttempts()
                    || !pause(settings.pollDelay().multipliedBy(requestsWhilePending))) {
                return EmailVerdict.of(Status.UNKNOWN, "the mail server did not answer in time");
            }
        }
    }

    /** The offline verdict, for an address Hunter may not be asked about (budget or quota spent). */
    private EmailVerdict offline(Email email, String reason) {
        meters.counter("referral.email.hunter.offline.fallbacks", "reason", reason).increment();
        return offline.verify(email);
    }

    /** One HTTP exchange; throws {@link HunterTrouble} for the answers that count against Hunter's health. */
    private Reply exchange(Email email, Verification verification) {
        if (!rateLimiter.acquire(settings.rateLimitMaxWait())) {
            LOG.warnf("Hunter.io request rate limit reached; not checking %s", email);
            return Reply.of(EmailVerdict.failure(BUSY));
        }
        // Counted once per address, right before its first request: what is never sent costs nothing.
        if (!verification.counted) {
            if (!budget.take()) {
                return Reply.BUDGET_SPENT;
            }
            verification.counted = true;
        }
        Response response;
        try {
            response = api.verify(email.value(), apiKey);
        } catch (ProcessingException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            LOG.warnf("Hunter.io did not answer for %s: %s", email, cause.getClass().getSimpleName());
            throw new HunterTrouble("no answer: " + cause.getClass().getName(), UNAVAILABLE, true);
        }
        try (response) {
            int status = response.getStatus();
            switch (status) {
                case 200:
                    if (quotaExhausted.compareAndSet(true, false)) {
                        LOG.info("Hunter.io answers again after an exhausted quota (HTTP 429)");
                    }
                    return Reply.of(readVerdict(response, email));
                case 202:
                    return Reply.PENDING;
                case 222:
                    return Reply.of(EmailVerdict.of(Status.UNKNOWN, "the mail server gave an unexpected answer"));
                case 400:
                    LOG.warnf("Hunter.io refused the request for %s (HTTP 400, %s)", email, errorId(response));
                    return Reply.of(EmailVerdict.failure(NOT_CHECKED));
                case 401:
                    if (keyRejectionLogged.compareAndSet(false, true)) {
                        LOG.error("Configuration error: Hunter.io rejected the API key (HTTP 401); every email check"
                                + " is a failure until referral.email.hunter.api-key holds a valid key");
                    }
                    throw new HunterTrouble("HTTP 401", UNAVAILABLE, false);
                case 403:
                    LOG.warnf("Hunter.io rate limit exceeded (HTTP 403); pausing requests for %d ms", FORBIDDEN_PAUSE.toMillis());
                    rateLimiter.pause(FORBIDDEN_PAUSE);
                    throw new HunterTrouble("HTTP 403", BUSY, false);
                case 429:
                    // Not Hunter's ill health (the breaker does not count it): the plan's quota is spent until it renews.
                    if (quotaExhausted.compareAndSet(false, true)) {
                        LOG.warn("Hunter.io usage quota exhausted (HTTP 429); addresses are checked offline until"
                                + " Hunter answers again");
                    }
                    return Reply.QUOTA_EXHAUSTED;
                case 451:
                    return Reply.of(EmailVerdict.of(Status.UNKNOWN, "this address cannot be checked"));
                default:
                    LOG.warnf("Hunter.io answered HTTP %d for %s", status, email);
                    throw new HunterTrouble("HTTP " + status, UNAVAILABLE, status >= 500);
            }
        }
    }

    private EmailVerdict readVerdict(Response response, Email email) {
        Optional<EmailVerdict> verdict;
        try {
            HunterReply reply = json.readValue(response.readEntity(String.class), HunterReply.class);
            verdict = Optional.ofNullable(reply).map(HunterReply::data).flatMap(HunterEmailVerifier::toVerdict);
        } catch (JsonProcessingException e) {
            verdict = Optional.empty();
        } catch (ProcessingException e) {
            LOG.warnf("Hunter.io answer for %s broke off: %s", email, e.getClass().getSimpleName());
            throw new HunterTrouble("answer broke off", UNAVAILABLE, true);
        }
        if (verdict.isEmpty()) {
            LOG.warnf("Hunter.io sent an answer without a usable status for %s", email);
            throw new HunterTrouble("unreadable answer", UNAVAILABLE, false);
        }
        return verdict.get();
    }

    private static Optional<EmailVerdict> toVerdict(HunterReply.Data data) {
        String status = data.status() == null ? "" : data.status().toLowerCase(Locale.ROOT);
        switch (status) {
            case "valid":
                return Optional.of(EmailVerdict.of(Status.VALID, "the mail server accepts this address"));
            case "invalid":
                return Optional.of(EmailVerdict.of(Status.INVALID, "the mail server rejects this address"));
            case "accept_all":
                return Optional.of(EmailVerdict.of(Status.ACCEPT_ALL, "the domain accepts mail for any address"));
            case "webmail":
                return Optional.of(EmailVerdict.of(Status.WEBMAIL, "the address is at a webmail provider"));
            case "disposable":
                return Optional.of(EmailVerdict.of(Status.DISPOSABLE, "the domain belongs to a disposable email service"));
            case "unknown":
                return Optional.of(EmailVerdict.of(Status.UNKNOWN, "the mail server did not say whether the address exists"));
            default:
                return fromDeprecatedResult(data.result());
        }
    }

    private static Optional<EmailVerdict> fromDeprecatedResult(String result) {
        switch (result == null ? "" : result.toLowerCase(Locale.ROOT)) {
            case "deliverable":
                return Optional.of(EmailVerdict.of(Status.VALID, "the mail server accepts this address"));
            case "undeliverable":
                return Optional.of(EmailVerdict.of(Status.INVALID, "the mail server rejects this address"));
            case "risky":
                return Optional.of(EmailVerdict.of(Status.UNKNOWN, "the address may not be deliverable"));
            default:
                return Optional.empty();
        }
    }

    private String errorId(Response response) {
        try {
            HunterReply reply = json.readValue(response.readEntity(String.class), HunterReply.class);
            if (reply != null && reply.errors() != null && !reply.errors().isEmpty() && reply.errors().get(0).id() != null) {
                return reply.errors().get(0).id();
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // Only used for the log line: an unreadable error body changes nothing.
        }
        return "no error id";
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void breakerChanged(CircuitBreakerState state) {
        breakerState = state;
        if (state == CircuitBreakerState.OPEN) {
            LOG.warnf("Hunter.io circuit breaker open: email checks fail fast for %d ms",
                    settings.circuitBreaker().delay().toMillis());
        } else {
            LOG.infof("Hunter.io circuit breaker %s", state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    CircuitBreakerState breakerState() {
        return breakerState;
    }

    /** Releases the HTTP client's connections. */
    @Override
    public void close() {
        if (api instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debugf("Closing the Hunter.io client failed: %s", e.getClass().getSimpleName());
            }
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A finished answer, {@link #PENDING} while Hunter is still verifying (202), or a spent budget or quota. */
    private record Reply(EmailVerdict verdict, Kind kind) {

        enum Kind { VERDICT, PENDING, BUDGET_SPENT, QUOTA_EXHAUSTED }

        static final Reply PENDING = new Reply(null, Kind.PENDING);
        static final Reply BUDGET_SPENT = new Reply(null, Kind.BUDGET_SPENT);
        static final Reply QUOTA_EXHAUSTED = new Reply(null, Kind.QUOTA_EXHAUSTED);

        static Reply of(EmailVerdict verdict) {
            return new Reply(verdict, Kind.VERDICT);
        }
    }

    /** One address's check across its polls and retries: counted in the budget once. */
    private static final class Verification {
        private boolean counted;
    }

    /** Hunter could not answer; counted by the circuit breaker. Carries no key and no address. */
    private static final class HunterTrouble extends RuntimeException {

        private final String reason;
        private final boolean retryable;

        HunterTrouble(String detail, String reason, boolean retryable) {
            super(detail, null, false, false);
            this.reason = reason;
            this.retryable = retryable;
        }
    }
}
