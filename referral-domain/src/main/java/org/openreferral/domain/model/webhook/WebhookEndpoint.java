package org.openreferral.domain.model.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.openreferral.domain.error.InvalidValueException;

/**
 * A webhook endpoint: where events go, which ones, whether deliveries are on, and the secrets that sign them. A
 * rotated-out secret keeps signing until its overlap ends; enough consecutive failed attempts switch the endpoint
 * off, and switching it on again forgets them.
 */
public final class WebhookEndpoint {

    public static final int MAX_DESCRIPTION = 500;

    private final WebhookId id;
    private final Optional<UUID> ownerClient;
    private WebhookUrl url;
    private EventSelection events;
    private Optional<String> description;
    private boolean enabled;
    private Optional<String> disabledReason;
    private int consecutiveFailures;
    private WebhookSecret secret;
    private Optional<WebhookSecret> previousSecret;
    private Optional<Instant> previousSecretExpiresAt;
    private final Instant createdAt;

    private WebhookEndpoint(WebhookId id, Optional<UUID> ownerClient, WebhookUrl url, EventSelection events,
                            Optional<String> description, boolean enabled, Optional<String> disabledReason,
                            int consecutiveFailures, WebhookSecret secret, Optional<WebhookSecret> previousSecret,
                            Optional<Instant> previousSecretExpiresAt, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.ownerClient = Objects.requireNonNull(ownerClient, "ownerClient");
        this.url = Objects.requireNonNull(url, "url");
        this.events = Objects.requireNonNull(events, "events");
        this.description = checkedDescription(description);
        this.enabled = enabled;
        this.disabledReason = Objects.requireNonNull(disabledReason, "disabledReason");
        this.consecutiveFailures = consecutiveFailures;
        this.secret = Objects.requireNonNull(secret, "secret");
        this.previousSecret = Objects.requireNonNull(previousSecret, "previousSecret");
        this.previousSecretExpiresAt = Objects.requireNonNull(previousSecretExpiresAt, "previousSecretExpiresAt");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new, enabled endpoint; {@code ownerClient} is the machine client that created it (none for an admin). */
    public static WebhookEndpoint create(WebhookId id, Optional<UUID> ownerClient, WebhookUrl url,
                                         EventSelection events, Optional<String> description, WebhookSecret secret,
                                         Instant now) {
        return new WebhookEndpoint(id, ownerClient, url, events, description, true, Optional.empty(), 0, secret,
                Optional.empty(), Optional.empty(), now);
    }

    /** For persistence only: an endpoint as stored. */
    public static WebhookEndpoint reconstitute(WebhookId id, Optional<UUID> ownerClient, WebhookUrl url,
                                               EventSelection events, Optional<String> description, boolean enabled,
                                               Optional<String> disabledReason, int consecutiveFailures,
                                               WebhookSecret secret, Optional<WebhookSecret> previousSecret,
                                               Optional<Instant> previousSecretExpiresAt, Instant createdAt) {
        return new WebhookEndpoint(id, ownerClient, url, events, description, enabled, disabledReason,
                consecutiveFailures, secret, previousSecret, previousSecretExpiresAt, createdAt);
    }

    private static Optional<String> checkedDescription(Optional<String> description) {
        Objects.requireNonNull(description, "description");
        if (description.isPresent() && description.get().length() > MAX_DESCRIPTION) {
            throw new InvalidValueException("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        return description.filter(text -> !text.isEmpty());
    }

    /** Whether an event of {@code type} created at {@code eventCreatedAt} is for this endpoint's subscription. */
    public boolean subscribesTo(String type, Instant eventCreatedAt) {
        return events.includes(type) && existedAt(eventCreatedAt);
    }

    /** Whether the endpoint existed when an event was created: it never receives older ones. */
    public boolean existedAt(Instant eventCreatedAt) {
        return !eventCreatedAt.isBefore(createdAt);
    }

    public void changeUrl(WebhookUrl newUrl) {
        this.url = Objects.requireNonNull(newUrl, "url");
    }

    public void subscribe(EventSelection newEvents) {
        this.events = Objects.requireNonNull(newEvents, "events");
    }

    /** Sets the description; an empty one removes it. */
    public void describe(String newDescription) {
        this.description = checkedDescription(Optional.of(newDescription));
    }

    /** Switches deliveries on again, forgetting the failures that may have switched them off. */
    public void enable() {
        enabled = true;
        disabledReason = Optional.empty();
        consecutiveFailures = 0;
    }

    /** Switches deliveries off on request (no reason: nothing went wrong). */
    public void disable() {
        enabled = false;
    }

    /** Makes {@code newSecret} the signing secret; the current one keeps signing for {@code overlap}. */
    public void rotateSecret(WebhookSecret newSecret, Instant now, Duration overlap) {
        previousSecret = Optional.of(secret);
        previousSecretExpiresAt = Optional.of(now.plus(overlap));
        secret = Objects.requireNonNull(newSecret, "secret");
    }

    /** The secrets that sign a delivery made at {@code now}: the current one first, then one still overlapping. */
    public List<WebhookSecret> signingSecrets(Instant now) {
        List<WebhookSecret> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret.isPresent() && previousSecretExpiresAt.orElseThrow().isAfter(now)) {
            secrets.add(previousSecret.get());
        }
        return secrets;
    }

    /** A delivery attempt succeeded: the run of failures ends. */
    public void recordSuccess() {
        consecutiveFailures = 0;
    }

    /** A delivery attempt failed; at {@code disableAfter} failures in a row the endpoint switches itself off. */
    public void recordFailure(int disableAfter) {
        consecutiveFailures++;
        if (enabled && consecutiveFailures >= disableAfter) {
            enabled = false;
            disabledReason = Optional.of("Disabled after " + consecutiveFailures + " consecutive failed deliveries.");
        }
    }

    /** Whether {@code client} (none for a person) may see and manage it: its creator, or an admin. */
    public boolean ownedBy(Optional<UUID> client) {
        return ownerClient.equals(client);
    }

    public WebhookId id() {
        return id;
    }

    public Optional<UUID> ownerClient() {
        return ownerClient;
    }

    public WebhookUrl url() {
        return url;
    }

    public EventSelection events() {
        return events;
    }

    public Optional<String> description() {
        return description;
    }

    public boolean enabled() {
        return enabled;
    }

    public Optional<String> disabledReason() {
        return disabledReason;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public WebhookSecret secret() {
        return secret;
    }

    public Optional<WebhookSecret> previousSecret() {
        return previousSecret;
    }

    public Optional<Instant> previousSecretExpiresAt() {
        return previousSecretExpiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
