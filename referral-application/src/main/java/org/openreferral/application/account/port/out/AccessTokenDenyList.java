package org.openreferral.application.account.port.out;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Out-port: a cache of the access tokens refused before their expiry, remembered only as long as the tokens would
 * otherwise be accepted. An entry stands for one token ({@code jti:<id>}) or for every token of a login session
 * ({@code sid:<id>}). Shared by all instances when Redis is configured. The revoked sessions in the database are the
 * source of truth: a list that cannot answer, or may have lost denials, says {@link Verdict#UNKNOWN}, and is filled
 * again from the database ({@link #refillIfDue(Supplier)}).
 */
public interface AccessTokenDenyList {

    /** What the list can say about a token. */
    enum Verdict {
        DENIED,
        NOT_DENIED,
        /** The list cannot tell (unreachable, too slow, or it may lack denials): ask the database. */
        UNKNOWN
    }

    /** Refuses what {@code entry} stands for from now on, for {@code ttl}. */
    void deny(String entry, Duration ttl);

    /** Whether any of the entries is denied; one round trip, as it runs on every authenticated request. */
    Verdict check(List<String> entries);

    /**
     * If the list may lack denials (a write failed, or its store lost its content) and nobody refills it already:
     * stores again every denial {@code unexpired} gives, each entry with its remaining ttl; once all are stored, the
     * list answers on its own again. Otherwise does nothing (and does not call {@code unexpired}). An
     * exception of {@code unexpired} propagates, and the refill is left to a later call.
     */
    void refillIfDue(Supplier<Map<String, Duration>> unexpired);
}
