package org.openreferral.adapter.security;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.openreferral.application.account.port.out.PasswordResetMailer;
import org.openreferral.domain.model.user.Email;

/**
 * Adapter: delivers password reset links. With {@code referral.mail.smtp-host} set, through the Quarkus
 * mailer over SMTP, in the background (the request never waits for the mail server, and a failure is
 * logged without address or token). Without it (the embedded default) the mail is written to the log, so
 * that a developer can follow the link.
 */
@ApplicationScoped
public class ResetLinkMailer implements PasswordResetMailer {

    static final String SUBJECT = "Reset your Open Referral password";

    private static final Logger LOG = Logger.getLogger(ResetLinkMailer.class);
    // A send that neither succeeds nor fails within this time is given up (and logged).
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    private final ReactiveMailer mailer;
    private final boolean smtp;
    private final String from;
    private final String linkBase;

    @Inject
    public ResetLinkMailer(ReactiveMailer mailer,
                           @ConfigProperty(name = "referral.mail.smtp-host") Optional<String> smtpHost,
                           @ConfigProperty(name = "referral.mail.from",
                                   defaultValue = "Open Referral <no-reply@openreferral.invalid>") String from,
                           @ConfigProperty(name = "referral.password-reset.link-base",
                                   defaultValue = "http://localhost:8080/reset-password?token=") String linkBase) {
        this.mailer = mailer;
        this.smtp = smtpHost.filter(host -> !host.isBlank()).isPresent();
        this.from = from;
        this.linkBase = linkBase;
        if (smtp) {
            LOG.infof("Password reset mails: SMTP via %s", smtpHost.get());
        } else {
            LOG.info("Password reset mails: written to the log (set REFERRAL_MAIL_SMTP_HOST to send them by SMTP)");
        }
    }

    @Override
    public void sendResetLink(Email recipient, String token, Duration validFor) {
        String body = body(linkBase + URLEncoder.encode(token, StandardCharsets.UTF_8), validFor);
        if (!smtp) {
            LOG.infof("Password reset mail for %s (not sent: no SMTP server configured):%n%s", recipient.masked(),
                    body);
            return;
        }
        try {
            mailer.send(Mail.withText(recipient.value(), SUBJECT, body).setFrom(from))
                    .ifNoItem().after(SEND_TIMEOUT).fail()
                    .subscribe().with(
                            sent -> LOG.debug("Password reset mail handed to the SMTP server"),
                            ResetLinkMailer::failed);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    // Neither the address nor the token may reach the log: the exception's message could hold either.
    private static void failed(Throwable error) {
        LOG.warnf("A password reset mail could not be sent (%s); the requester can ask again",
                error.getClass().getName());
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
