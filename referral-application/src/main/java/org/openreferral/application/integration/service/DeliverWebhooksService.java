package org.openreferral.application.integration.service;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openreferral.application.integration.port.in.DeliverWebhooksUseCase;
import org.openreferral.application.integration.port.out.WebhookDeliveryRepository;
import org.openreferral.application.integration.port.out.WebhookEndpointRepository;
import org.openreferral.application.integration.port.out.WebhookSender;
import org.openreferral.application.integration.port.out.WebhookSender.SendResult;
import org.openreferral.application.integration.port.out.WebhookSender.WebhookRequest;
import org.openreferral.application.integration.port.out.WebhookSignatures;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.error.RuleViolationException;
import org.openreferral.domain.model.webhook.RetrySchedule;
import org.openreferral.domain.model.webhook.WebhookDelivery;
import org.openreferral.domain.model.webhook.WebhookEndpoint;
import org.openreferral.domain.model.webhook.WebhookId;
import org.openreferral.domain.model.webhook.WebhookSecret;
import org.openreferral.domain.model.webhook.WebhookUrl;

/**
 * The delivery worker. A claim (due attempts, a lease, one short transaction) is committed before anything is sent;
 * each attempt is then sent outside any transaction (the URL checked again after DNS, the checked address used),
 * and its outcome written only if the claim is still ours: a worker that outlived its lease writes nothing, and
 * the attempt was (or will be) made again by whoever claimed it after the lease. Outcomes lock the endpoint first,
 * as deleting and changing it do, so the two never deadlock.
 */
public final class DeliverWebhooksService implements DeliverWebhooksUseCase {

    private static final Logger LOG = Logger.getLogger(DeliverWebhooksService.class.getName());

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final WebhookSender sender;
    private final WebhookSignatures signatures;
    private final WebhookUrlGuard guard;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Policy policy;
    private final DoubleSupplier jitter;

    /** How attempts are retried, when an endpoint switches itself off, and how long a claim lasts. */
    public record Policy(RetrySchedule retries, int disableAfterFailures, Duration lease) {
    }

    public DeliverWebhooksService(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints,
                                  WebhookSender sender, WebhookSignatures signatures, WebhookUrlGuard guard,
                                  UnitOfWork unitOfWork, Clock clock, Policy policy) {
        this(deliveries, endpoints, sender, signatures, guard, unitOfWork, clock, policy,
                () -> ThreadLocalRandom.current().nextDouble(-1, 1));
    }

    /** With {@code jitter} giving values in [-1, 1] that spread the retry delays. */
    public DeliverWebhooksService(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints,
                                  WebhookSender sender, WebhookSignatures signatures, WebhookUrlGuard guard,
                                  UnitOfWork unitOfWork, Clock clock, Policy policy, DoubleSupplier jitter) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.sender = sender;
        this.signatures = signatures;
        this.guard = guard;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.policy = policy;
        this.jitter = jitter;
    }

    private record Claimed(WebhookDelivery delivery, WebhookUrl url, List<WebhookSecret> secrets) {
    }

    @Override
    public int deliverDue(DeliverWebhooksCommand command) {
        if (command.limit() == 0) {
            return 0;
        }
        UUID claim = UUID.randomUUID();
        List<Claimed> claimed = unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            Map<WebhookId, Optional<WebhookEndpoint>> seen = new HashMap<>();
            return deliveries.claimDue(now, claim, now.plus(policy.lease()), command.limit()).stream()
                    .flatMap(delivery -> seen.computeIfAbsent(delivery.endpoint(), endpoints::findById).stream()
                            .map(endpoint -> new Claimed(delivery, endpoint.url(), endpoint.signingSecrets(now))))
                    .toList();
        });
        claimed.forEach(attempt -> command.executor().execute(() -> attempt(attempt, claim)));
        return claimed.size();
    }

    private void attempt(Claimed claimed, UUID claim) {
        WebhookDelivery delivery = claimed.delivery();
        SendResult result;
        try {
            InetAddress address = guard.addressFor(claimed.url());
            long timestamp = clock.instant().getEpochSecond();
            String id = delivery.eventId().toString();
            Map<String, String> headers = Map.of(
                    "webhook-id", id,
                    "webhook-timestamp", Long.toString(timestamp),
                    "webhook-signature", signatures.sign(claimed.secrets(), id, timestamp, delivery.payload()),
                    "content-type", "application/json");
            result = sender.send(new WebhookRequest(claimed.url(), address, headers, delivery.payload()));
        } catch (RuleViolationException refused) {
            result = SendResult.failed(refused.getMessage(), Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook delivery " + delivery.id() + " could not be sent", e);
            result = SendResult.failed("internal error", Duration.ZERO);
        }
        SendResult outcome = result;
        try {
            unitOfWork.inTransaction(() -> {
                record(delivery, claim, outcome);
                return null;
            });
        } catch (RuntimeException e) {
            // The claim runs out and the attempt is made again: at least once, never lost.
            LOG.log(Level.WARNING, "Outcome of webhook delivery " + delivery.id() + " not recorded", e);
        }
    }

    private void record(WebhookDelivery sent, UUID claim, SendResult result) {
        Optional<WebhookEndpoint> locked = endpoints.lockById(sent.endpoint());
        Optional<WebhookDelivery> mine = locked.flatMap(endpoint -> deliveries.lockClaimed(sent.id(), claim));
        if (mine.isEmpty()) {
            return; // endpoint deleted, or the lease ran out and the attempt is someone else's now
        }
        WebhookEndpoint endpoint = locked.get();
        WebhookDelivery delivery = mine.get();
        if (result.status().filter(WebhookDelivery::accepted).isPresent()) {
            delivery.succeed(result.status().get(), result.took(), clock.instant());
            endpoint.recordSuccess();
        } else {
            delivery.fail(result.status(), result.took(), clock.instant(), policy.retries(), jitter.getAsDouble())
                    .ifPresent(deliveries::add);
            endpoint.recordFailure(policy.disableAfterFailures());
        }
        deliveries.update(delivery);
        endpoints.update(endpoint);
    }
}
