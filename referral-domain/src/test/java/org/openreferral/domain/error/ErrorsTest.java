package org.openreferral.domain.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openreferral.domain.model.referral.CodeConflicts;
import org.openreferral.domain.model.user.AccountConflicts;

class ErrorsTest {

    @Test
    void everyNamedErrorCarriesItsDocumentedCode() {
        assertThat(AccountConflicts.emailTaken().code()).isEqualTo("email-taken");
        assertThat(AccountConflicts.usernameTaken().code()).isEqualTo("username-taken");
        assertThat(CodeConflicts.activeCodeExists().code()).isEqualTo("active-code-exists");
        assertThat(CodeConflicts.codeTaken().code()).isEqualTo("code-taken");
        assertThat(NotFoundException.user().code()).isEqualTo("user-not-found");
        assertThat(NotFoundException.referralCode().code()).isEqualTo("code-not-found");
        assertThat(new InvalidValueException("email address", "bad").code()).isEqualTo("validation-failed");
    }

    @Test
    void errorsCarryNoStackTrace() {
        assertThat(AccountConflicts.emailTaken().getStackTrace()).isEmpty();
    }
}
