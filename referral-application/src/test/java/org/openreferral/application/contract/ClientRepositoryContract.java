package org.openreferral.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openreferral.domain.model.client.ClientId;
import org.openreferral.domain.model.client.ClientName;
import org.openreferral.domain.model.client.MachineClient;
import org.openreferral.domain.model.client.Scope;

/** Contract of {@code ClientRepository}: clients read back as stored, list oldest first, and delete. */
public abstract class ClientRepositoryContract extends RepositoryContract {

    private MachineClient client(String name, Set<Scope> scopes, int secondsAfterNow) {
        MachineClient client = MachineClient.register(ClientId.newId(), new ClientName(name), scopes, digest(name),
                NOW.plusSeconds(secondsAfterNow));
        write(() -> stores.clients().add(client));
        return client;
    }

    @Test
    void aStoredClientReadsBackWithItsScopesAndDigest() {
        MachineClient crm = client("crm", EnumSet.of(Scope.REFERRALS_READ, Scope.REFERRALS_WRITE), 0);

        MachineClient read = read(() -> stores.clients().findById(crm.id())).orElseThrow();

        assertThat(read.name()).isEqualTo(new ClientName("crm"));
        assertThat(read.scopes()).containsExactlyInAnyOrder(Scope.REFERRALS_READ, Scope.REFERRALS_WRITE);
        assertThat(read.secretDigest()).isEqualTo(digest("crm"));
        assertThat(read.createdAt()).isEqualTo(NOW);
        assertThat(read(() -> stores.clients().existsById(crm.id()))).isTrue();
    }

    @Test
    void anUnknownClientIsNotThere() {
        assertThat(read(() -> stores.clients().findById(ClientId.newId()))).isEmpty();
        assertThat(read(() -> stores.clients().existsById(ClientId.newId()))).isFalse();
    }

    @Test
    void clientsListOldestFirstInPages() {
        MachineClient third = client("third", Set.of(Scope.USERS_READ), 20);
        MachineClient first = client("first", Set.of(Scope.EVENTS_READ), 0);
        MachineClient second = client("second", Set.of(Scope.WEBHOOKS_WRITE), 10);

        assertPagesOfTwo(page -> read(() -> stores.clients().list(page)), MachineClient::id, first.id(), second.id(),
                third.id());
    }

    @Test
    void aDeletedClientIsGoneAndDeletingItAgainSaysSo() {
        MachineClient crm = client("crm", Set.of(Scope.REFERRALS_READ), 0);
        MachineClient other = client("other", Set.of(Scope.REFERRALS_READ), 1);

        assertThat(writing(() -> stores.clients().delete(crm.id()))).isTrue();
        assertThat(writing(() -> stores.clients().delete(crm.id()))).isFalse();

        assertThat(read(() -> stores.clients().existsById(crm.id()))).isFalse();
        assertThat(read(() -> stores.clients().existsById(other.id()))).isTrue();
    }
}
