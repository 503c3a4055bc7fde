package org.openreferral.application.account.port.out;

import java.util.Optional;
import java.util.OptionalLong;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

/** Out-port: where users are kept. */
public interface UserRepository {

    /**
     * Stores a new user. Throws {@code ConflictException} {@code email-taken} or {@code username-taken}
     * when another user holds either, also when that user was added by a concurrent transaction.
     */
    void add(User user);

    /** Stores a changed user (its password hash, whether its email is verified); never its session epoch. */
    void update(User user);

    Optional<User> findById(UserId id);

    /** The user with this id, its row locked until the transaction ends (serialises per-user limits). */
    Optional<User> findByIdForUpdate(UserId id);

    /**
     * Locks the user's row until the transaction ends and returns their current session epoch (empty for an unknown
     * user). Every transaction that opens, rotates or ends sessions of the user takes this lock before it touches a
     * refresh token, so such transactions run one after the other and each sees every token the one before it wrote.
     */
    OptionalLong lockSessions(UserId id);

    /**
     * Raises the user's session epoch by one, so that a login whose password was checked against an older epoch opens
     * no session; the caller holds {@link #lockSessions} and ends the user's sessions in the same transaction.
     */
    void advanceSessionEpoch(UserId id);

    /** Whether a user with this id exists; cheaper than loading it. */
    boolean existsById(UserId id);

    /** The user whose username or email equals {@code login}, case-insensitively. */
    Optional<User> findByLogin(String login);

    Optional<User> findByEmail(Email email);

    boolean existsByEmail(Email email);

    boolean existsByUsername(Username username);

    /**
     * Users whose username or email contains {@code filter}, literally and case-insensitively (null or blank for
     * all), newest first.
     */
    Page<User> list(String filter, PageRequest page);
}
