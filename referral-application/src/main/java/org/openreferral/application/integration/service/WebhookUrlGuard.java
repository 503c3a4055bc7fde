package org.openreferral.application.integration.service;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.openreferral.application.integration.port.out.HostResolver;
import org.openreferral.domain.error.RuleViolationException;
import org.openreferral.domain.model.webhook.WebhookUrl;

/**
 * The SSRF guard: a webhook URL must be https, and its host must resolve only to public addresses, unless the two
 * settings allow http and private networks. Checked when a URL is saved and again before every delivery, which
 * then connects to the very address checked here (no second DNS answer can slip in: no rebinding).
 */
public final class WebhookUrlGuard {

    public static final String REJECTED = "webhook-url-rejected";

    private final HostResolver resolver;
    private final boolean allowHttp;
    private final boolean allowPrivateNetworks;

    public WebhookUrlGuard(HostResolver resolver, boolean allowHttp, boolean allowPrivateNetworks) {
        this.resolver = resolver;
        this.allowHttp = allowHttp;
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /**
     * Refuses a URL that may not receive webhooks (422 {@value #REJECTED}). When private networks are allowed there
     * is nothing to check an address against, so the host is not resolved until delivery.
     */
    public void check(WebhookUrl url) {
        if (!url.https() && !allowHttp) {
            throw rejected("must use https");
        }
        if (!allowPrivateNetworks) {
            addressFor(url);
        }
    }

    /** The address to connect to for {@code url}, all of whose addresses were checked; refused as in {@link #check}. */
    public InetAddress addressFor(WebhookUrl url) {
        if (!url.https() && !allowHttp) {
            throw rejected("must use https");
        }
        List<InetAddress> addresses = resolver.resolve(url.host());
        if (addresses.isEmpty()) {
            throw rejected("has a host that does not resolve");
        }
        // Every address, not just the first: a name that also points inside could be tried inside by a retry.
        if (!allowPrivateNetworks && addresses.stream().anyMatch(WebhookUrlGuard::isNonPublic)) {
            throw rejected("points to a loopback, private, link-local or otherwise non-public address");
        }
        return addresses.get(0);
    }

    private static RuleViolationException rejected(String why) {
        return new RuleViolationException(REJECTED, "The webhook URL " + why + ".");
    }

    /**
     * Whether an address is not on the public internet: unspecified, loopback, private (RFC 1918, fc00::/7),
     * link-local, CGNAT, benchmarking, reserved, multicast or broadcast, and IPv6 forms that embed such an IPv4
     * address (mapped, compatible, NAT64, 6to4).
     */
    public static boolean isNonPublic(InetAddress address) {
        if (address instanceof Inet4Address) {
            return isNonPublicV4(address.getAddress());
        }
        byte[] b = address.getAddress();
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return true; // fc00::/7 unique local
        }
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return isNonPublicV4(tail(b)); // ::ffff:a.b.c.d, IPv4-mapped
        }
        if (allZero(b, 0, 12)) {
            return true; // ::a.b.c.d, IPv4-compatible (deprecated): never a real destination
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12)) {
            return isNonPublicV4(tail(b)); // 64:ff9b::/96, NAT64
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return isNonPublicV4(new byte[] {b[2], b[3], b[4], b[5]}); // 2002::/16, 6to4
        }
        return false;
    }

    private static boolean isNonPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return a0 == 0 // 0.0.0.0/8 "this network"
                || a0 == 10
                || a0 == 127
                || a0 == 100 && a1 >= 64 && a1 <= 127 // 100.64.0.0/10 CGNAT
                || a0 == 169 && a1 == 254
                || a0 == 172 && a1 >= 16 && a1 <= 31
                || a0 == 192 && a1 == 168
                || a0 == 192 && a1 == 0 && a2 == 0 // 192.0.0.0/24 protocol assignments
                || a0 == 198 && (a1 == 18 || a1 == 19) // 198.18.0.0/15 benchmarking
                || a0 >= 224; // multicast, reserved, broadcast
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] tail(byte[] b) {
        return new byte[] {b[12], b[13], b[14], b[15]};
    }

    /** A literal address as an {@link InetAddress}, without DNS; for resolvers and tests. */
    public static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
