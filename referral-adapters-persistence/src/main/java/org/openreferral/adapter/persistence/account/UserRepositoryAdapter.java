package org.openreferral.adapter.persistence.account;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.openreferral.adapter.persistence.shared.ConstraintViolations;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.user.AccountConflicts;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

/**
 * Users in PostgreSQL; the unique indexes on lower(email) and lower(username) decide races. The session epoch is
 * read and raised in SQL of its own, with the row lock, so an entity written back never carries a stale one.
 */
@ApplicationScoped
public class UserRepositoryAdapter implements UserRepository {

    private final UserPanacheRepository rows;

    UserRepositoryAdapter(UserPanacheRepository rows) {
        this.rows = rows;
    }

    @Override
    public void add(User user) {
        ConstraintViolations.translate(() -> {
            rows.persist(UserMapper.toEntity(user));
            rows.flush();
        }, Map.of("users_email_lower_uq", AccountConflicts::emailTaken,
                "users_username_lower_uq", AccountConflicts::usernameTaken));
    }

    @Override
    public void update(User user) {
        UserJpaEntity entity = rows.findById(user.id().value());
        UserMapper.copy(user, entity);
        rows.flush();
    }

    @Override
    public Optional<User> findById(UserId id) {
        return rows.findByIdOptional(id.value()).map(UserMapper::toDomain);
    }

    @Override
    public Optional<User> findByIdForUpdate(UserId id) {
        return rows.findByIdOptional(id.value(), LockModeType.PESSIMISTIC_WRITE).map(UserMapper::toDomain);
    }

    @Override
    public OptionalLong lockSessions(UserId id) {
        List<?> epoch = rows.getEntityManager()
                .createNativeQuery("select session_epoch from users where id = ?1 for update")
                .setParameter(1, id.value())
                .getResultList();
        return epoch.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) epoch.get(0)).longValue());
    }

    @Override
    public void advanceSessionEpoch(UserId id) {
        rows.getEntityManager()
                .createNativeQuery("update users set session_epoch = session_epoch + 1 where id = ?1")
                .setParameter(1, id.value())
                .executeUpdate();
    }

    @Override
    public boolean existsById(UserId id) {
        return rows.count("id", id.value()) > 0;
    }

    @Override
    public Optional<User> findByLogin(String login) {
        String normalized = login.toLowerCase(Locale.ROOT);
        return rows.find("lower(username) = ?1 or lower(email) = ?1", normalized)
                .firstResultOptional().map(UserMapper::toDomain);
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return rows.find("lower(email) = ?1", email.value()).firstResultOptional().map(UserMapper::toDomain);
    }

    @Override
    public boolean existsByEmail(Email email) {
        return rows.count("lower(email) = ?1", email.value()) > 0;
    }

    @Override
    public boolean existsByUsername(Username username) {
        return rows.count("lower(username) = ?1", username.normalized()) > 0;
    }

    @Override
    public Page<User> list(String filter, PageRequest page) {
        Sort newestFirst = Sort.descending("createdAt", "id");
        // On PostgreSQL Hibernate writes a LIKE without ESCAPE as "escape ''": the backslashes that escapeLike
        // puts before % and _ count only where the backslash is named the escape character.
        var query = filter == null || filter.isBlank()
                ? rows.findAll(newestFirst)
                : rows.find("lower(username) like ?1 escape '\\' or lower(email) like ?1 escape '\\'",
                        newestFirst, "%" + escapeLike(filter.strip().toLowerCase(Locale.ROOT)) + "%");
        List<User> users = query.page(page.page() - 1, page.size()).list().stream()
                .map(UserMapper::toDomain).toList();
        return Page.of(users, query.count(), page);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
