package org.openreferral.adapter.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openreferral.application.account.port.out.PasswordResetMailer;
import org.openreferral.domain.model.user.Email;

/** Adapter: writes password reset mails and hands them to the {@link MailChannel} (SMTP or the log). */
@ApplicationScoped
public class ResetLinkMailer implements PasswordResetMailer {

    static final String SUBJECT = "Reset your Open Referral password";

    private final MailChannel channel;
    private final String linkBase;

    @Inject
    public ResetLinkMailer(MailChannel channel,
                           @ConfigProperty(name = "referral.password-reset.link-base",
                                   defaultValue = "http://localhost:8080/reset-password?token=") String linkBase) {
        this.channel = channel;
        this.linkBase = linkBase;
    }

    @Override
    public void sendResetLink(Email recipient, String token, Duration validFor) {
        channel.send("Password reset mail", recipient, SUBJECT,
                body(linkBase + URLEncoder.encode(token, StandardCharsets.UTF_8), validFor));
    }

    static String body(String link, Duration validFor) {
        long minutes = Math.max(1, validFor.toMinutes());
        return """
                Hello,

                somebody, hopefully you, asked to reset the password of your Open Referral account.
                Follow this link within %d minutes to choose a new password:

                %s

                The link works once. If you did not ask for this, ignore this mail: your password stays as it is.
                """.formatted(minutes, link);
    }
}
