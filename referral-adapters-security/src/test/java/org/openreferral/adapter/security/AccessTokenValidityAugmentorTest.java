package org.openreferral.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.mutiny.Uni;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openreferral.application.account.port.in.ValidateAccessTokenUseCase.ValidateAccessTokenCommand;
import org.openreferral.domain.model.client.ClientId;
import org.openreferral.domain.model.client.Scope;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.Role;
import org.openreferral.domain.model.user.User;

class AccessTokenValidityAugmentorTest {

    // Runs the blocking part right away, as the real context does on a worker thread.
    private static final AuthenticationRequestContext CONTEXT = supplier -> Uni.createFrom().item(supplier);

    @TempDir
    Path dataDir;

    private final List<ValidateAccessTokenCommand> asked = new ArrayList<>();

    @Test
    void aVerifiedTokenIsCheckedWithItsSubjectIdAndSession() throws Exception {
        User user = JwtTokenIssuerTest.user(Set.of(Role.USER));
        SessionId session = SessionId.newId();
        JsonWebToken token = verified(user, session);
        SecurityIdentity identity = QuarkusSecurityIdentity.builder().setPrincipal(token).build();

        SecurityIdentity augmented = augmentor(asked::add).augment(identity, CONTEXT).await().indefinitely();

        assertThat(augmented).isSameAs(identity);
        assertThat(asked).containsExactly(new ValidateAccessTokenCommand(user.id().value(), token.getTokenID(),
                session.value()));
    }

    @Test
    void aClientsTokenVerifiesAndIsCheckedAsAClientWithoutSession() throws Exception {
        SigningKeys keys = new SigningKeys(Optional.empty(), Optional.empty(), dataDir);
        ClientId client = ClientId.newId();
        String value = new JwtTokenIssuer(keys, TestJwtConfig.defaults(), Clock.systemUTC())
                .issueForClient(client, Set.of(Scope.REFERRALS_READ)).value();
        JsonWebToken token = new DefaultJWTParser(JwtAuthContextProducer.contextInfo(keys, TestJwtConfig.defaults()))
                .parse(value);
        SecurityIdentity identity = QuarkusSecurityIdentity.builder().setPrincipal(token).build();

        augmentor(asked::add).augment(identity, CONTEXT).await().indefinitely();

        assertThat(asked).containsExactly(new ValidateAccessTokenCommand(client.value(), token.getTokenID(), null,
                true));
    }

    @Test
    void aRefusalIsAnAuthenticationFailureThatCarriesTheApplicationsReason() throws Exception {
        SecurityIdentity identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(verified(JwtTokenIssuerTest.user(Set.of(Role.USER)), SessionId.newId())).build();

        Throwable refused = catchThrowable(() -> augmentor(command -> {
            throw org.openreferral.application.shared.error.AuthenticationFailedException.tokenRevoked();
        }).augment(identity, CONTEXT).await().indefinitely());

        assertThat(refused).isInstanceOf(AuthenticationFailedException.class);
        assertThat(refused.getCause()).isInstanceOfSatisfying(
                org.openreferral.application.shared.error.AuthenticationFailedException.class,
                reason -> assertThat(reason.code()).isEqualTo("token-revoked"));
    }

    @Test
    void anAnonymousIdentityIsNotChecked() {
        SecurityIdentity anonymous = QuarkusSecurityIdentity.builder().setAnonymous(true).build();

        augmentor(asked::add).augment(anonymous, CONTEXT).await().indefinitely();

        assertThat(asked).isEmpty();
    }

    private static AccessTokenValidityAugmentor augmentor(
            org.openreferral.application.account.port.in.ValidateAccessTokenUseCase validation) {
        return new AccessTokenValidityAugmentor(validation);
    }

    private JsonWebToken verified(User user, SessionId session) throws Exception {
        SigningKeys keys = new SigningKeys(Optional.empty(), Optional.empty(), dataDir);
        String token = new JwtTokenIssuer(keys, TestJwtConfig.defaults(), Clock.systemUTC()).issue(user, session)
                .value();
        return new DefaultJWTParser(JwtAuthContextProducer.contextInfo(keys, TestJwtConfig.defaults())).parse(token);
    }
}
