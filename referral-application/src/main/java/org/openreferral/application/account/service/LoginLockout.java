package org.openreferral.application.account.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openreferral.application.account.port.out.LoginThrottle;
import org.openreferral.application.account.port.out.LoginThrottleStore;
import org.openreferral.application.account.port.out.SecurityEvent;
import org.openreferral.application.account.port.out.SecurityEventLog;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.user.LoginName;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;

/**
 * Brute-force protection of the password grant, counted before the password is checked. An attempt is counted in
 * lockout buckets kept in the {@link LoginThrottleStore} (apart from the rate-limit counters, never evicted):
 * <ul>
 *   <li>a client without a trusted device: the account seen from its client network (more than {@code maxFailures}
 *   within {@code window} lock that pair for a delay that doubles with each lockout, from {@code firstLockout} up to
 *   {@code lockout}), and the account as a whole ({@code accountMaxFailures} within {@code accountWindow} from all
 *   networks together lock it for every such client for {@code accountWindow});</li>
 *   <li>a client showing a device token of the account (it proved the password before): only its own device bucket,
 *   with the per-network rule, so the lockouts others cause leave it alone.</li>
 * </ul>
 * Accounts are canonical: an existing user by id, an unknown login by its normalized form, so unknown logins are
 * budgeted exactly like existing ones. Each lockout is an entry of the security event log.
 */
public final class LoginLockout {

    /** The limits (see the class comment). */
    public record Policy(int maxFailures, Duration window, Duration firstLockout, Duration lockout,
                         int accountMaxFailures, Duration accountWindow) {

        public Policy {
            // The limits below check every value.
            new LoginThrottle.Limit(maxFailures, window, firstLockout, lockout);
            new LoginThrottle.Limit(accountMaxFailures, accountWindow, accountWindow, accountWindow);
        }

        public static Policy defaults() {
            return new Policy(5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15), 50,
                    Duration.ofHours(24));
        }

        LoginThrottle.Limit perNetwork() {
            return new LoginThrottle.Limit(maxFailures, window, firstLockout, lockout);
        }

        LoginThrottle.Limit perAccount() {
            return new LoginThrottle.Limit(accountMaxFailures, accountWindow, accountWindow, accountWindow);
        }
    }

    /** The account a login attempt is counted against: its key, and who it is for the security log. */
    record Account(String key, Optional<UserId> user, LoginName login) {
    }

    /** Where an attempt comes from: the client network, and the device id when it shows a device token of the account. */
    record Client(String network, Optional<String> device) {
    }

    /** An admitted attempt: the buckets it was counted in. */
    record Attempt(Account account, List<String> clearedOnSuccess, List<String> refundedOnSuccess) {
    }

    private enum Scope {
        NETWORK("network"), ACCOUNT("account"), DEVICE("device");

        private final String slug;

        Scope(String slug) {
            this.slug = slug;
        }
    }

    private record Bucket(String name, Scope scope, LoginThrottle.Limit limit) {
    }

    private record Decision(Optional<Attempt> admitted, Optional<SecurityEvent> event) {
    }

    private final LoginThrottleStore store;
    private final UnitOfWork unitOfWork;
    private final Policy policy;
    private final SecurityEventLog securityLog;
    private final Clock clock;

    public LoginLockout(LoginThrottleStore store, UnitOfWork unitOfWork, Policy policy, SecurityEventLog securityLog,
                        Clock clock) {
        this.store = store;
        this.unitOfWork = unitOfWork;
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
     * Counts an attempt before its password is checked, in one transaction that holds its buckets, so concurrent
     * guesses cannot exceed the budget. Empty when a bucket is locked, or when this attempt is one too many: then it
     * is locked now.
     */
    Optional<Attempt> admit(Account account, Client client) {
        Instant now = clock.instant();
        List<Bucket> buckets = client.device()
                .map(device -> List.of(new Bucket("device:" + account.key() + "#" + device, Scope.DEVICE,
                        policy.perNetwork())))
                .orElseGet(() -> List.of(
                        new Bucket("network:" + account.key() + "@" + client.network(), Scope.NETWORK,
                                policy.perNetwork()),
                        new Bucket("account:" + account.key(), Scope.ACCOUNT, policy.perAccount())));
        Decision decision = unitOfWork.inTransaction(() -> decide(account, buckets, now));
        decision.event().ifPresent(securityLog::record);
        return decision.admitted();
    }

    private Decision decide(Account account, List<Bucket> buckets, Instant now) {
        // Always in the same order (the client's bucket, then the account's), so two attempts never deadlock.
        List<LoginThrottle> states = new ArrayList<>();
        for (Bucket bucket : buckets) {
            LoginThrottle state = store.acquire(bucket.name(), account.key(), now);
            if (state.lockedAt(now)) {
                return new Decision(Optional.empty(), Optional.empty());
            }
            states.add(state);
        }
        List<LoginThrottle> counted = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            Bucket bucket = buckets.get(i);
            LoginThrottle next = states.get(i).counted(now, bucket.limit());
            if (next.lockedAt(now)) {
                // Refused before its check: the attempt counts in no other bucket.
                store.save(bucket.name(), account.key(), next);
                Duration lockedFor = Duration.between(now, next.lockedUntil().orElseThrow());
                return new Decision(Optional.empty(), Optional.of(SecurityEvent.accountLocked(account.user(),
                        account.login(), lockedFor, bucket.scope().slug)));
            }
            counted.add(next);
        }
        for (int i = 0; i < buckets.size(); i++) {
            store.save(buckets.get(i).name(), account.key(), counted.get(i));
        }
        List<String> cleared = List.of(buckets.get(0).name());
        List<String> refunded = buckets.stream().skip(1).map(Bucket::name).toList();
        return new Decision(Optional.of(new Attempt(account, cleared, refunded)), Optional.empty());
    }

    /**
     * The admitted attempt was right: the client's own failures no longer count, and the account's count forgets
     * this attempt (but not the failures others made).
     */
    void succeeded(Attempt attempt) {
        Instant now = clock.instant();
        unitOfWork.inTransaction(() -> {
            attempt.clearedOnSuccess().forEach(store::remove);
            attempt.refundedOnSuccess().forEach(bucket -> refund(bucket, attempt.account(), now));
            return null;
        });
    }

    /**
     * The admitted attempt ended before its password was checked (no hashing slot, say): it guessed nothing, so it
     * counts in none of its buckets. Otherwise logins refused with 503 under load would lock their own accounts.
     */
    void abandoned(Attempt attempt) {
        Instant now = clock.instant();
        unitOfWork.inTransaction(() -> {
            attempt.clearedOnSuccess().forEach(bucket -> refund(bucket, attempt.account(), now));
            attempt.refundedOnSuccess().forEach(bucket -> refund(bucket, attempt.account(), now));
            return null;
        });
    }

    private void refund(String bucket, Account account, Instant now) {
        LoginThrottle state = store.acquire(bucket, account.key(), now).refunded();
        if (state.forgottenAt(now)) {
            store.remove(bucket);
        } else {
            store.save(bucket, account.key(), state);
        }
    }

    /** Forgets failures and ongoing lockouts of every bucket of the user, e.g. once the owner has set a new password. */
    void clear(UserId user) {
        unitOfWork.inTransaction(() -> {
            store.removeAccount(accountOf(user));
            return null;
        });
    }
}
