package org.openreferral.application.account.port.out;

import org.openreferral.domain.model.user.PasswordHash;

/** Out-port: a slow, salted password hash. Both methods are CPU-heavy: never call them on an event loop. */
public interface PasswordHasher {

    PasswordHash hash(String password);

    /** Whether {@code password} produced {@code hash}, compared in constant time. */
    boolean matches(String password, PasswordHash hash);
}
