package org.openreferral.adapter.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.openreferral.application.error.ServiceUnavailableException;
import org.openreferral.application.port.out.UnitOfWork;
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
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P: operator intervention (shutdown); Agroal's pool timeout has none.
                if (state == null || state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
            if (cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
        }
        return false;
    }
}
