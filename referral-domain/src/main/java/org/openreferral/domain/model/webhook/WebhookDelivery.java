package org.openreferral.domain.model.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One attempt to deliver one event to one endpoint. It starts PENDING and due at {@code nextAttemptAt}; it ends
 * SUCCEEDED or FAILED with what the receiver answered and when it was made ({@code finishedAt}), and a failed one
 * leads to the next attempt while the retry schedule has one (its {@code nextAttemptAt} then tells when).
 */
public final class WebhookDelivery {

    private final UUID id;
    private final WebhookId endpoint;
    private final UUID eventId;
    private final String eventType;
    private final int attempt;
    private final String payload;
    private final Instant createdAt;
    private DeliveryStatus status;
    private Optional<Integer> responseStatus;
    private Optional<Long> durationMs;
    private Optional<Instant> nextAttemptAt;
    private Optional<Instant> finishedAt;

    private WebhookDelivery(UUID id, WebhookId endpoint, UUID eventId, String eventType, int attempt, String payload,
                            Instant createdAt, DeliveryStatus status, Optional<Integer> responseStatus,
                            Optional<Long> durationMs, Optional<Instant> nextAttemptAt, Optional<Instant> finishedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
        this.attempt = attempt;
        this.payload = Objects.requireNonNull(payload, "payload");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.status = Objects.requireNonNull(status, "status");
        this.responseStatus = Objects.requireNonNull(responseStatus, "responseStatus");
        this.durationMs = Objects.requireNonNull(durationMs, "durationMs");
        this.nextAttemptAt = Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        this.finishedAt = Objects.requireNonNull(finishedAt, "finishedAt");
        if (status == DeliveryStatus.PENDING && finishedAt.isPresent()) {
            throw new IllegalArgumentException("a pending attempt has not finished");
        }
    }

    /** The first attempt to deliver an event ({@code payload}, its JSON) to {@code endpoint}, due at once. */
    public static WebhookDelivery first(WebhookId endpoint, UUID eventId, String eventType, String payload,
                                        Instant now) {
        return new WebhookDelivery(UUID.randomUUID(), endpoint, eventId, eventType, 1, payload, now,
                DeliveryStatus.PENDING, Optional.empty(), Optional.empty(), Optional.of(now), Optional.empty());
    }

    /**
     * For persistence only: an attempt as stored ({@code finishedAt} may be empty for an attempt finished before the
     * time was recorded).
     */
    public static WebhookDelivery reconstitute(UUID id, WebhookId endpoint, UUID eventId, String eventType,
                                               int attempt, String payload, Instant createdAt, DeliveryStatus status,
                                               Optional<Integer> responseStatus, Optional<Long> durationMs,
                                               Optional<Instant> nextAttemptAt, Optional<Instant> finishedAt) {
        return new WebhookDelivery(id, endpoint, eventId, eventType, attempt, payload, createdAt, status,
                responseStatus, durationMs, nextAttemptAt, finishedAt);
    }

    /** Whether a receiver's HTTP status means it took the event (any 2xx). */
    public static boolean accepted(int httpStatus) {
        return httpStatus >= 200 && httpStatus < 300;
    }

    /** The receiver took the event; the attempt finished at {@code now}. */
    public void succeed(int httpStatus, Duration took, Instant now) {
        requirePending();
        status = DeliveryStatus.SUCCEEDED;
        responseStatus = Optional.of(httpStatus);
        durationMs = Optional.of(took.toMillis());
        nextAttemptAt = Optional.empty();
        finishedAt = Optional.of(now);
    }

    /**
     * The attempt failed ({@code httpStatus} empty when no answer came); returns the next attempt, due after the
     * schedule's delay, unless this was the last.
     */
    public Optional<WebhookDelivery> fail(Optional<Integer> httpStatus, Duration took, Instant now,
                                          RetrySchedule schedule, double jitter) {
        requirePending();
        status = DeliveryStatus.FAILED;
        responseStatus = httpStatus;
        durationMs = Optional.of(took.toMillis());
        finishedAt = Optional.of(now);
        Optional<WebhookDelivery> next = schedule.delayAfter(attempt, jitter).map(delay -> new WebhookDelivery(
                UUID.randomUUID(), endpoint, eventId, eventType, attempt + 1, payload, now, DeliveryStatus.PENDING,
                Optional.empty(), Optional.empty(), Optional.of(now.plus(delay)), Optional.empty()));
        nextAttemptAt = next.flatMap(WebhookDelivery::nextAttemptAt);
        return next;
    }

    private void requirePending() {
        if (status != DeliveryStatus.PENDING) {
            throw new IllegalStateException("attempt " + id + " is already " + status);
        }
    }

    public UUID id() {
        return id;
    }

    public WebhookId endpoint() {
        return endpoint;
    }

    public UUID eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public int attempt() {
        return attempt;
    }

    public String payload() {
        return payload;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public DeliveryStatus status() {
        return status;
    }

    public Optional<Integer> responseStatus() {
        return responseStatus;
    }

    public Optional<Long> durationMs() {
        return durationMs;
    }

    public Optional<Instant> nextAttemptAt() {
        return nextAttemptAt;
    }

    /** When the attempt was made and its outcome known; empty while PENDING. */
    public Optional<Instant> finishedAt() {
        return finishedAt;
    }
}
