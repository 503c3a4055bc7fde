package org.openreferral.adapter.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.openreferral.application.account.port.out.PasswordChangedMailer;
import org.openreferral.domain.model.user.Email;

/**
 * Adapter: writes the "your password was changed" mail and hands it to the {@link MailChannel} (SMTP or the log), the
 * channel of the reset and verification mails. It holds no link: a mail that says "your password changed" and asks
 * for a click is what phishing looks like.
 */
@ApplicationScoped
public class PasswordChangedNoticeMailer implements PasswordChangedMailer {

    static final String SUBJECT = "Your Open Referral password was changed";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final MailChannel channel;

    @Inject
    public PasswordChangedNoticeMailer(MailChannel channel) {
        this.channel = channel;
    }

    @Override
    public void sendPasswordChangedNotice(Email recipient, Instant changedAt) {
        channel.send("Password changed mail", recipient, SUBJECT, body(changedAt));
    }

    static String body(Instant changedAt) {
        return """
                Hello,

                the password of your Open Referral account was changed on %s, with a password reset link,
                and every session of the account was logged out.

                If that was you, there is nothing more to do.
                If it was not you, ask for a password reset on the login page at once, and tell us: somebody
                may have access to your mailbox.
                """.formatted(WHEN.format(changedAt));
    }
}
