package org.openreferral.application.integration.port.in;

import java.util.Objects;
import java.util.Optional;
import org.openreferral.application.shared.Caller;

/**
 * Where an {@link IdempotencyKey} counts: the caller (a person or a machine client; none for anonymous calls), the
 * HTTP method and the path. The same key in another scope is another key.
 */
public record IdempotencyScope(Optional<Caller> caller, String method, String path, IdempotencyKey key) {

    public IdempotencyScope {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(key, "key");
    }
}
