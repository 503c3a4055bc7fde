package org.openreferral.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreferral.domain.error.InvalidValueException;

class PresentedPasswordTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", " ", "password", "short"})
    void passwordsThePolicyWouldRefuseCanStillBePresented(String text) {
        assertThat(new PresentedPassword(text).value()).isEqualTo(text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingPasswordIsRefused(String text) {
        assertThatThrownBy(() -> new PresentedPassword(text)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void atMost256Characters() {
        assertThat(new PresentedPassword("p".repeat(256)).value()).hasSize(256);
        assertThatThrownBy(() -> new PresentedPassword("p".repeat(257))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void neverShowsInLogs() {
        assertThat(new PresentedPassword("s3cret-pass").toString()).doesNotContain("s3cret-pass");
    }
}
