package org.openreferral.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreferral.domain.error.InvalidValueException;

class DisplayNameTest {

    @Test
    void isStrippedOfSurroundingWhitespace() {
        assertThat(new DisplayName("  Jane Doe ").value()).isEqualTo("Jane Doe");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void blankNameIsRefused(String name) {
        assertThatThrownBy(() -> new DisplayName(name))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.subject()).isEqualTo("display name"));
    }

    @Test
    void hundredCharactersAreAllowedAndHundredAndOneAreNot() {
        assertThat(new DisplayName("n".repeat(100)).value()).hasSize(100);
        assertThatThrownBy(() -> new DisplayName("n".repeat(101))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void lengthCountsCodePointsNotUtf16Units() {
        String hundredEmoji = "\uD83D\uDE00".repeat(100);

        assertThat(new DisplayName(hundredEmoji).value()).isEqualTo(hundredEmoji);
        assertThatThrownBy(() -> new DisplayName(hundredEmoji + "\uD83D\uDE00"))
                .isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jane\nDoe", "Jane\u0000Doe", "Jane\u007FDoe", "Jane\u009BDoe", "Jane\rDoe"})
    void controlCharactersAreRefused(String name) {
        assertThatThrownBy(() -> new DisplayName(name))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("control");
    }

    @Test
    void nonLatinNamesAreWelcome() {
        assertThat(new DisplayName("Zoë Ångström-Łukasz 山田").value()).isEqualTo("Zoë Ångström-Łukasz 山田");
    }
}
