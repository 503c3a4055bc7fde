package org.openreferral.adapter.rest.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputTextTest {

    private final ObjectMapper json = strictJson();

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0001", "tab\there", "line\nbreak", "\r", "\u001f", "\u007f", "\u0080",
            "\u0085", "\u009f", "\ud800", "x\udc00", "\udc00\ud800", "end\ud83d"})
    void controlCharactersAndUnpairedSurrogatesAreRefused(String text) {
        assertThat(InputText.acceptable(text, false)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "Jürgen Ωmega", "\u00a0nbsp", "\ud83d\ude00 smile", "\u4e2d\u6587",
            "\ufffd", "%00"})
    void textIsAccepted(String text) {
        assertThat(InputText.acceptable(text, false)).isTrue();
    }

    @Test
    void multiLineTextMayHoldTabsAndLineBreaksButNoOtherControls() {
        assertThat(InputText.acceptable("one\r\n\ttwo\n", true)).isTrue();
        assertThat(InputText.acceptable("one\u0000", true)).isFalse();
        assertThat(InputText.acceptable("bell\u0007", true)).isFalse();
        assertThat(InputText.acceptable("\u0085", true)).isFalse();
    }

    @Test
    void aRefusedParameterIsAValidationErrorNamingIt() {
        assertThatThrownBy(() -> InputText.check("q", "%\u0000", false))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("q");
                    assertThat(e.code()).isEqualTo("validation-failed");
                });
    }

    @Test
    void jsonStringsAnywhereInABodyAreChecked() {
        assertThatThrownBy(() -> json.readValue("{\"name\":\"x\",\"tags\":[\"ok\",\"b\\u0000d\"]}", Body.class))
                .isInstanceOfSatisfying(InvalidTextException.class, e ->
                        assertThat(e.getPath()).extracting(ref -> ref.getFieldName() == null
                                ? "[" + ref.getIndex() + "]" : ref.getFieldName()).containsExactly("tags", "[1]"));
        assertThatThrownBy(() -> json.readValue("{\"name\":\"x\\ud800\"}", Body.class))
                .isInstanceOf(InvalidTextException.class);
    }

    @Test
    void aMultiLineJsonFieldMayHoldLineBreaks() throws Exception {
        assertThat(json.readValue("{\"name\":\"x\",\"note\":\"a\\r\\n\\tb\"}", Body.class).note())
                .isEqualTo("a\r\n\tb");
        assertThatThrownBy(() -> json.readValue("{\"name\":\"x\\n\"}", Body.class))
                .isInstanceOf(InvalidTextException.class);
    }

    @Test
    void whatTheServiceReadsOtherThanRequestBodiesIsNotChecked() throws Exception {
        // Stored event payloads, remote answers: the same mapper reads them, and a line break there is fine.
        assertThat(json.readValue("{\"reason\":\"a\\nb\"}", Map.class)).containsEntry("reason", "a\nb");
        assertThat(json.readValue("\"x\\u0000\"", String.class)).isEqualTo("x\u0000");
    }

    @Test
    void numbersAreStillNoStrings() {
        assertThatThrownBy(() -> json.readValue("{\"name\":12}", Body.class))
                .isNotInstanceOf(InvalidTextException.class)
                .hasMessageContaining("Cannot coerce");
    }

    private static ObjectMapper strictJson() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    record Body(String name, List<String> tags, @MultiLineText String note) {
    }
}
