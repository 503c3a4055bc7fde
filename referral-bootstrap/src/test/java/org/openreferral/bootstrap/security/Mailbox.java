package org.openreferral.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** What GreenMail received, per recipient, and the token of the link in a mail. */
final class Mailbox {

    /**
     * How long a mail may take. Usually well under a second; the mail client now and then misreads GreenMail's greeting
     * on a fresh connection (see {@code MailChannel}): that attempt fails at once or after its 20 s timeout, and the
     * retry delivers.
     */
    static final Duration MAIL_DELIVERY = Duration.ofSeconds(60);

    private Mailbox() {
    }

    /** Every mail to the address, oldest first. */
    static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(GreenMailResource.server().getReceivedMessages())
                .filter(mail -> {
                    try {
                        return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                                .anyMatch(to -> to.toString().equalsIgnoreCase(email));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    /** Mails to the address with this subject, oldest first. */
    static List<MimeMessage> mailsTo(String email, String subject) {
        return mailsTo(email).stream().filter(mail -> subject.equals(subjectOf(mail))).toList();
    }

    /** Waits until the address has {@code count} mails with this subject and returns the token of the last one's link. */
    static String awaitToken(String email, String subject, int count, Pattern link) {
        Awaitility.await().atMost(MAIL_DELIVERY).until(() -> mailsTo(email, subject).size() >= count);
        List<MimeMessage> mails = mailsTo(email, subject);
        return tokenIn(mails.get(mails.size() - 1), link);
    }

    /** The first group of {@code link} in the mail's body (quoted-printable soft breaks undone). */
    static String tokenIn(MimeMessage mail, Pattern link) {
        Matcher matcher = link.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", ""));
        assertThat(matcher.find()).as("the mail holds the link").isTrue();
        return matcher.group(1);
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
