package org.openreferral.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreferral.domain.error.InvalidValueException;

class LoginNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"x", "no such shape!", "a@b", "Jane_Doe"})
    void anyTextIsALoginNameWhateverItsShape(String text) {
        assertThat(new LoginName(text).value()).isEqualTo(text);
    }

    @Test
    void surroundingBlanksAreDropped() {
        assertThat(new LoginName("  jane@example.com\t").value()).isEqualTo("jane@example.com");
    }

    @Test
    void normalizedIgnoresCase() {
        assertThat(new LoginName("Jane_Doe").normalized()).isEqualTo(new LoginName("jane_doe ").normalized());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void blankIsRefused(String text) {
        assertThatThrownBy(() -> new LoginName(text)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void atMost256CharactersCountingBlanks() {
        assertThat(new LoginName("j".repeat(256)).value()).hasSize(256);
        assertThatThrownBy(() -> new LoginName("j".repeat(257))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new LoginName(" " + "j".repeat(256))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void neverShowsInLogs() {
        assertThat(new LoginName("jane@example.com").toString()).doesNotContain("jane");
    }
}
