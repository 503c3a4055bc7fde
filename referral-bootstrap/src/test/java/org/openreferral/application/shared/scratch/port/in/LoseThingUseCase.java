package org.openreferral.application.shared.scratch.port.in;

/** A use case nobody implements: ArchitectureTest must catch it. */
public interface LoseThingUseCase {

    void lose();
}
