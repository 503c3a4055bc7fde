package org.openreferral.bootstrap.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HmacClientNetworksTest {

    private final HmacClientNetworks networks = new HmacClientNetworks("key-one");

    @Test
    void addressesOfOneIpv4Slash24ShareAHash() {
        assertThat(networks.hashOf("203.0.113.7")).isEqualTo(networks.hashOf("203.0.113.250")).isPresent();
        assertThat(networks.hashOf("203.0.113.7")).isNotEqualTo(networks.hashOf("203.0.114.7"));
    }

    @Test
    void addressesOfOneIpv6Slash64ShareAHash() {
        assertThat(networks.hashOf("2001:db8:1:2::1")).isEqualTo(networks.hashOf("2001:db8:1:2:ffff:0:0:9"))
                .isEqualTo(networks.hashOf("[2001:db8:1:2::5]"));
        assertThat(networks.hashOf("2001:db8:1:2::1")).isNotEqualTo(networks.hashOf("2001:db8:1:3::1"));
    }

    @Test
    void anIpv4MappedIpv6AddressIsItsIpv4Network() {
        assertThat(networks.hashOf("::ffff:203.0.113.9")).isEqualTo(networks.hashOf("203.0.113.7"));
    }

    @Test
    void theHashDependsOnTheKeyAndShowsNoAddress() {
        String hash = networks.hashOf("203.0.113.7").orElseThrow();
        assertThat(new HmacClientNetworks("key-two").hashOf("203.0.113.7")).isPresent().get().isNotEqualTo(hash);
        assertThat(hash).doesNotContain("203").hasSizeLessThanOrEqualTo(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "unknown", "localhost", "example.com", "256.1.1.1", "1.2.3", "1:2:3:zz::1"})
    void textThatIsNoIpAddressHasNoNetwork(String text) {
        assertThat(networks.hashOf(text)).isEmpty();
    }
}
