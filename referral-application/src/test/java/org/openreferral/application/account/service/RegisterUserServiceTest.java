package org.openreferral.application.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreferral.application.account.port.in.RegisterUserUseCase.RegisterUserCommand;
import org.openreferral.application.account.port.in.UserView;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerdict.Status;
import org.openreferral.application.fakes.FakePasswordHasher;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.integration.port.out.OutboxEvent;
import org.openreferral.application.referral.port.out.ReferralCodeRepository.Lock;
import org.openreferral.domain.error.ConflictException;
import org.openreferral.domain.error.ReferralException;
import org.openreferral.domain.error.RuleViolationException;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.QualifyingCondition;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.RewardEntry;
import org.openreferral.domain.model.referral.RewardPolicy;
import org.openreferral.domain.model.referral.RewardReason;
import org.openreferral.domain.model.user.DisplayName;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.Password;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.Username;

class RegisterUserServiceTest {

    private static final String PASSWORD = "a long enough secret";

    private final Fixture fx = new Fixture();
    private final User john = fx.user("john", "john.doe@gmail.com");
    private RegisterUserService service = service(EmailScreening.Policy.defaults(), RewardPolicy.defaults());

    private RegisterUserService service(EmailScreening.Policy screeningPolicy, RewardPolicy rewards) {
        return new RegisterUserService(fx.users,
                fx.attribution(rewards, QualifyingCondition.REGISTRATION), fx.accountEvents, fx.hasher,
                new EmailScreening(fx.verifier, fx.verdictCache, screeningPolicy), fx.verificationLinks, fx.unitOfWork,
                fx.clock);
    }

    private static RegisterUserCommand command(String username, String email, String code) {
        return new RegisterUserCommand(new Username(username), new Email(email), new Password(PASSWORD), null,
                code == null ? null : new CodeValue(code), Optional.empty());
    }

    @Test
    void registersAPlainUser() {
        UserView view = service.register(new RegisterUserCommand(new Username("Jane_D"), new Email("Jane@Example.com"),
                new Password(PASSWORD), new DisplayName(" Jane Doe "), null, Optional.empty()));

        assertThat(view.username()).isEqualTo("Jane_D");
        assertThat(view.email()).isEqualTo("jane@example.com");
        assertThat(view.name()).isEqualTo("Jane Doe");
        assertThat(view.createdAt()).isEqualTo(Fixture.START);
        assertThat(view.referredBy()).isNull();
        assertThat(view.roles()).containsExactly("user");

        User stored = fx.users.storedByUsername("jane_d").orElseThrow();
        assertThat(stored.id().value()).isEqualTo(view.id());
        assertThat(stored.passwordHash()).isEqualTo(FakePasswordHasher.hashOf(PASSWORD));
        assertThat(stored.isAdmin()).isFalse();
        assertThat(stored.referredBy()).isEmpty();
        assertThat(fx.referrals.count()).isZero();
        assertThat(fx.ledger.stored()).isEmpty();
        assertThat(fx.unitOfWork.commits()).isEqualTo(1);
    }

    @Test
    void passwordIsStoredOnlyAsItsHash() {
        service.register(command("jane", "jane@example.com", null));

        assertThat(fx.hasher.hashCalls()).isEqualTo(1);
        assertThat(fx.users.storedByUsername("jane").orElseThrow().passwordHash().value()).isNotEqualTo(PASSWORD);
    }

    @Test
    void slowCallsHappenBeforeTheTransactionOpens() {
        service.register(command("jane", "jane@example.com", null));

        assertThat(fx.verifier.calls()).isEqualTo(1);
        assertThat(fx.verifier.calledInsideTransaction()).isFalse();
        assertThat(fx.hasher.calledInsideTransaction()).isFalse();
    }

