package org.openreferral.adapter.persistence.integration;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Panache access to client rows; wrapped by the port adapter, never used outside this package. */
@ApplicationScoped
class ClientPanacheRepository implements PanacheRepositoryBase<ClientJpaEntity, UUID> {
}
