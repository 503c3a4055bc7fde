package org.openreferral.application.referral.port.out;

import java.time.Instant;
import java.util.Optional;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.UserId;

/** Out-port: where referral codes are kept; the store itself refuses a second active code per user. */
public interface ReferralCodeRepository {

    /** How a read code is locked until the transaction ends. */
    enum Lock {
        /** No lock. */
        NONE,
        /** Others may read and share-lock it, nobody may change it: registrations with the code. */
        SHARE,
        /** Nobody else may lock or change it: revoking the code. */
        UPDATE
    }

    /**
     * Stores a new code. Throws {@code ConflictException} {@code active-code-exists} when the owner holds
     * another active code, or {@code code-taken} when the value was ever used, in any case.
     */
    void add(ReferralCode code);

    /** Stores a changed code (revoked). */
    void update(ReferralCode code);

    /** Marks the owner's codes that are still ACTIVE but past expiry as EXPIRED; returns how many. */
    int expireOverdue(UserId owner, Instant now);

    /** The owner's code that is active at {@code now}. */
    Optional<ReferralCode> findActive(UserId owner, Instant now);

    /** The code with this value, case-insensitively, locked as asked. */
    Optional<ReferralCode> findByValue(CodeValue value, Lock lock);

    /** The owner's codes, newest first. */
    Page<ReferralCode> listByOwner(UserId owner, PageRequest page);

    /** The code that is active at {@code now} of the user with that email. */
    Optional<ReferralCode> findActiveByOwnerEmail(Email ownerEmail, Instant now);
}
