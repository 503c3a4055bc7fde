package org.openreferral.application.fakes;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openreferral.application.integration.port.out.WebhookDeliveryRepository;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.webhook.DeliveryStatus;
import org.openreferral.domain.model.webhook.WebhookDelivery;
import org.openreferral.domain.model.webhook.WebhookId;

/** In-memory delivery attempts with their claims; an endpoint's deletion takes its attempts along. */
public final class InMemoryWebhookDeliveryRepository implements WebhookDeliveryRepository,
        FakeUnitOfWork.Participant {

    private final FakeUnitOfWork unitOfWork;
    private final InMemoryWebhookEndpointRepository endpoints;
    private Map<UUID, Row> rows = new LinkedHashMap<>();

    private record Row(WebhookDelivery delivery, UUID claim, Instant claimExpiresAt) {
    }

    public InMemoryWebhookDeliveryRepository(FakeUnitOfWork unitOfWork, InMemoryWebhookEndpointRepository endpoints) {
        this.unitOfWork = unitOfWork;
        this.endpoints = endpoints;
        unitOfWork.enlist(this);
        endpoints.onDelete(id -> rows.values().removeIf(row -> row.delivery().endpoint().equals(id)));
    }

    @Override
    public void add(WebhookDelivery delivery) {
        unitOfWork.requireWritable();
        boolean taken = rows.values().stream().map(Row::delivery).anyMatch(d -> d.endpoint().equals(delivery.endpoint())
                && d.eventId().equals(delivery.eventId()) && d.attempt() == delivery.attempt());
        if (!taken) {
            rows.put(delivery.id(), new Row(copy(delivery), null, null));
        }
    }

    @Override
    public List<WebhookDelivery> claimDue(Instant now, UUID claim, Instant leaseUntil, int limit) {
        unitOfWork.requireWritable();
        List<Row> due = rows.values().stream()
                .filter(row -> row.delivery().status() == DeliveryStatus.PENDING)
                .filter(row -> !row.delivery().nextAttemptAt().orElseThrow().isAfter(now))
                .filter(row -> endpoints.enabled(row.delivery().endpoint()))
                .filter(row -> row.claimExpiresAt() == null || !row.claimExpiresAt().isAfter(now))
                .sorted(Comparator.comparing((Row row) -> row.delivery().nextAttemptAt().orElseThrow())
                        .thenComparing(row -> row.delivery().id()))
                .limit(limit)
                .toList();
        due.forEach(row -> rows.put(row.delivery().id(), new Row(row.delivery(), claim, leaseUntil)));
        return due.stream().map(row -> copy(row.delivery())).toList();
    }

    @Override
    public Optional<WebhookDelivery> lockClaimed(UUID id, UUID claim) {
        unitOfWork.requireWritable();
        return Optional.ofNullable(rows.get(id))
                .filter(row -> row.delivery().status() == DeliveryStatus.PENDING && claim.equals(row.claim()))
                .map(row -> copy(row.delivery()));
    }

    @Override
    public void update(WebhookDelivery delivery) {
        unitOfWork.requireWritable();
        if (rows.containsKey(delivery.id())) {
            rows.put(delivery.id(), new Row(copy(delivery), null, null));
        }
    }

    @Override
    public Page<WebhookDelivery> listFor(WebhookId endpoint, PageRequest page) {
        unitOfWork.requireActive();
        return Pages.of(rows.values().stream().map(Row::delivery).filter(d -> d.endpoint().equals(endpoint))
                .sorted(Comparator.comparing(WebhookDelivery::createdAt).reversed()
                        .thenComparing(Comparator.comparingInt(WebhookDelivery::attempt).reversed())
                        .thenComparing(WebhookDelivery::id))
                .map(InMemoryWebhookDeliveryRepository::copy).toList(), page);
    }

    @Override
    public int purgeFinishedBefore(Instant cutoff, int limit) {
        unitOfWork.requireWritable();
        List<UUID> old = rows.values().stream().map(Row::delivery)
                .filter(d -> d.status() != DeliveryStatus.PENDING)
                .filter(d -> d.finishedAt().orElse(d.createdAt()).isBefore(cutoff))
                .limit(limit)
                .map(WebhookDelivery::id)
                .toList();
        old.forEach(rows::remove);
        return old.size();
    }

    /** Every attempt, for assertions. */
    public List<WebhookDelivery> all() {
        return rows.values().stream().map(row -> copy(row.delivery())).toList();
    }

    private static WebhookDelivery copy(WebhookDelivery d) {
        return WebhookDelivery.reconstitute(d.id(), d.endpoint(), d.eventId(), d.eventType(), d.attempt(),
                d.payload(), d.createdAt(), d.status(), d.responseStatus(), d.durationMs(), d.nextAttemptAt(),
                d.finishedAt());
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        rows = new LinkedHashMap<>((Map<UUID, Row>) snapshot);
    }
}
