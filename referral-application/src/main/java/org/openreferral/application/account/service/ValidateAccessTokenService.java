package org.openreferral.application.account.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.openreferral.application.account.port.in.ValidateAccessTokenUseCase;
import org.openreferral.application.account.port.out.AccessTokenDenyList;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.application.shared.error.AuthenticationFailedException;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.UserId;

/**
 * The check every authenticated request passes after the signature: one deny-list lookup (the token and
 * its session), and whether the subject exists. Existence is remembered for {@code subjectCheckTtl} per
 * instance, so the database is asked at most once per user and period; an unknown subject is never
 * remembered, it is refused every time.
 */
public final class ValidateAccessTokenService implements ValidateAccessTokenUseCase {

    // Beyond this many remembered subjects the memory is dropped and rebuilt; it is only a shortcut.
    private static final int MAX_REMEMBERED = 50_000;

    private final AccessTokenDenyList denyList;
    private final UserRepository users;
    private final UnitOfWork unitOfWork;
    private final Duration subjectCheckTtl;
    private final Clock clock;
    private final Map<UserId, Instant> knownUntil = new ConcurrentHashMap<>();

    public ValidateAccessTokenService(AccessTokenDenyList denyList, UserRepository users, UnitOfWork unitOfWork,
                                      Duration subjectCheckTtl, Clock clock) {
        Objects.requireNonNull(subjectCheckTtl, "subjectCheckTtl");
        if (subjectCheckTtl.isNegative()) {
            throw new IllegalArgumentException("subjectCheckTtl must not be negative");
        }
        this.denyList = denyList;
        this.users = users;
        this.unitOfWork = unitOfWork;
        this.subjectCheckTtl = subjectCheckTtl;
        this.clock = clock;
    }

    @Override
    public void validate(ValidateAccessTokenCommand command) {
        List<String> entries = new ArrayList<>(2);
        if (command.tokenId() != null) {
            entries.add(SessionTokens.tokenEntry(command.tokenId()));
        }
        if (command.sessionId() != null) {
            entries.add(SessionTokens.sessionEntry(new SessionId(command.sessionId())));
        }
        if (!entries.isEmpty() && denyList.isAnyDenied(entries)) {
            throw AuthenticationFailedException.tokenRevoked();
        }
        UserId subject = new UserId(command.subject());
        Instant now = clock.instant();
        Instant until = knownUntil.get(subject);
        if (until != null && until.isAfter(now) && !until.isAfter(now.plus(subjectCheckTtl))) {
            return;
        }
        if (!unitOfWork.reading(() -> users.existsById(subject))) {
            knownUntil.remove(subject);
            throw AuthenticationFailedException.tokenRevoked();
        }
        if (knownUntil.size() >= MAX_REMEMBERED) {
            knownUntil.clear();
        }
        knownUntil.put(subject, now.plus(subjectCheckTtl));
    }
}
