package org.openreferral.bootstrap.integration;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.openreferral.application.integration.port.out.HostResolver;

/** The JVM's resolver (and its DNS cache); a literal address resolves to itself without a lookup. */
@ApplicationScoped
public class DnsHostResolver implements HostResolver {

    @Override
    public List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
