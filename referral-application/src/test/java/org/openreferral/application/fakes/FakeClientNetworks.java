package org.openreferral.application.fakes;

import java.util.Optional;
import org.openreferral.application.referral.port.out.ClientNetworks;

/** Client networks as readable stand-ins: an IPv4 address's /24 prefix ({@code net:203.0.113}), nothing else. */
public final class FakeClientNetworks implements ClientNetworks {

    @Override
    public Optional<String> hashOf(String clientAddress) {
        if (clientAddress == null || !clientAddress.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
            return Optional.empty();
        }
        return Optional.of("net:" + clientAddress.substring(0, clientAddress.lastIndexOf('.')));
    }
}
