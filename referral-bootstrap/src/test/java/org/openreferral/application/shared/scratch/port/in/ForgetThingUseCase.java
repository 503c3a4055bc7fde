package org.openreferral.application.shared.scratch.port.in;

/** A use case whose implementation below is misnamed: ArchitectureTest must catch it. */
public interface ForgetThingUseCase {

    void forget();
}
