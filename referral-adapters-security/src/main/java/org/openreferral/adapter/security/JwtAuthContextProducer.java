package org.openreferral.adapter.security;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Wiring: the settings SmallRye JWT verifies bearer tokens with, replacing the ones it would read from
 * {@code mp.jwt.verify.*}, so that verification uses the very key and issuer/audience the token issuer uses, even when
 * the key pair was generated at runtime.
 */
@ApplicationScoped
public class JwtAuthContextProducer {

    private final SigningKeys keys;
    private final JwtConfig config;

    @Inject
    public JwtAuthContextProducer(SigningKeys keys, JwtConfig config) {
        this.keys = keys;
        this.config = config;
    }

    // An enabled alternative wins over the default producer in io.smallrye.jwt.config.JWTAuthContextInfoProvider,
    // which the smallrye-jwt extension always registers.
    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo authContextInfo() {
        return contextInfo(keys, config);
    }

    static JWTAuthContextInfo contextInfo(SigningKeys keys, JwtConfig config) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        if (keys.hasEarlierKeys()) {
            // During a rotation: a JWK Set of the current and the earlier keys, the token's kid picks one.
            info.setPublicKeyContent(keys.verificationJwks());
        } else {
            info.setPublicVerificationKey(keys.publicKey());
        }
        // Only ES256 is permitted: "none", HS256 signed with the public key and any other algorithm are refused.
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.ES256));
        info.setRelaxVerificationKeyValidation(false);
        info.setIssuedBy(config.issuer());
        info.setExpectedAudience(Set.of(config.audience()));
        // exp is always required by SmallRye JWT; iss and aud by the two settings above.
        info.setRequiredClaims(Set.of("sub", "upn", "iat", "jti"));
        info.setExpGracePeriodSecs(0);
        info.setClockSkew(Math.toIntExact(config.clockSkew().toSeconds()));
        return info;
    }
}
