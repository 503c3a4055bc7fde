package org.openreferral.adapter.emailcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerdict.Status;
import org.openreferral.domain.model.user.Email;

class OfflineEmailVerifierTest {

    private static final OfflineEmailVerifier SHIPPED = new OfflineEmailVerifier(DisposableDomains.shipped());

    @Test
    void ordinaryAddressIsValid() {
        EmailVerdict verdict = SHIPPED.verify(new Email("jane.doe@example.com"));

        assertThat(verdict).isEqualTo(EmailVerdict.of(Status.VALID, "checked offline"));
    }

    @Test
    void bigWebmailProvidersAreNotDisposable() {
        assertThat(SHIPPED.verify(new Email("jane@gmail.com")).status()).isEqualTo(Status.VALID);
        assertThat(SHIPPED.verify(new Email("jane@outlook.com")).status()).isEqualTo(Status.VALID);
    }

    @Test
    void knownDisposableDomainIsDisposable() {
        EmailVerdict verdict = SHIPPED.verify(new Email("someone@mailinator.com"));

        assertThat(verdict.status()).isEqualTo(Status.DISPOSABLE);
        assertThat(verdict.failed()).isFalse();
    }

    @Test
    void matchingIgnoresCase() {
        assertThat(SHIPPED.verify(new Email("Someone@MailInator.COM")).status()).isEqualTo(Status.DISPOSABLE);
        assertThat(DisposableDomains.shipped().contains("YOPMAIL.com")).isTrue();
    }

    @Test
    void subdomainOfADisposableDomainIsDisposable() {
        assertThat(SHIPPED.verify(new Email("someone@mail.mailinator.com")).status()).isEqualTo(Status.DISPOSABLE);
        assertThat(SHIPPED.verify(new Email("someone@a.b.guerrillamail.com")).status()).isEqualTo(Status.DISPOSABLE);
    }

    @Test
    void domainThatMerelyEndsLikeADisposableOneIsNot() {
        assertThat(SHIPPED.verify(new Email("someone@antimailinator.com")).status()).isEqualTo(Status.VALID);
    }

    @Test
    void shippedListIsTheRealOne() {
        assertThat(DisposableDomains.shipped().size()).isGreaterThan(1_000);
    }

    @Test
    void customFileReplacesTheShippedList(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("domains.txt");
        Files.writeString(file, """
                # our own list
                Throwaway.Example

                *.burner.test
                """);
        OfflineEmailVerifier verifier = new OfflineEmailVerifier(DisposableDomains.fromFile(file));

        assertThat(verifier.verify(new Email("a@throwaway.example")).status()).isEqualTo(Status.DISPOSABLE);
        assertThat(verifier.verify(new Email("a@x.burner.test")).status()).isEqualTo(Status.DISPOSABLE);
        assertThat(verifier.verify(new Email("a@mailinator.com")).status()).isEqualTo(Status.VALID);
    }

    @Test
    void missingCustomFileIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> DisposableDomains.fromFile(dir.resolve("absent.txt")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("absent.txt");
    }

    @Test
    void domainSyntaxIsCheckedAgain() {
        assertThat(OfflineEmailVerifier.isMailDomain("example.com")).isTrue();
        assertThat(OfflineEmailVerifier.isMailDomain("xn--bcher-kva.example")).isTrue();
        assertThat(OfflineEmailVerifier.isMailDomain("localhost")).isFalse();
        assertThat(OfflineEmailVerifier.isMailDomain("-bad.example.com")).isFalse();
        assertThat(OfflineEmailVerifier.isMailDomain("example..com")).isFalse();
        assertThat(OfflineEmailVerifier.isMailDomain("example.123")).isFalse();
    }
}
