package org.openreferral.application.account.port.out;

/**
 * Out-port: fresh opaque secrets for refresh and reset tokens (at least 256 random bits, URL-safe) and
 * the one-way digest under which they are stored and looked up.
 */
public interface TokenSecrets {

    /** A new secret with its digest. */
    Secret newSecret();

    /** The digest of a presented secret, to look it up by. */
    String digestOf(String secret);

    /** A secret to hand out once and the digest to store. */
    record Secret(String value, String digest) {

        @Override
        public String toString() {
            return "Secret[digest=" + digest + "]";
        }
    }
}
