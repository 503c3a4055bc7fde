package org.openreferral.adapter.persistence.account;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Panache access to refresh token rows; wrapped by the port adapter, never used outside this package. */
@ApplicationScoped
class RefreshTokenPanacheRepository implements PanacheRepositoryBase<RefreshTokenJpaEntity, UUID> {
}
