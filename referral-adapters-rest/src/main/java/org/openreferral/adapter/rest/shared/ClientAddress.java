package org.openreferral.adapter.rest.shared;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client a request comes from, for per-client rate limits and fraud rules (the contract's "Client address"):
 * the peer address of the connection, unless it lies in a trusted proxy network; then the rightmost
 * {@code X-Forwarded-For} entry that is not a trusted proxy, parsed as an IP literal (anything else there: the peer
 * address). The leftmost entries are whatever the client wrote, so they are never believed. Quarkus's own proxy
 * forwarding is not used: the peer is read from the connection itself.
 */
public final class ClientAddress {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String UNKNOWN = "unknown";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Network> trustedProxies;

    /** With the trusted proxy networks as CIDRs ({@code 10.0.0.0/8}, {@code fd00::/8}, a bare address is /32 or /128). */
    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(cidr -> !cidr.isEmpty())
                .map(Network::parse).toList();
    }

    /** The client's address as text ({@code "unknown"} when the connection has none, e.g. a Unix socket). */
    public String of(HttpServerRequest request) {
        return resolve(request).map(InetAddress::getHostAddress).orElse(UNKNOWN);
    }

    /** What a per-client budget counts: the client's IPv4 address, or the /64 network of an IPv6 one. */
    public String rateLimitKey(HttpServerRequest request) {
        return resolve(request).map(ClientAddress::counted).orElse(UNKNOWN);
    }

    /** Whether the request reached us through a trusted proxy (which, in front of a service, terminates TLS). */
    public boolean throughTrustedProxy(HttpServerRequest request) {
        return request != null && peer(request).filter(this::trusted).isPresent();
    }

    private Optional<InetAddress> resolve(HttpServerRequest request) {
        if (request == null) {
            return Optional.empty();
        }
        return peer(request).map(address -> client(address, request.headers().getAll(FORWARDED_FOR)));
    }

    private static Optional<InetAddress> peer(HttpServerRequest request) {
        // The connection's address, not request.remoteAddress(): that one Quarkus may have replaced with a header.
        HttpConnection connection = request.connection();
        SocketAddress peer = connection != null ? connection.remoteAddress() : request.remoteAddress();
        return peer == null ? Optional.empty() : literal(peer.hostAddress());
    }

    /** The client behind {@code peer}, given the {@code X-Forwarded-For} header lines in the order received. */
    InetAddress client(InetAddress peer, List<String> forwardedFor) {
        if (!trusted(peer)) {
            return peer;
        }
        List<String> entries = new ArrayList<>();
        for (String line : forwardedFor) {
            entries.addAll(Arrays.asList(line.split(",", -1)));
        }
        InetAddress client = peer;
        for (int i = entries.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(entries.get(i));
            if (hop.isEmpty()) {
                return peer;
            }
            client = hop.get();
            if (!trusted(client)) {
                return client;
            }
        }
        // Every hop is a trusted proxy: the request started at the leftmost of them.
        return client;
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(network -> network.contains(address));
    }

    /** An IPv4 or IPv6 address written as a literal; never a name (nothing is looked up). */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (IPV4.matcher(value).matches()) {
            for (String part : value.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!IPV6.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            // A dotted quad or a literal with a colon is parsed by getByName, never looked up.
            return Optional.of(InetAddress.getByName(value));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    static String counted(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] network = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return address.getHostAddress();
    }

    /** A CIDR network. */
    private record Network(byte[] prefix, int bits) {

        static Network parse(String cidr) {
            int slash = cidr.indexOf('/');
            String host = slash < 0 ? cidr : cidr.substring(0, slash);
            InetAddress address = literal(host).orElseThrow(() -> new IllegalArgumentException(
                    "trusted proxy '" + cidr + "' is not an IP address or CIDR network"));
            int max = address instanceof Inet4Address ? 32 : 128;
            int bits;
            try {
                bits = slash < 0 ? max : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("trusted proxy '" + cidr + "' has no valid prefix length");
            }
            return new Network(address.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
