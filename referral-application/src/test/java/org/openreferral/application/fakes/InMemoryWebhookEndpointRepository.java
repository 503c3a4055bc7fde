package org.openreferral.application.fakes;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.openreferral.application.integration.port.out.WebhookEndpointRepository;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.webhook.WebhookEndpoint;
import org.openreferral.domain.model.webhook.WebhookId;

/** In-memory webhook endpoints, kept as copies (as rows are), listed as the real table lists them. */
public final class InMemoryWebhookEndpointRepository implements WebhookEndpointRepository,
        FakeUnitOfWork.Participant {

    private final FakeUnitOfWork unitOfWork;
    private Map<WebhookId, WebhookEndpoint> rows = new LinkedHashMap<>();
    /** Called with the id of each deleted endpoint (its deliveries go with it). */
    private Consumer<WebhookId> onDelete = id -> { };

    public InMemoryWebhookEndpointRepository(FakeUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        unitOfWork.enlist(this);
    }

    void onDelete(Consumer<WebhookId> cascade) {
        this.onDelete = cascade;
    }

    @Override
    public void add(WebhookEndpoint endpoint) {
        unitOfWork.requireWritable();
        if (rows.containsKey(endpoint.id())) {
            throw new IllegalStateException("duplicate webhook " + endpoint.id());
        }
        rows.put(endpoint.id(), copy(endpoint));
    }

    @Override
    public Optional<WebhookEndpoint> findById(WebhookId id) {
        unitOfWork.requireActive();
        return Optional.ofNullable(rows.get(id)).map(InMemoryWebhookEndpointRepository::copy);
    }

    @Override
    public Optional<WebhookEndpoint> lockById(WebhookId id) {
        unitOfWork.requireWritable();
        return findById(id);
    }

    @Override
    public void update(WebhookEndpoint endpoint) {
        unitOfWork.requireWritable();
        if (rows.containsKey(endpoint.id())) {
            rows.put(endpoint.id(), copy(endpoint));
        }
    }

    @Override
    public Page<WebhookEndpoint> list(Optional<Optional<UUID>> owner, PageRequest page) {
        unitOfWork.requireActive();
        List<WebhookEndpoint> matching = rows.values().stream()
                .filter(endpoint -> owner.isEmpty() || endpoint.ownedBy(owner.get()))
                .sorted(Comparator.comparing(WebhookEndpoint::createdAt).thenComparing(e -> e.id().value()))
                .toList();
        return Pages.of(matching.stream().map(InMemoryWebhookEndpointRepository::copy).toList(), page);
    }

    @Override
    public List<WebhookEndpoint> enabled() {
        unitOfWork.requireActive();
        return rows.values().stream().filter(WebhookEndpoint::enabled).map(InMemoryWebhookEndpointRepository::copy)
                .toList();
    }

    @Override
    public boolean delete(WebhookId id) {
        unitOfWork.requireWritable();
        boolean deleted = rows.remove(id) != null;
        if (deleted) {
            onDelete.accept(id);
        }
        return deleted;
    }

    /** Whether the endpoint exists and is enabled; what the deliveries' claim joins on. */
    boolean enabled(WebhookId id) {
        WebhookEndpoint endpoint = rows.get(id);
        return endpoint != null && endpoint.enabled();
    }

    static WebhookEndpoint copy(WebhookEndpoint e) {
        return WebhookEndpoint.reconstitute(e.id(), e.ownerClient(), e.url(), e.events(), e.description(),
                e.enabled(), e.disabledReason(), e.consecutiveFailures(), e.secret(), e.previousSecret(),
                e.previousSecretExpiresAt(), e.createdAt());
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        rows = new LinkedHashMap<>((Map<WebhookId, WebhookEndpoint>) snapshot);
    }
}
