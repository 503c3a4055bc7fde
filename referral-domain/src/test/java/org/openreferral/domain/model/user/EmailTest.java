package org.openreferral.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreferral.domain.error.InvalidValueException;

class EmailTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "john@example.com",
            "john.doe@example.com",
            "john+tag@example.com",
            "j@example.co",
            "first_last-x@sub.domain.example.org",
            "o'brien@example.ie",
            "user@xn--bcher-kva.example",
            "user@example.xn--p1ai",
            "123@456.example.com",
    })
    void acceptsWellFormedAddresses(String address) {
        assertThat(Email.isValid(address)).isTrue();
        assertThat(new Email(address).value()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "plainaddress",
            "@example.com",
            "john@",
            "john@@example.com",
            "john@doe@example.com",
            "john@localhost",
            ".john@example.com",
            "john.@example.com",
            "jo..hn@example.com",
            "john doe@example.com",
            "john@exa mple.com",
            "john@-example.com",
            "john@example-.com",
            "john@example..com",
            "john@example.c",
            "john@example.123",
            "john@example.com.",
            "\"john\"@example.com",
            "john@[192.168.0.1]",
    })
    void refusesMalformedAddresses(String address) {
        assertThat(Email.isValid(address)).isFalse();
        assertThatThrownBy(() -> new Email(address))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.subject()).isEqualTo("email address");
                    assertThat(e.code()).isEqualTo("validation-failed");
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void refusesBlankAddresses(String address) {
        assertThat(Email.isValid(address)).isFalse();
        assertThatThrownBy(() -> new Email(address)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void localPartIsAtMost64Characters() {
        assertThat(Email.isValid("a".repeat(64) + "@example.com")).isTrue();
        assertThat(Email.isValid("a".repeat(65) + "@example.com")).isFalse();
    }

    @Test
    void addressIsAtMost254Characters() {
        String address254 = addressOfLength(254);
        String address255 = addressOfLength(255);
        assertThat(address254).hasSize(254);
        assertThat(address255).hasSize(255);

        assertThat(new Email(address254).value()).isEqualTo(address254);
        assertThat(Email.isValid(address255)).isFalse();
        assertThatThrownBy(() -> new Email(address255))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("254");
    }

    /** 64-character local part and a domain of labels no longer than 63, padded to the wanted total. */
    private static String addressOfLength(int length) {
        String local = "l".repeat(64);
        int lastLabel = length - 64 - 1 - (63 + 1) - (63 + 1) - ".com".length();
        return local + "@" + "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(lastLabel) + ".com";
    }

    @Test
    void emailIdentityIsCaseInsensitive() {
        Email mixed = new Email("John.Doe@Example.COM");

        assertThat(mixed.value()).isEqualTo("john.doe@example.com");
        assertThat(mixed).isEqualTo(new Email("john.doe@example.com"));
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(new Email("  john@example.com \t").value()).isEqualTo("john@example.com");
    }

    @Test
    void exposesLocalPartAndDomain() {
        Email email = new Email("john.doe+x@Example.com");

        assertThat(email.localPart()).isEqualTo("john.doe+x");
        assertThat(email.domain()).isEqualTo("example.com");
    }

    @Test
    void canonicalFormDropsThePlusTag() {
        assertThat(new Email("John+Promo@Example.com").canonical()).isEqualTo("john@example.com");
        assertThat(new Email("john+a+b@example.com").canonical()).isEqualTo("john@example.com");
    }

    @Test
    void canonicalFormKeepsDotsOutsideGmail() {
        assertThat(new Email("john.doe@example.com").canonical()).isEqualTo("john.doe@example.com");
        assertThat(new Email("john.doe+x@outlook.com").canonical()).isEqualTo("john.doe@outlook.com");
    }

    @Test
    void canonicalGmailAddressHasNoDotsAndNoTag() {
        assertThat(new Email("J.o.h.n.Doe+news@Gmail.com").canonical()).isEqualTo("johndoe@gmail.com");
    }

    @Test
    void googlemailIsTheSameMailboxAsGmail() {
        assertThat(new Email("john.doe@googlemail.com").canonical())
                .isEqualTo(new Email("johndoe@gmail.com").canonical())
                .isEqualTo("johndoe@gmail.com");
    }

    @Test
    void maskedFormShowsOnlyTheFirstCharacterAndTheDomain() {
        assertThat(new Email("john@example.com").masked()).isEqualTo("j***@example.com");
        assertThat(new Email("x@example.com").masked()).isEqualTo("x***@example.com");
        assertThat(new Email("Jane.Doe@Mail.Example.org").masked()).isEqualTo("j***@mail.example.org");
    }

    @Test
    void toStringNeverRevealsTheWholeAddress() {
        assertThat(new Email("john@example.com").toString())
                .isEqualTo("j***@example.com")
                .doesNotContain("john");
    }
}
