package org.openreferral.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.domain.model.user.Email;

class ResetLinkMailerTest {

    private static final Email JANE = new Email("jane.doe@example.com");
    private static final String TOKEN = "tok_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String LINK_BASE = "https://referrals.example/reset-password?token=";

    private final List<Mail> sent = new CopyOnWriteArrayList<>();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    // The package's logger: the mail channel writes the lines.
    private final Logger logger = Logger.getLogger(ResetLinkMailer.class.getPackageName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        logger.removeHandler(capture);
    }

    @Test
    void withAnSmtpHostTheLinkIsMailedToTheAccount() {
        mailer(Optional.of("smtp.example"), mail -> {
            sent.add(mail);
            return Uni.createFrom().voidItem();
        }).sendResetLink(JANE, TOKEN, Duration.ofMinutes(30));

        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.getTo()).containsExactly("jane.doe@example.com");
            assertThat(mail.getSubject()).isEqualTo(ResetLinkMailer.SUBJECT);
            assertThat(mail.getText()).contains(LINK_BASE + TOKEN).contains("30 minutes");
        });
    }

    @Test
    void withoutAnSmtpHostTheMailIsWrittenToTheLogInstead() {
        mailer(Optional.empty(), mail -> {
            sent.add(mail);
            return Uni.createFrom().voidItem();
        }).sendResetLink(JANE, TOKEN, Duration.ofMinutes(30));

        assertThat(sent).isEmpty();
        assertThat(logged).anySatisfy(line -> assertThat(line).contains(LINK_BASE + TOKEN).contains("j***@example.com")
                .doesNotContain("jane.doe"));
    }

    @Test
    void withMailDisabledTheLinkIsNeverLogged() {
        mailer(Optional.empty(), true, mail -> {
            sent.add(mail);
            return Uni.createFrom().voidItem();
        }).sendResetLink(JANE, TOKEN, Duration.ofMinutes(30));

        assertThat(sent).isEmpty();
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("not sent"));
        assertThat(logged).allSatisfy(line -> assertThat(line).doesNotContain(TOKEN).doesNotContain("example.com"));
    }

    @Test
    void aFailingMailServerIsLoggedWithoutAddressOrTokenAndNeverThrows() {
        mailer(Optional.of("smtp.example"), mail -> Uni.createFrom().failure(
                new IOException("550 mailbox jane.doe@example.com unavailable for " + TOKEN)))
                .sendResetLink(JANE, TOKEN, Duration.ofMinutes(30));

        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> logged.stream().anyMatch(line -> line.contains("could not be sent")));
        assertThat(logged).allSatisfy(line -> assertThat(line).doesNotContain("jane.doe").doesNotContain(TOKEN));
    }

    @Test
    void failedAttemptsAreRetriedThreeTimesThenGivenUp() {
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        mailer(Optional.of("smtp.example"), mail -> {
            attempts.add(attempts.size());
            return Uni.createFrom().failure(new IllegalStateException("got error response: eenMail SMTP ready"));
        }).sendResetLink(JANE, TOKEN, Duration.ofMinutes(30));

        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> logged.stream().anyMatch(line -> line.contains("could not be sent")));
        assertThat(attempts).as("the first attempt and three retries").hasSize(4);
    }

    @Test
    void aFailedAttemptIsRetriedOnAFreshConnection() {
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        mailer(Optional.of("smtp.example"), mail -> {
            attempts.add(attempts.size());
            return attempts.size() <= 2
                    ? Uni.createFrom().failure(new IllegalStateException("got error response: eenMail SMTP ready"))
                    : Uni.createFrom().voidItem();
        }).sendResetLink(JANE, TOKEN, Duration.ofMinutes(30));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> attempts.size() == 3);
        assertThat(logged).noneSatisfy(line -> assertThat(line).contains("could not be sent"));
    }

    @Test
    void aMailerThatThrowsRightAwayIsNoFailureOfTheRequest() {
        mailer(Optional.of("smtp.example"), mail -> {
            throw new IllegalStateException("mail client closed for jane.doe@example.com");
        }).sendResetLink(JANE, TOKEN, Duration.ofMinutes(30));

        assertThat(logged).allSatisfy(line -> assertThat(line).doesNotContain("jane.doe"));
    }

    private static ResetLinkMailer mailer(Optional<String> smtpHost, ReactiveMailerStub stub) {
        return mailer(smtpHost, false, stub);
    }

    private static ResetLinkMailer mailer(Optional<String> smtpHost, boolean mailDisabled, ReactiveMailerStub stub) {
        // Retries a millisecond apart: what is tested is how often, not how long the channel waits.
        return new ResetLinkMailer(new MailChannel(stub, smtpHost, "Open Referral <no-reply@referrals.example>",
                mailDisabled, Duration.ofMillis(1)), LINK_BASE);
    }

    /** A reactive mailer as a lambda: one mail at a time is all the adapter sends. */
    @FunctionalInterface
    interface ReactiveMailerStub extends ReactiveMailer {

        Uni<Void> sendOne(Mail mail);

        @Override
        default Uni<Void> send(Mail... mails) {
            return sendOne(mails[0]);
        }
    }
}
