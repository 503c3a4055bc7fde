package org.openreferral.application.account.port.out;

import java.time.YearMonth;
import java.util.OptionalLong;

/**
 * Out-port: how many paid email checks (Hunter.io requests) were made in a calendar month, counted for every
 * instance together; the counter behind the monthly budget.
 */
public interface PaidEmailCheckCounter {

    /**
     * Counts one check in {@code month} unless {@code budget} checks are counted there already, atomically, however
     * many instances count at once; the month's count after this one, or empty when the budget was spent.
     */
    OptionalLong countIfBelow(YearMonth month, long budget);

    /** The checks counted in {@code month}; zero for a month without any. */
    long counted(YearMonth month);
}
