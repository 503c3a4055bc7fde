package org.openreferral.application.shared;

import java.util.function.Supplier;

/** Out-port: runs a use case's database work as one transaction, committed or rolled back as a whole. */
public interface UnitOfWork {

    /** Runs {@code work} in a new transaction; an exception rolls it back and propagates. */
    <T> T inTransaction(Supplier<T> work);

    /** Runs {@code work} in a read-only transaction. */
    default <T> T reading(Supplier<T> work) {
        return inTransaction(work);
    }
}
