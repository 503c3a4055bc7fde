package org.openreferral.application.referral.port.out;

import java.util.Optional;

/**
 * Out-port: the client network of an address (IPv4 /24, IPv6 /64) in the only form the same-network rule stores
 * it, a keyed hash: equal networks give equal hashes, and nobody without the key can tell which network it is.
 */
public interface ClientNetworks {

    /** The keyed hash of the address's network; empty when the text is not an IP address. */
    Optional<String> hashOf(String clientAddress);
}
