package org.openreferral.application.account.port.out;

import java.time.Instant;
import org.openreferral.domain.model.user.User;

/**
 * Out-port: what the account slice reports to the outside world, inside the transaction of the change, so that a
 * rolled-back change reports nothing. The integration slice implements it (the event outbox) and bootstrap wires
 * it, so that account never imports integration.
 */
public interface AccountEvents {

    /** {@code user} registered at {@code now}. */
    void registered(User user, Instant now);

    /** {@code user} confirmed their email address at {@code now}. */
    void emailVerified(User user, Instant now);
}
