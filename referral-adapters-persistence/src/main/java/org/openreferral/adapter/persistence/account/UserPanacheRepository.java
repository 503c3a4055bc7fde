package org.openreferral.adapter.persistence.account;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Panache access to user rows; wrapped by the port adapter, never used outside this package. */
@ApplicationScoped
class UserPanacheRepository implements PanacheRepositoryBase<UserJpaEntity, UUID> {
}