    @Test
    void registeringWithACodeMakesTheNewUserAReferralOfItsOwner() {
        ReferralCode code = fx.code(john, "Summer-2026", Duration.ofDays(30));
        fx.clock.advance(Duration.ofHours(1));

        UserView view = service.register(command("jane", "jane@example.com", "SUMMER-2026"));

        assertThat(view.referredBy()).isEqualTo(new UserView.UserRef(john.id().value(), "john"));
        User jane = fx.users.storedByUsername("jane").orElseThrow();
        assertThat(jane.referredBy()).contains(john.id());
        assertThat(fx.referrals.stored()).singleElement().satisfies(referral -> {
            assertThat(referral.referrer()).isEqualTo(john.id());
            assertThat(referral.referee()).isEqualTo(jane.id());
            assertThat(referral.code()).isEqualTo(code.id());
            assertThat(referral.createdAt()).isEqualTo(Fixture.START.plus(Duration.ofHours(1)));
        });
        Referral referral = fx.referrals.stored().get(0);
        assertThat(fx.ledger.stored()).singleElement().satisfies(entry -> {
            assertThat(entry.user()).isEqualTo(john.id());
            assertThat(entry.points()).isEqualTo(10);
            assertThat(entry.reason()).isEqualTo(RewardReason.REFERRAL_REFERRER);
            assertThat(entry.referral()).isEqualTo(referral.id());
        });
        assertThat(fx.unitOfWork.commits()).isEqualTo(1);
    }

    @Test
    void theCodeIsShareLockedWhileTheReferralIsRecorded() {
        fx.code(john, "Summer-2026", Duration.ofDays(30));

        service.register(command("jane", "jane@example.com", "Summer-2026"));

        assertThat(fx.codes.locks()).as("read before the costly steps, then locked in the transaction")
                .containsExactly(Lock.NONE, Lock.SHARE);
    }

    @Test
    void refereePointsAreBookedWhenThePolicyGivesThem() {
        service = service(EmailScreening.Policy.defaults(), new RewardPolicy(10, 5));
        fx.code(john, "Summer-2026", Duration.ofDays(30));

        service.register(command("jane", "jane@example.com", "Summer-2026"));

        User jane = fx.users.storedByUsername("jane").orElseThrow();
        assertThat(fx.ledger.stored())
                .extracting(RewardEntry::user, RewardEntry::points)
                .containsExactlyInAnyOrder(
                        tuple(john.id(), 10),
                        tuple(jane.id(), 5));
    }

    @Test
    void unknownCodeIsRefusedAndNoAccountIsCreated() {
        assertRefusedWithNothingStored(command("jane", "jane@example.com", "NoSuchCode"),
                RuleViolationException.class, "code-not-found");
    }

    @Test
    void aCodeThatCannotReferCostsNeitherAnEmailCheckNorAHash() {
        fx.revokedCode(john, "Summer-2026", Duration.ofDays(30));
        fx.code(john, "Autumn-2026", Duration.ofDays(30));

        assertRefusedWithNothingStored(command("jane", "jane@example.com", "NoSuchCode"),
                RuleViolationException.class, "code-not-found");
        assertRefusedWithNothingStored(command("jane", "jane@example.com", "Summer-2026"),
                RuleViolationException.class, "code-revoked");
        assertRefusedWithNothingStored(command("john2", "john.doe+2@gmail.com", "Autumn-2026"),
                RuleViolationException.class, "self-referral");

        assertThat(fx.verifier.calls()).as("paid email checks").isZero();
        assertThat(fx.hasher.hashCalls()).as("password hashes").isZero();
    }

    @Test
    void revokedCodeIsRefusedAndNoAccountIsCreated() {
        fx.revokedCode(john, "Summer-2026", Duration.ofDays(30));

        assertRefusedWithNothingStored(command("jane", "jane@example.com", "Summer-2026"),
                RuleViolationException.class, "code-revoked");
    }

    @Test
    void codeThatExpiredSinceItWasCreatedIsRefusedAndNoAccountIsCreated() {
        fx.code(john, "Summer-2026", Duration.ofHours(1));
        fx.clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertRefusedWithNothingStored(command("jane", "jane@example.com", "Summer-2026"),
                RuleViolationException.class, "code-expired");
    }

    @Test
    void codeIsStillGoodUntilTheMomentItExpires() {
        fx.code(john, "Summer-2026", Duration.ofHours(1));
        fx.clock.advance(Duration.ofHours(1).minusMillis(1));

        service.register(command("jane", "jane@example.com", "Summer-2026"));

        assertThat(fx.referrals.count()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"johndoe@gmail.com", "John.Doe+again@googlemail.com", "j.o.h.n.d.o.e+x@gmail.com"})
    void referrerCannotRegisterAnotherAccountWithTheirOwnCode(String sameMailbox) {
        fx.code(john, "Summer-2026", Duration.ofDays(30));

        assertRefusedWithNothingStored(command("john2", sameMailbox, "Summer-2026"),
                RuleViolationException.class, "self-referral");
    }

