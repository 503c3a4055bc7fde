package org.openreferral.application.shared.scratch.service;

import org.openreferral.application.shared.scratch.port.in.ForgetThingUseCase;

/** Public and final, but named for no use case it implements (it implements ForgetThingUseCase): must be caught. */
public final class DropThingService implements ForgetThingUseCase {

    @Override
    public void forget() {
    }
}
