package org.openreferral.application.account.port.out;

import java.time.Instant;
import java.util.Optional;
import org.openreferral.domain.model.user.UserId;

/**
 * Out-port: device tokens, OWASP's "device cookie": handed to a client that proved an account's password, and shown
 * again by it on later logins. A token names its account and a random device id, lives until its expiry and cannot be
 * forged or altered without the server's secret.
 */
public interface DeviceTokens {

    /** A new token for a device of {@code user}, valid until {@code expiresAt}. */
    String issue(UserId user, Instant expiresAt);

    /** The device a presented token names, if it is genuine and unexpired at {@code now}. */
    Optional<Device> verify(String token, Instant now);

    /** A trusted device: its account and its id (the key of its own lockout bucket). */
    record Device(UserId user, String id) {
    }
}
