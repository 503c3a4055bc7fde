package org.openreferral.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.SecurityEvent;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.LoginName;
import org.openreferral.domain.model.user.UserId;

class SecurityEventLoggerTest {

    private static final UserId JANE = new UserId(UUID.fromString("5f0c6a1e-2b7d-4c1a-9a55-0f3a2b1c4d5e"));

    @Test
    void anEventIsOneLineOfKeyValuePairsAfterItsType() {
        SessionId session = new SessionId(UUID.fromString("00000000-0000-4000-8000-000000000001"));

        assertThat(SecurityEventLogger.format(SecurityEvent.refreshTokenReused(JANE, session))).isEqualTo(
                "security-event event=refresh-token.reused user=" + JANE + " session=" + session
                        + " action=session-revoked");
    }

    @Test
    void valuesThatCouldBreakTheLineOrForgeAFieldAreQuoted() {
        String forged = SecurityEventLogger.format(SecurityEvent.accountLocked(Optional.empty(),
                new LoginName("\" user=x"), Duration.ofMinutes(15), "network"));
        String blank = SecurityEventLogger.format(SecurityEvent.accountLocked(Optional.empty(),
                new LoginName("=admin"), Duration.ofMinutes(15), "network"));

        assertThat(forged).isEqualTo("security-event event=account.locked login=\"\\\"***\" scope=network locked-for=PT15M");
        assertThat(blank).isEqualTo("security-event event=account.locked login=\"=***\" scope=network locked-for=PT15M");
    }
}
