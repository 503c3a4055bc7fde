package org.openreferral.application.integration.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.openreferral.application.integration.port.in.IdempotencyScope;

/** SHA-256 digests (hex) of an idempotency scope and of a request body, as the store keeps them. */
final class IdempotencyDigests {

    private IdempotencyDigests() {
    }

    // The parts are joined by newlines, which none of them can hold (a key is visible ASCII, a path is a URI path).
    static String of(IdempotencyScope scope) {
        String owner = scope.caller().map(c -> (c.client() ? "client:" : "user:") + c.id().value())
                .orElse("anonymous");
        return of(String.join("\n", owner, scope.method(), scope.path(), scope.key().value())
                .getBytes(StandardCharsets.UTF_8));
    }

    static String of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
