package org.openreferral.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreferral.domain.error.InvalidValueException;

class PasswordTest {

    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void sevenCharactersAreTooFew() {
        assertRefused("zq8!kT2");
    }

    @Test
    void eightCharactersAreEnough() {
        assertAccepted("zq8!kT2m");
    }

    @Test
    void hundredTwentyEightCharactersAreAllowed() {
        assertAccepted("zq8!kT2m".repeat(16));
    }

    @Test
    void hundredTwentyNineCharactersAreTooMany() {
        assertRefused("zq8!kT2m".repeat(16) + "x");
    }

    @Test
    void noCompositionRulesApply() {
        assertAccepted("correct horse battery staple");
        assertAccepted("alllowercaseletters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "PASSWORD", "PassWord", "password1", "PASSWORD1", "12345678", "iloveyou",
            "IloveYou"})
    void commonPasswordsAreRefusedWhateverTheirCase(String common) {
        assertThatThrownBy(() -> new Password(common))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("common");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password123", "Password2024", "iloveyou99", "SUNSHINE1234", "qwerty123456"})
    void aCommonPasswordWithDigitsAppendedIsStillCommon(String common) {
        assertThatThrownBy(() -> new Password(common))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("common");
    }

    @ParameterizedTest
    @ValueSource(strings = {"melnikova", "formatters", "infotech", "connecte"})
    void theListReachesFarBeyondTheTopFewHundred(String common) {
        // Entries ranked beyond 25,000th in the shipped list (zxcvbn's).
        assertRefused(common);
    }

    @Test
    void digitsAloneOrAfterAnUncommonWordAreJudgedAsWritten() {
        assertAccepted("correct horse battery staple 42");
        assertAccepted("alllowercaseletters2024");
        assertRefused("123456789");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingPasswordIsRefused(String password) {
        assertRefused(password);
    }

    @Test
    void lengthCountsCodePointsNotUtf16Units() {
        // Seven emoji are fourteen UTF-16 units but seven characters: too short.
        assertRefused(EMOJI.repeat(7));
        assertAccepted(EMOJI.repeat(8));
        // 128 emoji are 256 UTF-16 units but 128 characters: allowed.
        assertAccepted(EMOJI.repeat(128));
        assertRefused(EMOJI.repeat(129));
    }

    @Test
    void neverShowsInLogs() {
        assertThat(new Password("s3cret passphrase")).hasToString("Password[redacted]");
    }

    private void assertAccepted(String password) {
        assertThatCode(() -> new Password(password)).doesNotThrowAnyException();
    }

    private void assertRefused(String password) {
        assertThatThrownBy(() -> new Password(password))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.subject()).isEqualTo("password"));
    }
}
