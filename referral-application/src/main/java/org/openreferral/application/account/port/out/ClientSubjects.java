package org.openreferral.application.account.port.out;

import org.openreferral.domain.model.client.ClientId;

/**
 * Out-port: whether a machine client still exists, for the check every access token passes. The integration slice
 * implements it and bootstrap wires it, so that account never imports integration.
 */
@FunctionalInterface
public interface ClientSubjects {

    boolean exists(ClientId client);
}
