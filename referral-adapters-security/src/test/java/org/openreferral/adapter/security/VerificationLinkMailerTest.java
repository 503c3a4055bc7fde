package org.openreferral.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.mailer.Mail;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openreferral.adapter.security.ResetLinkMailerTest.ReactiveMailerStub;
import org.openreferral.domain.model.user.Email;

class VerificationLinkMailerTest {

    private static final String LINK_BASE = "https://referrals.example/verify-email?token=";

    private final List<Mail> sent = new CopyOnWriteArrayList<>();
    private final ReactiveMailerStub smtp = mail -> {
        sent.add(mail);
        return Uni.createFrom().voidItem();
    };

    @Test
    void theLinkIsMailedToTheAccountThroughTheSameChannelAsResetMails() {
        new VerificationLinkMailer(
                new MailChannel(smtp, Optional.of("smtp.example"), "no-reply@referrals.example", false), LINK_BASE).sendVerificationLink(new Email("jane@example.com"), "tok_123", Duration.ofDays(2));

        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.getTo()).containsExactly("jane@example.com");
            assertThat(mail.getSubject()).isEqualTo(VerificationLinkMailer.SUBJECT);
            assertThat(mail.getText()).contains(LINK_BASE + "tok_123").contains("48 hours");
        });
    }
}
