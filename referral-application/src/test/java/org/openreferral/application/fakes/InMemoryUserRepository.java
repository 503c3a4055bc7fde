package org.openreferral.application.fakes;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.user.AccountConflicts;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

/**
 * In-memory users with the unique indexes of the real table: lower(email) and lower(username). As in the table, the
 * session epoch changes only through {@link #advanceSessionEpoch}, never through {@link #update}.
 */
public final class InMemoryUserRepository implements UserRepository, FakeUnitOfWork.Participant {

    private final FakeUnitOfWork unitOfWork;
    private Map<UserId, User> users = new LinkedHashMap<>();
    private int existsByIdCalls;

    public InMemoryUserRepository(FakeUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        unitOfWork.enlist(this);
    }

    @Override
    public void add(User user) {
        unitOfWork.requireWritable();
        if (users.containsKey(user.id())) {
            throw new IllegalStateException("duplicate id " + user.id());
        }
        if (users.values().stream().anyMatch(other -> other.email().value().equalsIgnoreCase(user.email().value()))) {
            throw AccountConflicts.emailTaken();
        }
        if (users.values().stream().anyMatch(other -> other.username().normalized().equals(user.username().normalized()))) {
            throw AccountConflicts.usernameTaken();
        }
        users.put(user.id(), copy(user));
    }

    @Override
    public void update(User user) {
        unitOfWork.requireWritable();
        User stored = users.get(user.id());
        if (stored == null) {
            throw new IllegalStateException("no such user " + user.id());
        }
        users.put(user.id(), copy(user, stored.sessionEpoch()));
    }

    @Override
    public OptionalLong lockSessions(UserId id) {
        unitOfWork.requireWritable();
        User stored = users.get(id);
        return stored == null ? OptionalLong.empty() : OptionalLong.of(stored.sessionEpoch());
    }

    @Override
    public void advanceSessionEpoch(UserId id) {
        unitOfWork.requireWritable();
        User stored = users.get(id);
        if (stored != null) {
            users.put(id, copy(stored, stored.sessionEpoch() + 1));
        }
    }

    @Override
    public Optional<User> findById(UserId id) {
        unitOfWork.requireActive();
        return Optional.ofNullable(users.get(id)).map(InMemoryUserRepository::copy);
    }

    @Override
    public Optional<User> findByIdForUpdate(UserId id) {
        unitOfWork.requireWritable();
        return Optional.ofNullable(users.get(id)).map(InMemoryUserRepository::copy);
    }

    @Override
    public boolean existsById(UserId id) {
        unitOfWork.requireActive();
        existsByIdCalls++;
        return users.containsKey(id);
    }

    @Override
    public Optional<User> findByLogin(String login) {
        unitOfWork.requireActive();
        return users.values().stream()
                .filter(user -> user.username().value().equalsIgnoreCase(login)
                        || user.email().value().equalsIgnoreCase(login))
                .findFirst()
                .map(InMemoryUserRepository::copy);
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        unitOfWork.requireActive();
        return byEmail(email).map(InMemoryUserRepository::copy);
    }

    @Override
    public boolean existsByEmail(Email email) {
        unitOfWork.requireActive();
        return byEmail(email).isPresent();
    }

    @Override
    public boolean existsByUsername(Username username) {
        unitOfWork.requireActive();
        return users.values().stream().anyMatch(user -> user.username().normalized().equals(username.normalized()));
    }

    @Override
    public Page<User> list(String filter, PageRequest page) {
        unitOfWork.requireActive();
        String needle = filter == null || filter.isBlank() ? null : filter.strip().toLowerCase(Locale.ROOT);
        List<User> matching = users.values().stream()
                .filter(user -> needle == null || user.username().normalized().contains(needle)
                        || user.email().value().contains(needle))
                .sorted(Comparator.comparing(User::createdAt).reversed())
                .map(InMemoryUserRepository::copy)
                .toList();
        return Pages.of(matching, page);
    }

    Optional<User> byEmail(Email email) {
        return users.values().stream().filter(user -> user.email().value().equalsIgnoreCase(email.value())).findFirst();
    }

    /** How often {@link #existsById} was asked. */
    public int existsByIdCalls() {
        return existsByIdCalls;
    }

    /** Test setup: a user vanishes (as if deleted), outside any unit of work. */
    public void remove(UserId id) {
        users.remove(id);
    }

    /** Test inspection, outside any unit of work. */
    public int count() {
        return users.size();
    }

    /** Test inspection, outside any unit of work. */
    public Optional<User> stored(UserId id) {
        return Optional.ofNullable(users.get(id)).map(InMemoryUserRepository::copy);
    }

    /** Test inspection, outside any unit of work. */
    public Optional<User> storedByUsername(String username) {
        return users.values().stream().filter(user -> user.username().value().equalsIgnoreCase(username))
                .findFirst().map(InMemoryUserRepository::copy);
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(users);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        users = new LinkedHashMap<>((Map<UserId, User>) snapshot);
    }

    /** Stored users are copies, so that only {@link #add} and {@link #update} change what is stored. */
    static User copy(User user) {
        return copy(user, user.sessionEpoch());
    }

    private static User copy(User user, long sessionEpoch) {
        return User.reconstitute(user.id(), user.username(), user.email(), user.name().orElse(null),
                user.passwordHash(), user.roles(), user.createdAt(), user.referredBy().orElse(null),
                user.isEmailVerified(), sessionEpoch);
    }
}
