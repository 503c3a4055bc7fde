package org.openreferral.application.account.service;

import java.time.Duration;
import java.util.Objects;
import org.openreferral.application.account.port.in.ValidateAccessTokenUseCase;
import org.openreferral.application.account.port.out.ClientSubjects;
import org.openreferral.application.account.port.out.SubjectExistenceCache;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.application.shared.error.AuthenticationFailedException;
import org.openreferral.domain.model.client.ClientId;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.UserId;

/**
 * The check every authenticated request passes after the signature: one deny-list lookup (the token and
 * its session; the revoked sessions in the database decide when the deny-list cannot, see
 * {@link SessionTokens#isRefused}), and whether the subject (a user, or a machine client) exists. Existence is
 * remembered for {@code subjectCheckTtl}, so the database is asked at most once per user and period; an unknown
 * subject is never remembered, it is refused every time.
 */
public final class ValidateAccessTokenService implements ValidateAccessTokenUseCase {

    private final SessionTokens sessions;
    private final UserRepository users;
    private final UnitOfWork unitOfWork;
    private final SubjectExistenceCache knownSubjects;
    private final Duration subjectCheckTtl;
    private final ClientSubjects clients;

    public ValidateAccessTokenService(SessionTokens sessions, UserRepository users, UnitOfWork unitOfWork,
                                      SubjectExistenceCache knownSubjects, Duration subjectCheckTtl,
                                      ClientSubjects clients) {
        Objects.requireNonNull(subjectCheckTtl, "subjectCheckTtl");
        if (subjectCheckTtl.isNegative()) {
            throw new IllegalArgumentException("subjectCheckTtl must not be negative");
        }
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.users = users;
        this.unitOfWork = unitOfWork;
        this.knownSubjects = knownSubjects;
        this.subjectCheckTtl = subjectCheckTtl;
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public void validate(ValidateAccessTokenCommand command) {
        SessionId session = command.sessionId() == null ? null : new SessionId(command.sessionId());
        if (sessions.isRefused(command.tokenId(), session)) {
            throw AuthenticationFailedException.tokenRevoked();
        }
        // Client ids and user ids are both random UUIDs, so one cache remembers both kinds of subject.
        UserId subject = new UserId(command.subject());
        if (knownSubjects.isKnownToExist(subject)) {
            return;
        }
        boolean exists = command.client()
                ? clients.exists(new ClientId(command.subject()))
                : unitOfWork.reading(() -> users.existsById(subject));
        if (!exists) {
            throw AuthenticationFailedException.tokenRevoked();
        }
        knownSubjects.rememberExists(subject, subjectCheckTtl);
    }
}
