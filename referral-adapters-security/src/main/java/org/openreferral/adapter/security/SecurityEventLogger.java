package org.openreferral.adapter.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;
import org.openreferral.application.account.port.out.SecurityEvent;
import org.openreferral.application.account.port.out.SecurityEventLog;

/**
 * Adapter: writes security events as single-line {@code key=value} entries (logfmt) to the log category
 * {@value #CATEGORY}, so that operators can route, keep and alert on them apart from the rest of the log. Lockouts
 * and refresh-token reuse are WARN, the rest INFO. The request id travels in the MDC, as on every line of a request.
 */
@ApplicationScoped
public class SecurityEventLogger implements SecurityEventLog {

    public static final String CATEGORY = "org.openreferral.security";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    @Override
    public void record(SecurityEvent event) {
        Logger.Level level = switch (event.type()) {
            case ACCOUNT_LOCKED, REFRESH_TOKEN_REUSED -> Logger.Level.WARN;
            default -> Logger.Level.INFO;
        };
        LOG.log(level, format(event));
    }

    /** {@code security-event event=<type> key=value ...}; a value with blanks, quotes or {@code =} is quoted. */
    static String format(SecurityEvent event) {
        StringBuilder line = new StringBuilder("security-event event=").append(event.type().slug());
        for (Map.Entry<String, String> field : event.fields().entrySet()) {
            line.append(' ').append(field.getKey()).append('=').append(value(field.getValue()));
        }
        return line.toString();
    }

    private static String value(String value) {
        boolean plain = !value.isEmpty() && value.chars()
                .allMatch(c -> c > ' ' && c != '"' && c != '=' && c != '\\' && c < 0x7f);
        if (plain) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\').appendCodePoint(c);
            } else if (c < ' ' || c == 0x7f) {
                quoted.append(String.format("\\u%04x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append('"').toString();
    }
}
