package org.openreferral.adapter.persistence.account;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Panache access to email verification token rows; wrapped by the port adapter, never used outside this package. */
@ApplicationScoped
class EmailVerificationTokenPanacheRepository implements PanacheRepositoryBase<EmailVerificationTokenJpaEntity, UUID> {
}
