package org.openreferral.adapter.rest.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.error.NotFoundException;

class RequestParsingTest {

    @Test
    void absentPageAndSizeAreTheFirstPageOfFifty() {
        assertThat(RequestParsing.page(null, "")).isEqualTo(new PageRequest(1, 50));
    }

    @Test
    void pageAndSizeOutOfRangeAreReportedUnderTheirQueryNames() {
        assertInvalid("0", null, "page", "must be 1 or more");
        assertInvalid(null, "101", "size", "must be between 1 and 100");
        assertInvalid("1000001", null, "page", "must be at most 1000000");
        assertInvalid("x", "0", "page", "must be a whole number");
        assertInvalid("1", "1.5", "size", "must be a whole number");
    }

    @Test
    void ofTwoBadNumbersThePageIsReported() {
        assertInvalid("0", "0", "page", "must be 1 or more");
    }

    @Test
    void aPathSegmentThatCannotBeACodeNamesNone() {
        assertThatThrownBy(() -> RequestParsing.code("a!"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("code-not-found"));
    }

    @Test
    void aPathSegmentThatIsNoUuidNamesNoUser() {
        assertThatThrownBy(() -> RequestParsing.userId("me"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("user-not-found"));
    }

    private static void assertInvalid(String page, String size, String field, String message) {
        assertThatThrownBy(() -> RequestParsing.page(page, size))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }
}
