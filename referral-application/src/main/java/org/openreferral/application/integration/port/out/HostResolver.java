package org.openreferral.application.integration.port.out;

import java.net.InetAddress;
import java.util.List;

/** Out-port: DNS. The addresses a host name (or literal address) stands for; empty when it resolves to none. */
public interface HostResolver {

    List<InetAddress> resolve(String host);
}
