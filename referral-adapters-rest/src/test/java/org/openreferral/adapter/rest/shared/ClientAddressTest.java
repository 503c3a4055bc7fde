package org.openreferral.adapter.rest.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", " fd00::/8", "192.0.2.7"));

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverItForwards() {
        ClientAddress direct = new ClientAddress(List.of());

        assertThat(direct.client(ip("10.1.2.3"), List.of("203.0.113.9"))).isEqualTo(ip("10.1.2.3"));
    }

    @Test
    void anUntrustedPeerIsTheClientEvenWhenItForwards() {
        assertThat(behindProxies.client(ip("198.51.100.1"), List.of("203.0.113.9"))).isEqualTo(ip("198.51.100.1"));
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedEntryIsTheClientNotTheLeftmostTheClientWrote() {
        assertThat(behindProxies.client(ip("10.0.0.5"), List.of("6.6.6.6, 203.0.113.9"))).isEqualTo(ip("203.0.113.9"));
        assertThat(behindProxies.client(ip("10.0.0.5"), List.of("6.6.6.6, 203.0.113.9, 10.9.9.9, 192.0.2.7")))
                .isEqualTo(ip("203.0.113.9"));
        assertThat(behindProxies.client(ip("10.0.0.5"), List.of("6.6.6.6", "203.0.113.9,10.9.9.9")))
                .isEqualTo(ip("203.0.113.9"));
    }

    @Test
    void garbageInTheDecidingEntryMeansThePeer() {
        assertThat(behindProxies.client(ip("10.0.0.5"), List.of("203.0.113.9, example.com"))).isEqualTo(ip("10.0.0.5"));
        assertThat(behindProxies.client(ip("10.0.0.5"), List.of("203.0.113.9, 999.1.1.1"))).isEqualTo(ip("10.0.0.5"));
        assertThat(behindProxies.client(ip("10.0.0.5"), List.of("203.0.113.9,"))).isEqualTo(ip("10.0.0.5"));
        assertThat(behindProxies.client(ip("10.0.0.5"), List.of("unknown"))).isEqualTo(ip("10.0.0.5"));
        // Garbage further left is never reached: the rightmost untrusted entry decides.
        assertThat(behindProxies.client(ip("10.0.0.5"), List.of("<script>, 203.0.113.9"))).isEqualTo(ip("203.0.113.9"));
    }

    @Test
    void noHeaderBehindATrustedProxyMeansTheProxyIsTheClient() {
        assertThat(behindProxies.client(ip("10.0.0.5"), List.of())).isEqualTo(ip("10.0.0.5"));
    }

    @Test
    void ipv6ClientsAndProxiesAreUnderstoodAndCountedPer64() {
        InetAddress client = behindProxies.client(ip("fd12::1"), List.of("[2001:db8:1:2:aaaa::1]"));

        assertThat(client).isEqualTo(ip("2001:db8:1:2:aaaa::1"));
        assertThat(ClientAddress.counted(client)).isEqualTo(ClientAddress.counted(ip("2001:db8:1:2:ffff::9")))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddress.counted(ip("2001:db8:1:3::1"))).isNotEqualTo(ClientAddress.counted(client));
        assertThat(ClientAddress.counted(ip("203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void onlyLiteralsAreAddressesNothingIsLookedUp() {
        assertThat(ClientAddress.literal("localhost")).isEmpty();
        assertThat(ClientAddress.literal("1.2.3")).isEmpty();
        assertThat(ClientAddress.literal("1.2.3.4:80")).isEmpty();
        assertThat(ClientAddress.literal("fe80::1%eth0")).isEmpty();
        assertThat(ClientAddress.literal(" 1.2.3.4 ")).contains(ip("1.2.3.4"));
        assertThat(ClientAddress.literal("::ffff:1.2.3.4")).contains(ip("1.2.3.4"));
    }

    @Test
    void aTrustedProxySettingThatIsNoNetworkStopsTheStart() {
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static InetAddress ip(String literal) {
        return ClientAddress.literal(literal).orElseThrow();
    }
}
