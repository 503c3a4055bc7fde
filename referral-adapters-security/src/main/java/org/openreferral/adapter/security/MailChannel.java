package org.openreferral.adapter.security;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.openreferral.domain.model.user.Email;

/**
 * Adapter part: the one way account mails leave the service (password reset and email verification links, the
 * "your password was changed" notice). With {@code referral.mail.smtp-host} set, through the Quarkus mailer over SMTP,
 * in the background (the request never waits for the mail server, and a failure is logged without address or
 * token). Without it the mail is written to the log with a masked address, as the contract says, so that a developer
 * (or a test harness) can follow the link, unless {@code referral.mail.disabled} drops it unlogged (the link is a
 * credential; see ADR 0014).
 */
@ApplicationScoped
public class MailChannel {

    private static final Logger LOG = Logger.getLogger(MailChannel.class);
    // An attempt that neither succeeds nor fails within this time is given up.
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    // Why retry: now and then the Vert.x mail client misreads the server's greeting on a fresh connection (a
    // prefix of the "220 ..." line is lost, so it reports "got error response: ...ready" and quits, or waits for
    // the rest of a line that never comes), and a loaded or restarting mail server stalls. With keep-alive off every
    // attempt opens a fresh connection. Under load one retry was seen to stall as well (two of fifty mails lost), so
    // three, spaced out (1 s, 2 s, 4 s, at most 10 s): all within a minute. A duplicate link mail is harmless.
    private static final int RETRIES = 3;
    private static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(10);

    private final ReactiveMailer mailer;
    private final boolean smtp;
    private final boolean linksInLog;
    private final String from;
    private final Duration firstRetryDelay;

    @Inject
    public MailChannel(ReactiveMailer mailer,
                       @ConfigProperty(name = "referral.mail.smtp-host") Optional<String> smtpHost,
                       @ConfigProperty(name = "referral.mail.from",
                               defaultValue = "Open Referral <no-reply@openreferral.invalid>") String from,
                       @ConfigProperty(name = "referral.mail.disabled", defaultValue = "false")
                       boolean mailDisabled) {
        this(mailer, smtpHost, from, mailDisabled, FIRST_RETRY_DELAY);
    }

    MailChannel(ReactiveMailer mailer, Optional<String> smtpHost, String from, boolean mailDisabled,
                Duration firstRetryDelay) {
        this.firstRetryDelay = firstRetryDelay;
        this.mailer = mailer;
        this.smtp = smtpHost.filter(host -> !host.isBlank()).isPresent();
        this.linksInLog = !smtp && !mailDisabled;
        this.from = from;
        if (smtp) {
            LOG.infof("Mails with links (password reset, email verification): SMTP via %s", smtpHost.get());
        } else if (linksInLog) {
            LOG.info("Mails with links (password reset, email verification): written to the log"
                    + " (set REFERRAL_MAIL_SMTP_HOST to send them by SMTP)");
        } else {
            LOG.info("Mails with links (password reset, email verification): not sent (REFERRAL_MAIL_DISABLED=true)");
        }
    }

    /** Sends (or logs) one mail; {@code kind} names it in log lines, e.g. "Password reset mail". Never throws. */
    public void send(String kind, Email recipient, String subject, String body) {
        if (linksInLog) {
            LOG.infof("%s for %s (not sent: no SMTP server configured):%n%s", kind, recipient.masked(), body);
            return;
        }
        if (!smtp) {
            LOG.warnf("%s not sent: no SMTP server configured", kind);
            return;
        }
        try {
            Mail mail = Mail.withText(recipient.value(), subject, body).setFrom(from);
            Uni.createFrom().deferred(() -> mailer.send(mail))
                    .ifNoItem().after(ATTEMPT_TIMEOUT).fail()
                    .onFailure().retry().withBackOff(firstRetryDelay, MAX_RETRY_DELAY).atMost(RETRIES)
                    .subscribe().with(
                            sent -> LOG.debugf("%s handed to the SMTP server", kind),
                            error -> failed(kind, error));
        } catch (RuntimeException e) {
            failed(kind, e);
        }
    }

    // Neither the address nor the token may reach the log: the exception's message could hold either.
    private static void failed(String kind, Throwable error) {
        LOG.warnf("%s could not be sent (%s); the recipient can ask again", kind, error.getClass().getName());
    }
}
