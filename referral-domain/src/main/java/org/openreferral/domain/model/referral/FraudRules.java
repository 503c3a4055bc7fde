package org.openreferral.domain.model.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The rules that hold a new referral for review instead of letting it earn anything: {@value #SAME_NETWORK}
 * (more than {@code sameNetworkMax} referrals of one referrer from one client network within
 * {@code sameNetworkWindow}) and {@value #EMAIL_UNVERIFIABLE} (the email check could not judge the address).
 */
public record FraudRules(int sameNetworkMax, Duration sameNetworkWindow, boolean flagUnverifiableEmail) {

    public static final String SAME_NETWORK = "same-network";
    public static final String EMAIL_UNVERIFIABLE = "email-unverifiable";

    public FraudRules {
        Objects.requireNonNull(sameNetworkWindow, "sameNetworkWindow");
        if (sameNetworkMax < 0 || sameNetworkWindow.isNegative()) {
            throw new IllegalArgumentException("fraud rule limits must not be negative");
        }
    }

    public static FraudRules defaults() {
        return new FraudRules(5, Duration.ofHours(24), true);
    }

    /** Where the same-network window that ends at {@code now} starts. */
    public Instant windowStart(Instant now) {
        return now.minus(sameNetworkWindow);
    }

    /**
     * The rule a new referral breaks, if any, given how many referrals of its referrer came from its client
     * network within the window before it (empty when its network is unknown), and whether the referee's email
     * could not be judged.
     */
    public Optional<String> brokenBy(OptionalLong earlierFromSameNetwork, boolean emailUnverifiable) {
        if (earlierFromSameNetwork.isPresent() && earlierFromSameNetwork.getAsLong() + 1 > sameNetworkMax) {
            return Optional.of(SAME_NETWORK);
        }
        if (flagUnverifiableEmail && emailUnverifiable) {
            return Optional.of(EMAIL_UNVERIFIABLE);
        }
        return Optional.empty();
    }
}
