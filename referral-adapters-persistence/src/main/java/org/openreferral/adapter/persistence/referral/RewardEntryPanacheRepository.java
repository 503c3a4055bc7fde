package org.openreferral.adapter.persistence.referral;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Panache access to reward entry rows; wrapped by the port adapter, never used outside this package. */
@ApplicationScoped
class RewardEntryPanacheRepository implements PanacheRepositoryBase<RewardEntryJpaEntity, UUID> {
}
