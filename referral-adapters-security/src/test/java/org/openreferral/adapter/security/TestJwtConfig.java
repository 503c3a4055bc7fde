package org.openreferral.adapter.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Test double: a fixed {@link JwtConfig}. */
record TestJwtConfig(String issuer, String audience, Duration accessTokenLifetime, Duration clockSkew,
                     Optional<String> privateKeyLocation, Optional<String> publicKeyLocation,
                     Optional<List<String>> previousPublicKeyLocations) implements JwtConfig {

    static TestJwtConfig defaults() {
        return new TestJwtConfig("openreferral", "referral-api", Duration.ofMinutes(15), Duration.ofSeconds(30),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    TestJwtConfig withIssuer(String newIssuer) {
        return new TestJwtConfig(newIssuer, audience, accessTokenLifetime, clockSkew, privateKeyLocation,
                publicKeyLocation, previousPublicKeyLocations);
    }

    TestJwtConfig withAudience(String newAudience) {
        return new TestJwtConfig(issuer, newAudience, accessTokenLifetime, clockSkew, privateKeyLocation,
                publicKeyLocation, previousPublicKeyLocations);
    }

    TestJwtConfig withLifetime(Duration lifetime) {
        return new TestJwtConfig(issuer, audience, lifetime, clockSkew, privateKeyLocation, publicKeyLocation,
                previousPublicKeyLocations);
    }
}
