package org.openreferral.application.account.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.openreferral.application.account.port.out.SecurityEvent;
import org.openreferral.application.account.port.out.SecurityEventLog;
import org.openreferral.application.shared.ratelimit.AttemptCounters;
import org.openreferral.domain.model.user.LoginName;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;

/**
 * Brute-force protection of the password grant: after {@code maxFailures} failed logins of one account
 * within {@code window}, every further attempt is refused for {@code lockout}, the right password
 * included. Attempts count per account, not per spelling of the login: an existing user is counted by
 * id, an unknown login by its normalized form, so unknown and existing accounts behave alike. Each lockout is an
 * entry of the security event log.
 */
public final class LoginLockout {

    /** The limits: failures per window, and how long an account stays locked. */
    public record Policy(int maxFailures, Duration window, Duration lockout) {

        public Policy {
            if (maxFailures < 1) {
                throw new IllegalArgumentException("maxFailures must be at least 1");
            }
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(lockout, "lockout");
            if (window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()) {
                throw new IllegalArgumentException("window and lockout must be positive");
            }
        }

        public static Policy defaults() {
            return new Policy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
        }
    }

    /** The account a login attempt is counted against: its counter key, and who it is for the security log. */
    record Account(String key, Optional<UserId> user, LoginName login) {
    }

    private final AttemptCounters counters;
    private final Policy policy;
    private final SecurityEventLog securityLog;
    private final Clock clock;

    public LoginLockout(AttemptCounters counters, Policy policy, SecurityEventLog securityLog, Clock clock) {
        this.counters = counters;
        this.policy = policy;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    /** The account a login attempt is counted against. */
    static Account accountOf(Optional<User> user, LoginName login) {
        Optional<UserId> id = user.map(User::id);
        return new Account(id.map(LoginLockout::accountOf).orElseGet(() -> "login:" + login.normalized()), id, login);
    }

    static String accountOf(UserId user) {
        return "user:" + user.value();
    }

    /**
     * Counts an attempt before its password is checked, so that concurrent guesses cannot exceed the
     * budget. False when the account is locked, or when this attempt is one too many: then it is locked now.
     */
    boolean admit(Account account) {
        Instant now = clock.instant();
        if (counters.current(lockKey(account.key()), now).count() > 0) {
            return false;
        }
        AttemptCounters.Window attempts = counters.increment(failureKey(account.key()), policy.window(), now);
        if (attempts.count() <= policy.maxFailures()) {
            return true;
        }
        counters.increment(lockKey(account.key()), policy.lockout(), now);
        counters.reset(failureKey(account.key()));
        securityLog.record(SecurityEvent.accountLocked(account.user(), account.login(), policy.lockout()));
        return false;
    }

    /** The admitted attempt was right: earlier failures no longer count. */
    void succeeded(Account account) {
        counters.reset(failureKey(account.key()));
    }

    /** Forgets failures and an ongoing lockout, e.g. once the owner has set a new password. */
    void clear(UserId user) {
        String account = accountOf(user);
        counters.reset(failureKey(account));
        counters.reset(lockKey(account));
    }

    private static String failureKey(String account) {
        return "login-attempts:" + account;
    }

    private static String lockKey(String account) {
        return "login-lock:" + account;
    }
}
