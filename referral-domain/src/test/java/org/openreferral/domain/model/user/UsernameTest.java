package org.openreferral.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreferral.domain.error.InvalidValueException;

class UsernameTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "John_Doe", "j.doe-99", "___", "A1.", "abcdefghijklmnopqrstuvwxyz012345"})
    void acceptsThreeToThirtyTwoLettersDigitsUnderscoresDotsOrDashes(String name) {
        assertThat(new Username(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "   ", "john doe", "john@doe", "jöhn", "john!", "jo\nhn"})
    void refusesAnythingElse(String name) {
        assertThatThrownBy(() -> new Username(name))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.subject()).isEqualTo("username"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesMissingUsername(String name) {
        assertThatThrownBy(() -> new Username(name)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void thirtyTwoCharactersAreAllowedButThirtyThreeAreTooMany() {
        assertThat(new Username("x".repeat(32)).value()).hasSize(32);
        assertThatThrownBy(() -> new Username("x".repeat(33))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void isShownAsTypedButComparedInLowerCase() {
        Username username = new Username("John.Doe");

        assertThat(username.value()).isEqualTo("John.Doe");
        assertThat(username.toString()).isEqualTo("John.Doe");
        assertThat(username.normalized()).isEqualTo("john.doe");
        assertThat(new Username("JOHN.DOE").normalized()).isEqualTo(username.normalized());
    }
}
