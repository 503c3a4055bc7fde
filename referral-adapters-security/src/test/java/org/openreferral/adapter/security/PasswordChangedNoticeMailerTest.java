package org.openreferral.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.mailer.Mail;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openreferral.adapter.security.ResetLinkMailerTest.ReactiveMailerStub;
import org.openreferral.domain.model.user.Email;

class PasswordChangedNoticeMailerTest {

    private final List<Mail> sent = new CopyOnWriteArrayList<>();

    @Test
    void theOwnerIsToldWhenThePasswordChangedWithoutALinkToFollow() {
        ReactiveMailerStub stub = mail -> {
            sent.add(mail);
            return Uni.createFrom().voidItem();
        };
        new PasswordChangedNoticeMailer(new MailChannel(stub, Optional.of("smtp.example"),
                "Open Referral <no-reply@referrals.example>", false))
                .sendPasswordChangedNotice(new Email("jane.doe@example.com"), Instant.parse("2026-03-01T10:15:30Z"));

        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.getTo()).containsExactly("jane.doe@example.com");
            assertThat(mail.getSubject()).isEqualTo(PasswordChangedNoticeMailer.SUBJECT);
            assertThat(mail.getText()).contains("was changed on 2026-03-01 10:15 UTC").doesNotContain("http");
        });
    }
}