    @Test
    void emailTakenInAnotherCaseIsAConflict() {
        assertRefusedWithNothingStored(command("jane", "JOHN.DOE@Gmail.com", null),
                ConflictException.class, "email-taken");
        assertThat(fx.verifier.calls()).isZero();
        assertThat(fx.hasher.hashCalls()).isZero();
    }

    @Test
    void usernameTakenInAnotherCaseIsAConflict() {
        assertRefusedWithNothingStored(command("JOHN", "other@example.com", null),
                ConflictException.class, "username-taken");
        assertThat(fx.hasher.hashCalls()).isZero();
    }

    @Test
    void accountTakenByAConcurrentRegistrationIsStillAConflict() {
        // Another request registers the same address while this one is verifying it.
        fx.verifier.duringNextCall(() -> fx.user("jane-first", "jane@example.com"));

        assertThatThrownBy(() -> service.register(command("jane", "Jane@Example.com", null)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("email-taken"));
        assertThat(fx.users.storedByUsername("jane")).isEmpty();
        assertThat(fx.users.count()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DISPOSABLE", "INVALID"})
    void emailThatTheVerifierRejectsIsRefusedAndNoAccountIsCreated(Status status) {
        fx.verifier.answer("jane@mailinator.com", EmailVerdict.of(status, "nope"));

        assertRefusedWithNothingStored(command("jane", "jane@mailinator.com", null),
                RuleViolationException.class, "email-rejected");
        assertThat(fx.hasher.hashCalls()).isZero();
    }

    @Test
    void finalVerdictIsRememberedSoTheVerifierIsNotAskedAgain() {
        fx.verifier.answer("jane@mailinator.com", EmailVerdict.of(Status.DISPOSABLE, "throwaway"));
        RegisterUserCommand command = command("jane", "jane@mailinator.com", null);

        assertThatThrownBy(() -> service.register(command)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> service.register(command))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("email-rejected"));

        assertThat(fx.verifier.calls()).isEqualTo(1);
    }

    @Test
    void failClosedPolicyRefusesAnAddressThatCouldNotBeVerified() {
        service = service(new EmailScreening.Policy(false, Duration.ofDays(7), Duration.ofMinutes(10)),
                RewardPolicy.defaults());
        fx.verifier.answer("jane@example.com", EmailVerdict.failure("verifier timed out"));
        fx.verifier.answer("joe@example.com", EmailVerdict.of(Status.UNKNOWN, "no answer from the mail server"));

        assertRefusedWithNothingStored(command("jane", "jane@example.com", null),
                RuleViolationException.class, "email-rejected");
        assertRefusedWithNothingStored(command("joe", "joe@example.com", null),
                RuleViolationException.class, "email-rejected");
    }

    @Test
    void failOpenPolicyAcceptsAnAddressThatCouldNotBeVerified() {
        service = service(new EmailScreening.Policy(true, Duration.ofDays(7), Duration.ofMinutes(10)),
                RewardPolicy.defaults());
        fx.verifier.answer("jane@example.com", EmailVerdict.failure("verifier timed out"));
        fx.verifier.answer("joe@example.com", EmailVerdict.of(Status.UNKNOWN, "no answer from the mail server"));

        service.register(command("jane", "jane@example.com", null));
        service.register(command("joe", "joe@example.com", null));

        assertThat(fx.users.storedByUsername("jane")).isPresent();
        assertThat(fx.users.storedByUsername("joe")).isPresent();
    }

    @Test
    void whenBookingTheRewardFailsNothingOfTheRegistrationRemains() {
        fx.code(john, "Summer-2026", Duration.ofDays(30));
        fx.ledger.failNextAppend(new IllegalStateException("database went away"));

        assertThatThrownBy(() -> service.register(command("jane", "jane@example.com", "Summer-2026")))
                .hasMessage("database went away");

        assertThat(fx.users.storedByUsername("jane")).isEmpty();
        assertThat(fx.referrals.count()).isZero();
        assertThat(fx.ledger.stored()).isEmpty();
        assertThat(fx.unitOfWork.rollbacks()).isEqualTo(1);
    }

    @Test
    void aUserIsReferredAtMostOnce() {
        fx.code(john, "Summer-2026", Duration.ofDays(30));

        service.register(command("jane", "jane@example.com", "Summer-2026"));

        assertThatThrownBy(() -> service.register(command("jane", "jane@example.com", "Summer-2026")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("email-taken"));
        assertThat(fx.referrals.count()).isEqualTo(1);
        assertThat(fx.ledger.stored()).hasSize(1);
    }

    private void assertRefusedWithNothingStored(RegisterUserCommand command, Class<? extends RuntimeException> type,
                                                String code) {
        int users = fx.users.count();
        int referrals = fx.referrals.count();
        int ledger = fx.ledger.stored().size();

        assertThatThrownBy(() -> service.register(command))
                .isInstanceOf(type)
                .satisfies(e -> assertThat(((ReferralException) e).code())
                        .isEqualTo(code));

        assertThat(fx.users.count()).isEqualTo(users);
        assertThat(fx.referrals.count()).isEqualTo(referrals);
        assertThat(fx.ledger.stored()).hasSize(ledger);
    }

    @Test
    void aNewAccountIsUnverifiedAndGetsAVerificationLinkMailedAfterCommit() {
        UserView view = service.register(command("jane", "jane@example.com", null));

        assertThat(view.emailVerified()).isFalse();
        User jane = fx.users.storedByUsername("jane").orElseThrow();
        assertThat(fx.verificationTokens.of(jane.id())).singleElement().satisfies(token -> {
            assertThat(token.createdAt()).isEqualTo(Fixture.START);
            assertThat(token.expiresAt()).isEqualTo(Fixture.START.plus(Fixture.VERIFICATION_LIFETIME));
        });
        assertThat(fx.verificationMailer.sent()).singleElement().satisfies(sent -> {
            assertThat(sent.recipient()).isEqualTo(new Email("jane@example.com"));
            assertThat(fx.secrets.digestOf(sent.token())).isEqualTo(fx.verificationTokens.of(jane.id()).get(0).digest());
        });
        assertThat(fx.verificationMailer.calledInsideTransaction()).isFalse();
    }

    @Test
    void aFailedRegistrationStoresNoVerificationTokenAndMailsNothing() {
        assertThatThrownBy(() -> service.register(command("jane", "jane@example.com", "NOSUCHCODE")))
                .isInstanceOf(RuleViolationException.class);

        assertThat(fx.verificationMailer.sent()).isEmpty();
        assertThat(fx.users.storedByUsername("jane")).isEmpty();
    }

    @Test
    void aRegistrationAppendsUserRegisteredWithTheUsernameAndNeverTheEmail() {
        fx.code(john, "Summer-2026", Duration.ofDays(30));

        UserView view = service.register(command("jane", "jane@example.com", "Summer-2026"));

        List<OutboxEvent> registered = fx.events.appended(EventType.USER_REGISTERED);
        assertThat(registered).hasSize(1);
        assertThat(registered.get(0).createdAt()).isEqualTo(fx.clock.instant());
        assertThat(registered.get(0).data()).containsEntry("userId", view.id().toString())
                .containsEntry("username", "jane").containsEntry("referrerId", john.id().value().toString());
        assertThat(fx.events.appended()).extracting(OutboxEvent::type).containsExactly(EventType.USER_REGISTERED,
                EventType.REFERRAL_CREATED, EventType.REFERRAL_QUALIFIED, EventType.REFERRAL_REWARDED);
        assertThat(fx.events.appended()).allSatisfy(event -> assertThat(event.data().toString()).doesNotContain("@"));
    }

    @Test
    void aRegistrationThatFailsAfterItsEventWasAppendedLeavesNoEvent() {
        fx.code(john, "Summer-2026", Duration.ofDays(30));
        fx.ledger.failNextAppend(new IllegalStateException("database went away"));

        assertThatThrownBy(() -> service.register(command("jane", "jane@example.com", "Summer-2026")))
                .hasMessage("database went away");

        assertThat(fx.events.appended()).isEmpty();
    }
}
