package org.openreferral.adapter.rest.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openreferral.domain.error.InvalidValueException;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.Email;

class FieldsTest {

    @Test
    void aRefusedValueIsReportedUnderTheFieldItCameFromWithTheModelsMessage() {
        assertThatThrownBy(() -> Fields.parse("referralCode", CodeValue::new, "no spaces"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("referralCode");
                    assertThat(e.code()).isEqualTo("validation-failed");
                    assertThat(e.getMessage()).isEqualTo(
                            catchMessage(() -> new CodeValue("no spaces")));
                });
    }

    @Test
    void anAcceptedValueIsTheModelsValue() {
        assertThat(Fields.parse("email", Email::new, "Jane@Example.com")).isEqualTo(new Email("jane@example.com"));
    }

    @Test
    void anOptionalFieldLeftOutIsNoValueButAnEmptyOneIsChecked() {
        assertThat(Fields.parseOptional("code", CodeValue::new, null)).isNull();
        assertThatThrownBy(() -> Fields.parseOptional("code", CodeValue::new, ""))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("code"));
    }

    @Test
    void aRuleOnlyTheModelChecksIsReportedUnderTheFieldNamedForItsSubject() {
        assertThatThrownBy(() -> Fields.reporting(Map.of(ReferralCode.EXPIRY, "expiresAt"), () -> {
            throw new InvalidValueException(ReferralCode.EXPIRY, "must lie in the future");
        })).isInstanceOfSatisfying(InvalidFieldException.class, e -> {
            assertThat(e.field()).isEqualTo("expiresAt");
            assertThat(e.getMessage()).isEqualTo("must lie in the future");
        });
    }

    @Test
    void aSubjectNoFieldIsNamedForPassesThroughUnchanged() {
        InvalidValueException other = new InvalidValueException("referral code", "must not be blank");

        assertThatThrownBy(() -> Fields.reporting(Map.of(ReferralCode.EXPIRY, "expiresAt"), () -> {
            throw other;
        })).isSameAs(other);
    }

    private static String catchMessage(Runnable refused) {
        try {
            refused.run();
        } catch (InvalidValueException e) {
            return e.getMessage();
        }
        throw new AssertionError("not refused");
    }
}
