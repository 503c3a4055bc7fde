package org.openreferral.application.account.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The failed-login state of one lockout bucket (an account seen from one client network, an account as a whole, or
 * one trusted device): failures in the current fixed window, how often the bucket was locked, until when it is
 * locked, and when the whole state may be forgotten. Immutable; the rules below make each next state.
 */
public record LoginThrottle(int failures, Instant windowEndsAt, int lockouts, Optional<Instant> lockedUntil,
                            Instant expiresAt) {

    /**
     * The rule of one kind of bucket: more than {@code maxFailures} attempts within {@code window} lock it, first
     * for {@code firstLockout}, each further time for twice as long, at most {@code maxLockout}. A bucket with no
     * failure and no lock for {@code maxLockout} is forgotten, its lockout count included.
     */
    public record Limit(int maxFailures, Duration window, Duration firstLockout, Duration maxLockout) {

        public Limit {
            if (maxFailures < 1) {
                throw new IllegalArgumentException("maxFailures must be at least 1");
            }
            for (Duration duration : new Duration[] {window, firstLockout, maxLockout}) {
                Objects.requireNonNull(duration, "durations");
                if (duration.isNegative() || duration.isZero()) {
                    throw new IllegalArgumentException("window and lockouts must be positive");
                }
            }
            if (firstLockout.compareTo(maxLockout) > 0) {
                throw new IllegalArgumentException("the first lockout cannot be longer than the longest");
            }
        }

        /** How long the {@code nth} lockout (1 for the first) lasts: doubling, capped. */
        public Duration lockout(int nth) {
            Duration delay = firstLockout;
            for (int i = 1; i < nth && delay.compareTo(maxLockout) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxLockout) > 0 ? maxLockout : delay;
        }
    }

    public LoginThrottle {
        Objects.requireNonNull(windowEndsAt, "windowEndsAt");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (failures < 0 || lockouts < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** A bucket nothing happened to. */
    public static LoginThrottle none(Instant now) {
        return new LoginThrottle(0, now, 0, Optional.empty(), now);
    }

    /** Whether attempts are refused at {@code now}. */
    public boolean lockedAt(Instant now) {
        return lockedUntil.isPresent() && now.isBefore(lockedUntil.get());
    }

    /** Whether this state holds nothing worth keeping at {@code now} (it can be deleted). */
    public boolean forgottenAt(Instant now) {
        return !now.isBefore(expiresAt) || (failures == 0 && lockouts == 0 && lockedUntil.isEmpty());
    }

    /**
     * The state after one more attempt at {@code now}, counted before its password is checked. When it is one too
     * many, the state is locked (see {@link #lockedAt}) and its failures start again from zero.
     */
    public LoginThrottle counted(Instant now, Limit limit) {
        LoginThrottle current = !now.isBefore(expiresAt) ? none(now) : this;
        boolean windowOpen = now.isBefore(current.windowEndsAt);
        int counted = windowOpen ? current.failures + 1 : 1;
        Instant windowEnd = windowOpen ? current.windowEndsAt : now.plus(limit.window());
        if (counted <= limit.maxFailures()) {
            Instant keep = latest(windowEnd, current.lockedUntil.orElse(now)).plus(limit.maxLockout());
            return new LoginThrottle(counted, windowEnd, current.lockouts, current.lockedUntil, keep);
        }
        int lockouts = current.lockouts + 1;
        Instant until = now.plus(limit.lockout(lockouts));
        return new LoginThrottle(0, now, lockouts, Optional.of(until), until.plus(limit.maxLockout()));
    }

    /** The state once a counted attempt turned out right: that attempt is not a failure. */
    public LoginThrottle refunded() {
        return new LoginThrottle(Math.max(0, failures - 1), windowEndsAt, lockouts, lockedUntil, expiresAt);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
