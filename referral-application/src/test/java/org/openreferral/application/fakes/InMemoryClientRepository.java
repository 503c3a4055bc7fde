package org.openreferral.application.fakes;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openreferral.application.integration.port.out.ClientRepository;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.client.ClientId;
import org.openreferral.domain.model.client.MachineClient;

/** In-memory machine clients, in the order of the real table's listing (created, then id). */
public final class InMemoryClientRepository implements ClientRepository, FakeUnitOfWork.Participant {

    private final FakeUnitOfWork unitOfWork;
    private Map<ClientId, MachineClient> clients = new LinkedHashMap<>();

    public InMemoryClientRepository(FakeUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        unitOfWork.enlist(this);
    }

    @Override
    public void add(MachineClient client) {
        unitOfWork.requireWritable();
        if (clients.containsKey(client.id())) {
            throw new IllegalStateException("duplicate client " + client.id());
        }
        clients.put(client.id(), client);
    }

    @Override
    public Optional<MachineClient> findById(ClientId id) {
        unitOfWork.requireActive();
        return Optional.ofNullable(clients.get(id));
    }

    @Override
    public boolean existsById(ClientId id) {
        unitOfWork.requireActive();
        return clients.containsKey(id);
    }

    @Override
    public Page<MachineClient> list(PageRequest page) {
        unitOfWork.requireActive();
        List<MachineClient> ordered = clients.values().stream()
                .sorted(Comparator.comparing(MachineClient::createdAt).thenComparing(client -> client.id().value()))
                .toList();
        return Page.of(ordered.stream().skip(page.offset()).limit(page.size()).toList(), ordered.size(), page);
    }

    @Override
    public boolean delete(ClientId id) {
        unitOfWork.requireWritable();
        return clients.remove(id) != null;
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(clients);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        clients = new LinkedHashMap<>((Map<ClientId, MachineClient>) snapshot);
    }
}
