package org.openreferral.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AccessTokenTypeTest {

    @Test
    void onlyTheAccessTokenTypeIsAnAccessToken() {
        assertThat(AccessTokenType.isAccessToken(token("{\"alg\":\"ES256\",\"typ\":\"at+jwt\"}"))).isTrue();
        assertThat(AccessTokenType.isAccessToken(token("{\"alg\":\"ES256\",\"typ\":\"Application/AT+JWT\"}"))).isTrue();
        assertThat(AccessTokenType.isAccessToken(token("{\"alg\":\"ES256\",\"typ\":\"JWT\"}"))).isFalse();
        assertThat(AccessTokenType.isAccessToken(token("{\"alg\":\"ES256\"}"))).isFalse();
        assertThat(AccessTokenType.isAccessToken(token("{\"alg\":\"ES256\",\"typ\":[\"at+jwt\"]}"))).isFalse();
    }

    @Test
    void garbageIsNoAccessToken() {
        assertThat(AccessTokenType.isAccessToken(null)).isFalse();
        assertThat(AccessTokenType.isAccessToken("")).isFalse();
        assertThat(AccessTokenType.isAccessToken("%%%.x.y")).isFalse();
        assertThat(AccessTokenType.isAccessToken(token("not json"))).isFalse();
        assertThat(AccessTokenType.isAccessToken(token("[1]"))).isFalse();
    }

    private static String token(String header) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString("{}".getBytes())
                + ".sig";
    }
}
