package org.openreferral.adapter.persistence.shared;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.openreferral.domain.error.ReferralException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Translates a unique-constraint violation raised by PostgreSQL into the domain's error (a conflict, or a rule
 * such as one referral per mailbox), by the name of the violated constraint or index. Anything else propagates.
 */
public final class ConstraintViolations {

    private static final String UNIQUE_VIOLATION = "23505";

    private ConstraintViolations() {
    }

    /** Runs a write (persist and flush); a violated constraint named in {@code conflicts} becomes its error. */
    public static void translate(Runnable write, Map<String, Supplier<? extends ReferralException>> conflicts) {
        try {
            write.run();
        } catch (RuntimeException e) {
            Optional<String> constraint = violatedUniqueConstraint(e);
            if (constraint.isPresent() && conflicts.containsKey(constraint.get())) {
                throw conflicts.get(constraint.get()).get();
            }
            throw e;
        }
    }

    private static Optional<String> violatedUniqueConstraint(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            // JDBC batches wrap the server's error: the PSQLException hangs off getNextException().
            for (SQLException sql = cause instanceof SQLException first ? first : null; sql != null;
                 sql = sql.getNextException()) {
                if (sql instanceof PSQLException psql && UNIQUE_VIOLATION.equals(psql.getSQLState())) {
                    ServerErrorMessage message = psql.getServerErrorMessage();
                    if (message != null && message.getConstraint() != null) {
                        return Optional.of(message.getConstraint());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
