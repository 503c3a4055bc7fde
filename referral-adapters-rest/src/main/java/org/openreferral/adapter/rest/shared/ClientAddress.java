package org.openreferral.adapter.rest.shared;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client a request comes from, for per-client rate limits: the remote address of the connection.
 * Quarkus replaces it with the forwarded one only when {@code quarkus.http.proxy.proxy-address-forwarding}
 * (and {@code allow-x-forwarded} for {@code X-Forwarded-For}) is configured, so a client cannot pick its
 * own identity by sending that header to a service that is not behind a proxy.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        SocketAddress address = request == null ? null : request.remoteAddress();
        if (address == null) {
            return "unknown";
        }
        String host = address.hostAddress();
        return host == null || host.isBlank() ? "unknown" : host;
    }
}
