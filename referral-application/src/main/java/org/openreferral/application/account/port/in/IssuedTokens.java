package org.openreferral.application.account.port.in;

import java.time.Duration;

/** What a successful grant hands out: a short-lived access token and, optionally, a refresh token. */
public record IssuedTokens(String accessToken, Duration accessTokenLifetime, String refreshToken) {

    @Override
    public String toString() {
        return "IssuedTokens[redacted]";
    }
}
