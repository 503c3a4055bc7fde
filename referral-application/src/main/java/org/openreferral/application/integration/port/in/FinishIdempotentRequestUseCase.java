package org.openreferral.application.integration.port.in;

import java.util.Objects;
import org.openreferral.application.integration.port.out.KeptAnswer;

/**
 * Use case: a request that claimed its idempotency key has answered; the answer is kept for replays (2xx, 4xx but
 * 429), or the key is released so that a retry runs again (429, 5xx).
 */
public interface FinishIdempotentRequestUseCase {

    void finish(FinishIdempotentRequestCommand command);

    record FinishIdempotentRequestCommand(IdempotencyClaim claim, KeptAnswer answer) {

        public FinishIdempotentRequestCommand {
            Objects.requireNonNull(claim, "claim");
            Objects.requireNonNull(answer, "answer");
        }
    }
}
