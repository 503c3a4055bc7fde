package org.openreferral.adapter.security;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.Claims;
import org.openreferral.application.account.port.out.TokenIssuer;
import org.openreferral.domain.model.client.ClientId;
import org.openreferral.domain.model.client.Scope;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.Role;
import org.openreferral.domain.model.user.User;

/**
 * Adapter: signs ES256 access tokens with {@code iss}, {@code aud}, {@code sub}, {@code upn}, {@code groups},
 * {@code iat}, {@code exp}, {@code jti} and {@code sid} (the login session, which logout ends); a machine client's
 * token has {@code sub} = the client id, {@code upn} = "client:" + the client id, {@code groups} = ["client"] and
 * {@code scope}, and no sid.
 */
@ApplicationScoped
public class JwtTokenIssuer implements TokenIssuer {

    /** The claim that names the token's login session (OpenID Connect's session id claim). */
    public static final String SESSION_CLAIM = "sid";
    /** The claim that lists a machine client's granted scopes, space-separated (RFC 8693 / RFC 9068). */
    public static final String SCOPE_CLAIM = "scope";
    /** The one group of a machine client's token; no person holds it. */
    public static final String CLIENT_GROUP = "client";

    private final SigningKeys keys;
    private final JwtConfig config;
    private final Clock clock;
    private final Duration lifetime;

    @Inject
    public JwtTokenIssuer(SigningKeys keys, JwtConfig config, Instance<Clock> clock) {
        this(keys, config, clock.isResolvable() ? clock.get() : Clock.systemUTC());
    }

    JwtTokenIssuer(SigningKeys keys, JwtConfig config, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
        this.lifetime = config.accessTokenLifetime();
        if (lifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("referral.jwt.access-token-lifetime must be at least one second");
        }
    }

    @Override
    public AccessToken issue(User user, SessionId session) {
        long issuedAt = clock.instant().getEpochSecond();
        String id = UUID.randomUUID().toString();
        Set<String> groups = new LinkedHashSet<>();
        user.roles().stream().sorted(Comparator.naturalOrder()).map(Role::slug).forEach(groups::add);
        String token = Jwt.claims()
                .issuer(config.issuer())
                .audience(config.audience())
                .subject(user.id().toString())
                .upn(user.username().value())
                .groups(groups)
                .issuedAt(issuedAt)
                .expiresAt(issuedAt + lifetime.toSeconds())
                .claim(Claims.jti, id)
                .claim(SESSION_CLAIM, session.value().toString())
                .jws()
                .algorithm(SignatureAlgorithm.ES256)
                .type(AccessTokenType.TYPE)
                .keyId(keys.keyId())
                .sign(keys.privateKey());
        return new AccessToken(token, id, Duration.ofSeconds(lifetime.toSeconds()));
    }

    /** No {@code sid}: a client has no login session; its {@code upn} (which verification requires) is "client:<id>". */
    @Override
    public AccessToken issueForClient(ClientId client, Set<Scope> scopes) {
        long issuedAt = clock.instant().getEpochSecond();
        String id = UUID.randomUUID().toString();
        String token = Jwt.claims()
                .issuer(config.issuer())
                .audience(config.audience())
                .subject(client.toString())
                .upn(CLIENT_GROUP + ":" + client)
                .groups(Set.of(CLIENT_GROUP))
                .issuedAt(issuedAt)
                .expiresAt(issuedAt + lifetime.toSeconds())
                .claim(Claims.jti, id)
                .claim(SCOPE_CLAIM, scopes.stream().sorted(Comparator.naturalOrder()).map(Scope::slug)
                        .collect(Collectors.joining(" ")))
                .jws()
                .algorithm(SignatureAlgorithm.ES256)
                .type(AccessTokenType.TYPE)
                .keyId(keys.keyId())
                .sign(keys.privateKey());
        return new AccessToken(token, id, Duration.ofSeconds(lifetime.toSeconds()));
    }

    @Override
    public Duration longestValidity() {
        return lifetime.plus(config.clockSkew());
    }

    @Override
    public Duration clockSkew() {
        return config.clockSkew();
    }
}
