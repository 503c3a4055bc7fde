package org.openreferral.domain.model.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreferral.domain.error.InvalidValueException;

class CodeValueTest {

    @ParameterizedTest
    @ValueSource(strings = {"abcd", "ABCD", "Summer_2026-x", "0000", "abcdefghijklmnopqrstuvwxyz-_0123"})
    void acceptsFourToThirtyTwoLettersDigitsUnderscoresOrDashes(String code) {
        assertThat(new CodeValue(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "abcdefghijklmnopqrstuvwxyz-_01234", "with space", "dot.ted", "ümlaut",
            "slash/es", "a+bc", "    "})
    void refusesAnythingElse(String code) {
        assertThatThrownBy(() -> new CodeValue(code))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.subject()).isEqualTo("referral code"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesMissingCode(String code) {
        assertThatThrownBy(() -> new CodeValue(code)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void codesMatchWhateverTheirCase() {
        CodeValue typed = new CodeValue("Summer-2026");

        assertThat(typed.normalized()).isEqualTo("summer-2026");
        assertThat(typed.sameAs(new CodeValue("SUMMER-2026"))).isTrue();
        assertThat(typed.sameAs(new CodeValue("summer-2026"))).isTrue();
        assertThat(typed.sameAs(new CodeValue("summer-2027"))).isFalse();
    }

    @Test
    void keepsTheCaseItWasTypedIn() {
        assertThat(new CodeValue("Summer-2026").toString()).isEqualTo("Summer-2026");
    }

    @Test
    void generatedAlphabetHasNoLookAlikes() {
        assertThat(CodeValue.GENERATED_ALPHABET).doesNotContain("0", "O", "1", "I", "L", "o", "i", "l");
        assertThat(CodeValue.GENERATED_ALPHABET.chars().distinct().count())
                .isEqualTo(CodeValue.GENERATED_ALPHABET.length());
    }

    @Test
    void generatedCodesAreTenCharactersWithoutLookAlikes() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 1_000; i++) {
            String code = CodeValue.generate(random).value();

            assertThat(code).hasSize(10).matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}");
        }
    }

    @Test
    void generatedCodesAreDistinct() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(CodeValue.generate(random).normalized());
        }

        assertThat(seen).hasSize(10_000);
    }

    @Test
    void generatedCodesUseTheWholeAlphabet() {
        SecureRandom random = new SecureRandom();
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            CodeValue.generate(random).value().chars().forEach(c -> used.add((char) c));
        }

        assertThat(used).hasSize(CodeValue.GENERATED_ALPHABET.length());
    }
}
