package org.openreferral.adapter.persistence.account;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Row of the {@code password_reset_tokens} table. */
@Entity
@Table(name = "password_reset_tokens")
public class PasswordResetTokenJpaEntity extends SingleUseTokenColumns {
}
