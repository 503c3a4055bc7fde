package org.openreferral.adapter.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openreferral.application.account.port.in.ValidateAccessTokenUseCase;

/** Test double for this module's Quarkus tests: accepts every token and remembers what it was asked. */
@ApplicationScoped
public class AcceptingAccessTokenValidation implements ValidateAccessTokenUseCase {

    private final List<ValidateAccessTokenCommand> asked = new CopyOnWriteArrayList<>();

    @Override
    public void validate(ValidateAccessTokenCommand command) {
        asked.add(command);
    }

    List<ValidateAccessTokenCommand> asked() {
        return List.copyOf(asked);
    }
}
