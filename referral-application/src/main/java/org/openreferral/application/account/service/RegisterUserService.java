package org.openreferral.application.account.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.openreferral.application.account.port.in.RegisterUserUseCase;
import org.openreferral.application.account.port.in.UserView;
import org.openreferral.application.account.port.out.PasswordHasher;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.referral.port.out.ReferralCodeRepository.Lock;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.referral.port.out.RewardLedger;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.error.InvalidValueException;
import org.openreferral.domain.error.RuleViolationException;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.RewardPolicy;
import org.openreferral.domain.model.user.AccountConflicts;
import org.openreferral.domain.model.user.DisplayName;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.PasswordHash;
import org.openreferral.domain.model.user.PasswordPolicy;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

/**
 * Registers a user. Validation, the email check and password hashing happen first; then one transaction
 * creates the user and, with a referral code, the referral and its rewards, or nothing at all.
 */
public final class RegisterUserService implements RegisterUserUseCase {

    private final UserRepository users;
    private final ReferralCodeRepository codes;
    private final ReferralRepository referrals;
    private final RewardLedger ledger;
    private final PasswordHasher hasher;
    private final EmailScreening emailScreening;
    private final UnitOfWork unitOfWork;
    private final RewardPolicy rewardPolicy;
    private final Clock clock;

    public RegisterUserService(UserRepository users, ReferralCodeRepository codes, ReferralRepository referrals,
                               RewardLedger ledger, PasswordHasher hasher, EmailScreening emailScreening,
                               UnitOfWork unitOfWork, RewardPolicy rewardPolicy, Clock clock) {
        this.users = users;
        this.codes = codes;
        this.referrals = referrals;
        this.ledger = ledger;
        this.hasher = hasher;
        this.emailScreening = emailScreening;
        this.unitOfWork = unitOfWork;
        this.rewardPolicy = rewardPolicy;
        this.clock = clock;
    }

    @Override
    public UserView register(RegisterUserCommand command) {
        Username username = new Username(command.username());
        Email email = new Email(command.email());
        DisplayName name = command.name() == null ? null : new DisplayName(command.name());
        PasswordPolicy.standard().check("password", command.password());
        Optional<CodeValue> codeValue = Optional.ofNullable(command.referralCode()).map(RegisterUserService::referralCode);

        // Cheap checks before the slow ones; the unique indexes still decide races.
        unitOfWork.reading(() -> {
            ensureFree(username, email);
            return null;
        });
        emailScreening.ensureAcceptable(email);
        PasswordHash hash = hasher.hash(command.password());

        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            UserId id = UserId.newId();
            if (codeValue.isEmpty()) {
                User user = User.register(id, username, email, name, hash, Set.of(), null, now);
                users.add(user);
                return UserViews.of(user, null);
            }
            ReferralCode code = codes.findByValue(codeValue.get(), Lock.SHARE)
                    .orElseThrow(() -> new RuleViolationException("code-not-found", "No such referral code."));
            User referrer = users.findById(code.owner()).orElseThrow();
            Referral referral = Referral.record(code, id, email, referrer.email(), now);
            User user = User.register(id, username, email, name, hash, Set.of(), referrer.id(), now);
            users.add(user);
            referrals.add(referral);
            ledger.append(rewardPolicy.rewardsFor(referral));
            return UserViews.of(user, new UserView.UserRef(referrer.id().value(), referrer.username().value()));
        });
    }

    private static CodeValue referralCode(String text) {
        try {
            return new CodeValue(text);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("referralCode", e.getMessage());
        }
    }

    private void ensureFree(Username username, Email email) {
        if (users.existsByEmail(email)) {
            throw AccountConflicts.emailTaken();
        }
        if (users.existsByUsername(username)) {
            throw AccountConflicts.usernameTaken();
        }
    }
}
