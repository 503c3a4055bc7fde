package org.openreferral.adapter.persistence.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Row of the {@code email_verification_tokens} table. */
@Entity
@Table(name = "email_verification_tokens")
public class EmailVerificationTokenJpaEntity extends SingleUseTokenColumns {

    /** {@code REGISTRATION} or {@code RESEND}. */
    @Column(nullable = false, length = 12)
    public String issue;
}
