package org.openreferral.adapter.persistence.shared;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Supplier;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.application.shared.error.ServiceUnavailableException;
import org.openreferral.domain.error.ReferralException;

/**
 * The unit of work as a JTA transaction. A lost or unreachable database becomes a 503-worthy
 * {@link ServiceUnavailableException} instead of an anonymous failure.
 */
@ApplicationScoped
public class TransactionalUnitOfWork implements UnitOfWork {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (ReferralException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isConnectionFailure(e)) {
                throw new ServiceUnavailableException("The database is unavailable; please retry shortly.");
            }
            throw e;
        }
    }

    private static boolean isConnectionFailure(Throwable error) {
        return isConnectionFailure(error, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    // Suppressed exceptions count too: a commit that fails on a lost connection arrives as Narayana's
    // RollbackException, with the driver's error suppressed in it rather than as its cause.
    private static boolean isConnectionFailure(Throwable error, Set<Throwable> seen) {
        if (error == null || !seen.add(error)) {
            return false;
        }
        if (error instanceof SQLException sql) {
            String state = sql.getSQLState();
            // 08: connection exception; 57P: operator intervention (shutdown); Agroal's pool timeout has none.
            if (state == null || state.startsWith("08") || state.startsWith("57P")) {
                return true;
            }
        }
        if (error instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        for (Throwable suppressed : error.getSuppressed()) {
            if (isConnectionFailure(suppressed, seen)) {
                return true;
            }
        }
        return isConnectionFailure(error.getCause(), seen);
    }
}
