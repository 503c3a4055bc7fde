package org.openreferral.application.referral.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.referral.port.in.CodeView;
import org.openreferral.application.referral.port.in.CreateReferralCodeUseCase;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.referral.port.out.ReferralEvents;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.error.ConflictException;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.referral.CodeConflicts;
import org.openreferral.domain.model.referral.CodePolicy;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.ReferralCodeId;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;

/**
 * Gives the caller a new active code. Overdue codes are marked expired in the same transaction, so an
 * expired code never blocks a new one, and {@code code.created} is appended with the code; the database's
 * partial unique index settles concurrent creates.
 */
public final class CreateReferralCodeService implements CreateReferralCodeUseCase {

    /** A generated code colliding with an existing one is retried with a fresh value this many times. */
    private static final int GENERATION_ATTEMPTS = 3;

    private final UserRepository users;
    private final ReferralCodeRepository codes;
    private final ReferralCodeCache cache;
    private final ReferralEvents events;
    private final UnitOfWork unitOfWork;
    private final CodePolicy policy;
    private final RandomGenerator secureRandom;
    private final Clock clock;

    public CreateReferralCodeService(UserRepository users, ReferralCodeRepository codes, ReferralCodeCache cache,
                                     ReferralEvents events, UnitOfWork unitOfWork, CodePolicy policy, RandomGenerator secureRandom,
                                     Clock clock) {
        this.users = users;
        this.codes = codes;
        this.cache = cache;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.policy = policy;
        this.secureRandom = secureRandom;
        this.clock = clock;
    }

    @Override
    public CodeView create(CreateReferralCodeCommand command) {
        Optional<CodeValue> chosen = Optional.ofNullable(command.code());
        UserId ownerId = command.caller().id();
        for (int attempt = 1; ; attempt++) {
            CodeValue value = chosen.orElseGet(() -> CodeValue.generate(secureRandom));
            try {
                Created created = unitOfWork.inTransaction(() -> {
                    Instant now = clock.instant();
                    User owner = users.findById(ownerId).orElseThrow(NotFoundException::user);
                    codes.expireOverdue(ownerId, now);
                    if (codes.findActive(ownerId, now).isPresent()) {
                        throw CodeConflicts.activeCodeExists();
                    }
                    ReferralCode code = ReferralCode.issue(ReferralCodeId.newId(), value, ownerId, command.expiresAt(),
                            policy, now);
                    codes.add(code);
                    events.codeCreated(code, owner.username(), now);
                    return new Created(owner, CodeViews.of(code, 0, now));
                });
                cache.evict(created.owner().email());
                return created.view();
            } catch (ConflictException e) {
                boolean generatedValueCollided = chosen.isEmpty() && e.code().equals(CodeConflicts.codeTaken().code());
                if (!generatedValueCollided || attempt >= GENERATION_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private record Created(User owner, CodeView view) {
    }
}
