package org.openreferral.application.fakes;

import java.util.concurrent.atomic.AtomicInteger;
import org.openreferral.application.account.port.out.TokenSecrets;

/** Hands out recognisable secrets ({@code secret-1}, {@code secret-2}, ...) whose digest is {@code digest:<secret>}. */
public final class FakeTokenSecrets implements TokenSecrets {

    private final AtomicInteger sequence = new AtomicInteger();

    @Override
    public Secret newSecret() {
        String value = "secret-" + sequence.incrementAndGet();
        return new Secret(value, digestOf(value));
    }

    @Override
    public String digestOf(String secret) {
        return "digest:" + secret;
    }

    /** How many secrets were handed out. */
    public int issued() {
        return sequence.get();
    }
}
