package org.openreferral.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.PasswordHasher;
import org.openreferral.application.account.port.out.TokenIssuer;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.Role;
import org.openreferral.domain.model.user.User;

/**
 * The beans as Quarkus wires them. In test mode the smallrye-jwt extension configures an RSA key pair of its own for
 * {@code mp.jwt.verify.*}; tokens verify here only because the producer's settings replace those.
 */
@QuarkusTest
class SecurityWiringTest {

    @Inject
    TokenIssuer issuer;

    @Inject
    JWTParser parser;

    @Inject
    JWTAuthContextInfo authContextInfo;

    @Inject
    SigningKeys keys;

    @Inject
    PasswordHasher hasher;

    @Test
    void quarkusVerifiesTheTokensThisModuleIssues() throws Exception {
        User user = JwtTokenIssuerTest.user(Set.of(Role.USER, Role.ADMIN));

        JsonWebToken jwt = parser.parse(issuer.issue(user, SessionId.newId()).value());

        assertThat(jwt.getSubject()).isEqualTo(user.id().toString());
        assertThat(jwt.getIssuer()).isEqualTo("wiring-test-issuer");
        assertThat(jwt.getGroups()).containsExactlyInAnyOrder("user", "admin");
    }

    @Test
    void quarkusVerifiesWithTheGeneratedKeyAndOnlyEs256() {
        assertThat(authContextInfo.getPublicVerificationKey().getEncoded()).isEqualTo(keys.publicKey().getEncoded());
        assertThat(authContextInfo.getSignatureAlgorithm()).containsExactly(SignatureAlgorithm.ES256);
        assertThat(authContextInfo.getIssuedBy()).isEqualTo("wiring-test-issuer");
        assertThat(authContextInfo.getExpectedAudience()).containsExactly("referral-api");
        assertThat(Path.of("target/quarkus-test-data/keys/jwt-private.pem")).satisfies(p -> Files.isRegularFile(p));
    }

    @Test
    void aTokenFromAnotherIssuerIsRejectedByQuarkus() {
        JwtConfig otherIssuer = TestJwtConfig.defaults().withIssuer("someone-else");
        String token = new JwtTokenIssuer(keys, otherIssuer, Clock.systemUTC())
                .issue(JwtTokenIssuerTest.user(Set.of(Role.USER)), SessionId.newId()).value();

        assertThat(catchThrowable(() -> parser.parse(token))).isInstanceOf(ParseException.class);
    }

    @Test
    void thePasswordHasherRunsWithTheDefaultOwaspParameters() {
        assertThat(hasher.hash("a long enough password").value()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }
}
