package org.openreferral.application.account.port.out;

import java.time.Duration;
import java.util.List;

/**
 * Out-port: access tokens refused before their expiry, remembered only as long as the tokens would
 * otherwise be accepted. An entry stands for one token ({@code jti:<id>}) or for every token of a login
 * session ({@code sid:<id>}). Shared by all instances when Redis is configured.
 */
public interface AccessTokenDenyList {

    /** Refuses what {@code entry} stands for from now on, for {@code ttl}. */
    void deny(String entry, Duration ttl);

    /** Whether any of the entries is denied; one round trip, as it runs on every authenticated request. */
    boolean isAnyDenied(List<String> entries);
}
