package org.openreferral.adapter.persistence.account;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Panache access to password reset token rows; wrapped by the port adapter, never used outside this package. */
@ApplicationScoped
class PasswordResetTokenPanacheRepository implements PanacheRepositoryBase<PasswordResetTokenJpaEntity, UUID> {
}
