package org.openreferral.adapter.persistence.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openreferral.application.integration.port.out.WebhookEndpointRepository;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.webhook.EventSelection;
import org.openreferral.domain.model.webhook.WebhookEndpoint;
import org.openreferral.domain.model.webhook.WebhookId;
import org.openreferral.domain.model.webhook.WebhookSecret;
import org.openreferral.domain.model.webhook.WebhookUrl;

/** Webhook endpoints in PostgreSQL; the event selection stored as space-separated type names. */
@ApplicationScoped
public class WebhookEndpointRepositoryAdapter implements WebhookEndpointRepository {

    private final EntityManager em;

    WebhookEndpointRepositoryAdapter(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(WebhookEndpoint endpoint) {
        WebhookEndpointJpaEntity entity = new WebhookEndpointJpaEntity();
        entity.id = endpoint.id().value();
        copy(endpoint, entity);
        em.persist(entity);
        em.flush();
    }

    @Override
    public Optional<WebhookEndpoint> findById(WebhookId id) {
        return Optional.ofNullable(em.find(WebhookEndpointJpaEntity.class, id.value()))
                .map(WebhookEndpointRepositoryAdapter::toDomain);
    }

    @Override
    public Optional<WebhookEndpoint> lockById(WebhookId id) {
        return Optional.ofNullable(em.find(WebhookEndpointJpaEntity.class, id.value(),
                LockModeType.PESSIMISTIC_WRITE)).map(WebhookEndpointRepositoryAdapter::toDomain);
    }

    @Override
    public void update(WebhookEndpoint endpoint) {
        WebhookEndpointJpaEntity entity = em.find(WebhookEndpointJpaEntity.class, endpoint.id().value());
        if (entity != null) {
            copy(endpoint, entity);
            em.flush();
        }
    }

    @Override
    public Page<WebhookEndpoint> list(Optional<Optional<UUID>> owner, PageRequest page) {
        String where = owner.isEmpty() ? "" : owner.get().isEmpty() ? " where w.ownerClientId is null"
                : " where w.ownerClientId = :owner";
        TypedQuery<WebhookEndpointJpaEntity> rows = em.createQuery("select w from WebhookEndpointJpaEntity w"
                + where + " order by w.createdAt, w.id", WebhookEndpointJpaEntity.class);
        TypedQuery<Long> count = em.createQuery("select count(w) from WebhookEndpointJpaEntity w" + where,
                Long.class);
        if (owner.isPresent() && owner.get().isPresent()) {
            rows.setParameter("owner", owner.get().get());
            count.setParameter("owner", owner.get().get());
        }
        List<WebhookEndpoint> items = rows.setFirstResult((int) page.offset()).setMaxResults(page.size())
                .getResultList().stream().map(WebhookEndpointRepositoryAdapter::toDomain).toList();
        return Page.of(items, count.getSingleResult(), page);
    }

    @Override
    public List<WebhookEndpoint> enabled() {
        return em.createQuery("select w from WebhookEndpointJpaEntity w where w.enabled = true",
                WebhookEndpointJpaEntity.class).getResultList().stream()
                .map(WebhookEndpointRepositoryAdapter::toDomain).toList();
    }

    @Override
    public boolean delete(WebhookId id) {
        // The deliveries go with it (ON DELETE CASCADE).
        return em.createQuery("delete from WebhookEndpointJpaEntity w where w.id = :id")
                .setParameter("id", id.value()).executeUpdate() > 0;
    }

    private static void copy(WebhookEndpoint endpoint, WebhookEndpointJpaEntity entity) {
        entity.ownerClientId = endpoint.ownerClient().orElse(null);
        entity.url = endpoint.url().value();
        entity.events = String.join(" ", endpoint.events().names());
        entity.description = endpoint.description().orElse(null);
        entity.enabled = endpoint.enabled();
        entity.disabledReason = endpoint.disabledReason().orElse(null);
        entity.consecutiveFailures = endpoint.consecutiveFailures();
        entity.secret = endpoint.secret().value();
        entity.previousSecret = endpoint.previousSecret().map(WebhookSecret::value).orElse(null);
        entity.previousSecretExpiresAt = endpoint.previousSecretExpiresAt().orElse(null);
        entity.createdAt = endpoint.createdAt();
    }

    private static WebhookEndpoint toDomain(WebhookEndpointJpaEntity entity) {
        return WebhookEndpoint.reconstitute(new WebhookId(entity.id), Optional.ofNullable(entity.ownerClientId),
                new WebhookUrl(entity.url), new EventSelection(Set.copyOf(Arrays.asList(entity.events.split(" ")))),
                Optional.ofNullable(entity.description), entity.enabled, Optional.ofNullable(entity.disabledReason),
                entity.consecutiveFailures, new WebhookSecret(entity.secret),
                Optional.ofNullable(entity.previousSecret).map(WebhookSecret::new),
                Optional.ofNullable(entity.previousSecretExpiresAt), entity.createdAt);
    }
}
