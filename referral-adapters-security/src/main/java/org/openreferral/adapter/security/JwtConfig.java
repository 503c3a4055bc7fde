package org.openreferral.adapter.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configuration of access tokens ({@code referral.jwt.*}), read by both the issuer and the verifier. */
@ConfigMapping(prefix = "referral.jwt")
public interface JwtConfig {

    /** The {@code iss} claim written and required. */
    @WithDefault("openreferral")
    String issuer();

    /** The {@code aud} claim written and required. */
    @WithDefault("referral-api")
    String audience();

    /** How long an access token lives ({@code exp - iat}). */
    @WithDefault("PT15M")
    Duration accessTokenLifetime();

    /** Tolerated clock difference when checking {@code exp} and {@code iat}. */
    @WithDefault("PT30S")
    Duration clockSkew();

    /** PEM file with the PKCS#8 EC P-256 private key; without it a key pair is generated under the data dir. */
    Optional<String> privateKeyLocation();

    /** PEM file with the X.509 SubjectPublicKeyInfo of the same key pair. */
    Optional<String> publicKeyLocation();

    /**
     * PEM files (X.509 SubjectPublicKeyInfo) of earlier signing keys: tokens they signed, named by their {@code kid},
     * are still accepted, so that a new key pair can be rolled out while the old one's tokens run out.
     */
    Optional<List<String>> previousPublicKeyLocations();
}
