package org.openreferral.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.DeviceTokens.Device;
import org.openreferral.domain.model.user.UserId;

class HmacDeviceTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant EXPIRY = NOW.plus(Duration.ofDays(90));

    private final HmacDeviceTokens tokens = new HmacDeviceTokens(HmacDeviceTokens.derive(
            "the signing key's bytes".getBytes(StandardCharsets.UTF_8)));
    private final UserId jane = UserId.newId();

    @Test
    void aTokenNamesItsUserAndADeviceOfItsOwnUntilItExpires() {
        String first = tokens.issue(jane, EXPIRY);
        String second = tokens.issue(jane, EXPIRY);

        Device device = tokens.verify(first, NOW).orElseThrow();
        assertThat(device.user()).isEqualTo(jane);
        assertThat(tokens.verify(second, NOW).orElseThrow().id()).isNotEqualTo(device.id());
        assertThat(tokens.verify(first, EXPIRY.minusSeconds(1))).isPresent();
        assertThat(tokens.verify(first, EXPIRY)).isEmpty();
    }

    @Test
    void anAlteredPayloadOrSignatureOrAnotherKeyCountsForNothing() {
        String token = tokens.issue(jane, EXPIRY);
        String payload = token.substring(0, token.indexOf('.'));
        byte[] bytes = Base64.getUrlDecoder().decode(payload);
        bytes[0] ^= 1;
        String otherUser = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
                + token.substring(token.indexOf('.'));
        HmacDeviceTokens otherKey = new HmacDeviceTokens(HmacDeviceTokens.derive(
                "another signing key".getBytes(StandardCharsets.UTF_8)));

        assertThat(tokens.verify(otherUser, NOW)).isEmpty();
        assertThat(tokens.verify(payload + ".AAAA", NOW)).isEmpty();
        assertThat(otherKey.verify(token, NOW)).isEmpty();
    }

    @Test
    void garbageCountsForNothing() {
        assertThat(tokens.verify(null, NOW)).isEmpty();
        assertThat(tokens.verify("", NOW)).isEmpty();
        assertThat(tokens.verify("no-dot", NOW)).isEmpty();
        assertThat(tokens.verify("%%%.%%%", NOW)).isEmpty();
        assertThat(tokens.verify("a".repeat(500), NOW)).isEmpty();
    }
}
