package org.openreferral.adapter.persistence.integration;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openreferral.application.integration.port.out.ClientRepository;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.client.ClientId;
import org.openreferral.domain.model.client.ClientName;
import org.openreferral.domain.model.client.MachineClient;
import org.openreferral.domain.model.client.Scope;

/** Machine clients in PostgreSQL; scopes stored as one space-separated string. */
@ApplicationScoped
public class ClientRepositoryAdapter implements ClientRepository {

    private final ClientPanacheRepository rows;

    ClientRepositoryAdapter(ClientPanacheRepository rows) {
        this.rows = rows;
    }

    @Override
    public void add(MachineClient client) {
        ClientJpaEntity entity = new ClientJpaEntity();
        entity.id = client.id().value();
        entity.name = client.name().value();
        entity.scopes = client.scopes().stream().sorted(Comparator.naturalOrder()).map(Scope::slug)
                .collect(Collectors.joining(" "));
        entity.secretHash = client.secretDigest();
        entity.createdAt = client.createdAt();
        rows.persist(entity);
        rows.flush();
    }

    @Override
    public Optional<MachineClient> findById(ClientId id) {
        return rows.findByIdOptional(id.value()).map(ClientRepositoryAdapter::toDomain);
    }

    @Override
    public boolean existsById(ClientId id) {
        return rows.count("id", id.value()) > 0;
    }

    @Override
    public Page<MachineClient> list(PageRequest page) {
        var query = rows.findAll(Sort.ascending("createdAt", "id"));
        long total = query.count();
        return Page.of(query.range((int) page.offset(), (int) page.offset() + page.size() - 1).list().stream()
                .map(ClientRepositoryAdapter::toDomain).toList(), total, page);
    }

    @Override
    public boolean delete(ClientId id) {
        return rows.deleteById(id.value());
    }

    private static MachineClient toDomain(ClientJpaEntity entity) {
        return MachineClient.reconstitute(new ClientId(entity.id), new ClientName(entity.name),
                Arrays.stream(entity.scopes.split(" ")).map(Scope::ofSlug).collect(Collectors.toSet()),
                entity.secretHash, entity.createdAt);
    }
}
