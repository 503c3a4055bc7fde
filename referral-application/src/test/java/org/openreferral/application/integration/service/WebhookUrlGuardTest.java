package org.openreferral.application.integration.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreferral.domain.error.RuleViolationException;
import org.openreferral.domain.model.webhook.WebhookUrl;

/** The SSRF guard: schemes, every non-public address range, names resolved by a fake DNS, and the two settings. */
class WebhookUrlGuardTest {

    /** A DNS that knows a few names; literals resolve to themselves. */
    private static final Map<String, List<InetAddress>> DNS = Map.of(
            "hooks.example.com", List.of(WebhookUrlGuard.literal("93.184.216.34")),
            "internal.example.com", List.of(WebhookUrlGuard.literal("10.1.2.3")),
            "mixed.example.com", List.of(WebhookUrlGuard.literal("93.184.216.34"), WebhookUrlGuard.literal("127.0.0.1")),
            "v6.example.com", List.of(WebhookUrlGuard.literal("2606:2800:220:1:248:1893:25c8:1946")));

    private static List<InetAddress> resolve(String host) {
        if (DNS.containsKey(host)) {
            return DNS.get(host);
        }
        return host.matches("[0-9.]+|.*:.*") ? List.of(WebhookUrlGuard.literal(host)) : List.of();
    }

    private final WebhookUrlGuard strict = new WebhookUrlGuard(WebhookUrlGuardTest::resolve, false, false);

    private static void assertRejected(Runnable check) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.code()).isEqualTo("webhook-url-rejected"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "127.0.0.1", "127.8.9.10",
            "100.64.0.1", "100.127.255.254", "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "192.0.0.8", "198.18.0.1", "198.19.255.255", "224.0.0.1", "239.255.255.250", "240.0.0.1",
            "255.255.255.255", "::", "::1", "fe80::1", "febf::1", "fc00::1", "fd12:3456::1", "ff02::1", "fec0::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::10.0.0.1",
            "64:ff9b::7f00:1", "2002:7f00:1::", "2002:c0a8:101::1"})
    void nonPublicAddressesAreRefused(String address) {
        assertThat(WebhookUrlGuard.isNonPublic(WebhookUrlGuard.literal(address))).as(address).isTrue();
        String host = address.contains(":") ? "[" + address + "]" : address;
        assertRejected(() -> strict.check(new WebhookUrl("https://" + host + "/hook")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.15.255.255",
            "172.32.0.1", "192.167.1.1", "192.169.0.1", "169.253.1.1", "198.17.0.1", "198.20.0.1", "223.255.255.254",
            "2606:2800:220:1:248:1893:25c8:1946", "2001:4860:4860::8888", "::ffff:8.8.8.8", "64:ff9b::808:808",
            "2002:808:808::1"})
    void publicAddressesPass(String address) {
        assertThat(WebhookUrlGuard.isNonPublic(WebhookUrlGuard.literal(address))).as(address).isFalse();
        String host = address.contains(":") ? "[" + address + "]" : address;
        assertThat(strict.addressFor(new WebhookUrl("https://" + host + "/hook")))
                .isEqualTo(WebhookUrlGuard.literal(address));
    }

    @Test
    void httpIsRefusedUnlessAllowed() {
        assertRejected(() -> strict.check(new WebhookUrl("http://hooks.example.com/hook")));
        new WebhookUrlGuard(WebhookUrlGuardTest::resolve, true, false)
                .check(new WebhookUrl("http://hooks.example.com/hook"));
    }

    @Test
    void namesAreJudgedByEveryAddressTheyResolveTo() {
        strict.check(new WebhookUrl("https://hooks.example.com/hook"));
        strict.check(new WebhookUrl("https://v6.example.com/hook"));
        assertRejected(() -> strict.check(new WebhookUrl("https://internal.example.com/hook")));
        assertRejected(() -> strict.check(new WebhookUrl("https://mixed.example.com/hook")));
        assertRejected(() -> strict.check(new WebhookUrl("https://nowhere.example.com/hook")));
    }

    @Test
    void privateNetworksPassWhenAllowedAndTheResolvedAddressIsTheOneToConnectTo() {
        WebhookUrlGuard open = new WebhookUrlGuard(WebhookUrlGuardTest::resolve, false, true);

        assertThat(open.addressFor(new WebhookUrl("https://internal.example.com/hook")))
                .isEqualTo(WebhookUrlGuard.literal("10.1.2.3"));
        assertThat(open.addressFor(new WebhookUrl("https://127.0.0.1:8443/hook")))
                .isEqualTo(WebhookUrlGuard.literal("127.0.0.1"));
        assertRejected(() -> open.check(new WebhookUrl("http://127.0.0.1/hook")));
        open.check(new WebhookUrl("https://nowhere.example.com/hook")); // nothing to check before delivery
        assertRejected(() -> open.addressFor(new WebhookUrl("https://nowhere.example.com/hook")));
    }

    @Test
    void aNameThatRebindsToAPrivateAddressIsRefusedAtTheNextCheck() {
        boolean[] rebound = {false};
        WebhookUrlGuard guard = new WebhookUrlGuard(host -> List.of(WebhookUrlGuard.literal(
                rebound[0] ? "169.254.169.254" : "93.184.216.34")), false, false);
        WebhookUrl url = new WebhookUrl("https://rebinding.example.com/hook");

        guard.check(url);
        rebound[0] = true;

        assertRejected(() -> guard.addressFor(url));
    }
}
