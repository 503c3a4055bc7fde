package org.openreferral.application.integration.port.in;

import java.util.Objects;
import org.openreferral.application.integration.port.out.KeptAnswer;

/**
 * Use case: a request with an {@code Idempotency-Key} claims the key before it runs, or gets the kept answer of the
 * earlier request with that key (same body); another body is refused (422 {@code idempotency-key-reused}), and so
 * is a second request while the first still runs (409 {@code idempotency-request-in-progress}).
 */
public interface BeginIdempotentRequestUseCase {

    Start begin(BeginIdempotentRequestCommand command);

    /** The key in its scope, and the request body exactly as received. */
    record BeginIdempotentRequestCommand(IdempotencyScope scope, byte[] body) {

        public BeginIdempotentRequestCommand {
            Objects.requireNonNull(scope, "scope");
            body = body.clone();
        }
    }

    /** What the request does next: run (it holds the claim) or answer with the kept answer. */
    sealed interface Start {
    }

    /** Run the request, then finish the claim with its answer. */
    record Proceed(IdempotencyClaim claim) implements Start {
    }

    /** Answer with what the first request answered; do not run. */
    record Replay(KeptAnswer answer) implements Start {
    }
}
