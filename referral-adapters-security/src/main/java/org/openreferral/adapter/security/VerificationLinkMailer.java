package org.openreferral.adapter.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.openreferral.application.account.port.out.EmailVerificationMailer;
import org.openreferral.domain.model.user.Email;

/**
 * Adapter: writes email verification mails and hands them to the {@link MailChannel} (SMTP or the log). Built by the
 * bootstrap wiring with the configured link base.
 */
public class VerificationLinkMailer implements EmailVerificationMailer {

    static final String SUBJECT = "Confirm your email address for Open Referral";

    private final MailChannel channel;
    private final String linkBase;

    public VerificationLinkMailer(MailChannel channel, String linkBase) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.linkBase = Objects.requireNonNull(linkBase, "linkBase");
    }

    @Override
    public void sendVerificationLink(Email recipient, String token, Duration validFor) {
        channel.send("Email verification mail", recipient, SUBJECT,
                body(linkBase + URLEncoder.encode(token, StandardCharsets.UTF_8), validFor));
    }

    static String body(String link, Duration validFor) {
        long hours = Math.max(1, validFor.toHours());
        return """
                Hello,

                please confirm that this is your address for your Open Referral account.
                Follow this link within %d hours:

                %s

                The link works once. If you did not create an account, ignore this mail.
                """.formatted(hours, link);
    }
}
