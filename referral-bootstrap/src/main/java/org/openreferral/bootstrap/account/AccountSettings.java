package org.openreferral.bootstrap.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the account slice ({@code referral.*}): sessions, lockout, password reset, email verification, the
 * registration email policy and the initial admin. Access-token settings ({@code referral.jwt.*}) belong to the security adapter.
 */
@ConfigMapping(prefix = "referral")
public interface AccountSettings {

    RefreshToken refreshToken();

    Login login();

    Auth auth();

    PasswordReset passwordReset();

    EmailVerification emailVerification();

    Email email();

    Admin admin();

    Mail mail();

    /** Refresh tokens. */
    interface RefreshToken {

        /** How long a refresh token lives; renewed on each rotation. */
        @WithDefault("P30D")
        Duration lifetime();
    }

    /** Brute-force lockout of the password grant (ADR 0004, "Lockout redesign"). */
    interface Login {

        /** Failed logins of one account from one client network (or one device) within {@link #window()} that lock it. */
        @WithDefault("5")
        int maxFailures();

        @WithDefault("PT15M")
        Duration window();

        /** How long the first lockout of an account and network (or device) lasts; each further one twice as long. */
        @WithDefault("PT1M")
        Duration firstLockout();

        /** The longest lockout of an account and network (or device). */
        @WithDefault("PT15M")
        Duration lockout();

        /**
         * Failed logins of one account from all networks together (trusted devices aside) within
         * {@link #accountWindow()} that lock it for every client without a device token, for {@link #accountWindow()}.
         */
        @WithDefault("50")
        int accountMaxFailures();

        @WithDefault("PT24H")
        Duration accountWindow();

        /** How long the device token handed out with a successful login is good for. */
        @WithDefault("P90D")
        Duration deviceLifetime();

        /** How often each instance deletes expired lockout state ({@code off} stops it on that instance). */
        @WithDefault("PT1H")
        String purgeInterval();
    }

    /** Access-token checks. */
    interface Auth {

        /** How long an instance remembers that a token's user exists. */
        @WithDefault("PT30S")
        Duration subjectCheckTtl();

        /** How long a login session lives at most, however often it is refreshed; then the user logs in again. */
        @WithDefault("P90D")
        Duration sessionMaxLifetime();

        /**
         * Without Redis: how often an instance takes the sessions revoked by other instances into its own deny-list
         * ({@code PT5S}, {@code 10s}; {@code off} for a single instance). With Redis the deny-list is shared and the
         * pull does not run.
         */
        @WithDefault("PT5S")
        String revocationPullInterval();
    }

    /** Password reset. */
    interface PasswordReset {

        /** How long a reset link works (once). */
        @WithDefault("PT30M")
        Duration lifetime();

        /** Reset mails an account gets within {@link #mailWindow()}, whatever the client address (contract: 3). */
        @WithDefault("3")
        int mailLimit();

        @WithDefault("PT1H")
        Duration mailWindow();
    }

    /** Email verification: the link mailed at registration and on request. */
    interface EmailVerification {

        /** How long a verification link works (once). */
        @WithDefault("P2D")
        Duration lifetime();

        /** The link is this followed by the token; point it at the page of your front end that confirms it. */
        @WithDefault("http://localhost:8080/verify-email?token=")
        String linkBase();

        /** Links a user may ask for within {@link #resendWindow()} (the one mailed at registration is free). */
        @WithDefault("3")
        int resendLimit();

        @WithDefault("PT1H")
        Duration resendWindow();
    }

    /** The email check at registration. */
    interface Email {

        /** Accept (true) or reject (false) addresses the email check could not judge. */
        @WithDefault("true")
        boolean failOpen();

        /** How long a final verdict (valid, invalid, disposable...) is cached. */
        @WithDefault("P7D")
        Duration finalVerdictTtl();

        /** How long an "unknown" verdict is cached. */
        @WithDefault("PT10M")
        Duration unknownVerdictTtl();
    }

    /** The admin created at start-up when no account has its email. */
    interface Admin {

        Optional<String> email();

        Optional<String> password();

        @WithDefault("admin")
        String username();
    }

    /** Mails with links (reset, verification); the SMTP server itself is {@code referral.mail.smtp-host}. */
    interface Mail {

        /** {@code true}: run without SMTP outside the embedded default; such mails are dropped, never logged. */
        @WithDefault("false")
        boolean disabled();
    }
}
