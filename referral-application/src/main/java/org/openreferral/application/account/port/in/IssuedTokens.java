package org.openreferral.application.account.port.in;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a successful grant hands out: a short-lived access token and, optionally, a refresh token; after a password
 * login also a device token, which the client shows on later logins (see {@code AuthenticateUserUseCase}).
 */
public record IssuedTokens(String accessToken, Duration accessTokenLifetime, String refreshToken,
                           Optional<DeviceToken> deviceToken) {

    /** A device token and how long it lives. */
    public record DeviceToken(String value, Duration lifetime) {

        @Override
        public String toString() {
            return "DeviceToken[redacted]";
        }
    }

    public IssuedTokens {
        Objects.requireNonNull(deviceToken, "deviceToken");
    }

    /** Tokens without a device token. */
    public IssuedTokens(String accessToken, Duration accessTokenLifetime, String refreshToken) {
        this(accessToken, accessTokenLifetime, refreshToken, Optional.empty());
    }

    /** These tokens and a device token. */
    public IssuedTokens withDeviceToken(DeviceToken device) {
        return new IssuedTokens(accessToken, accessTokenLifetime, refreshToken, Optional.of(device));
    }

    @Override
    public String toString() {
        return "IssuedTokens[redacted]";
    }
}
