package org.openreferral.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.PaidEmailCheckCounter;

/**
 * Contract of {@code PaidEmailCheckCounter}: a count per calendar month that never passes the budget. (That it
 * holds with many callers at once is shown against PostgreSQL, where the instances meet.)
 */
public abstract class PaidEmailCheckCounterContract extends RepositoryContract {

    protected static final YearMonth MARCH = YearMonth.of(2026, 3);

    protected PaidEmailCheckCounter counter;

    /** The counter under test, over the empty {@code stores} (and their unit of work). */
    protected abstract PaidEmailCheckCounter counter(Stores stores);

    @BeforeEach
    void openCounter() {
        counter = counter(stores);
    }

    /** Counts once, in a unit of work of its own. */
    protected OptionalLong count(YearMonth month, long budget) {
        return writing(() -> counter.countIfBelow(month, budget));
    }

    @Test
    void checksAreCountedUntilTheBudgetAndNotBeyond() {
        assertThat(read(() -> counter.counted(MARCH))).isZero();

        assertThat(count(MARCH, 2)).hasValue(1);
        assertThat(count(MARCH, 2)).hasValue(2);
        assertThat(count(MARCH, 2)).isEmpty();
        assertThat(count(MARCH, 2)).isEmpty();

        assertThat(read(() -> counter.counted(MARCH))).isEqualTo(2);
    }

    @Test
    void eachMonthHasItsOwnCount() {
        count(MARCH, 1);

        assertThat(count(MARCH, 1)).isEmpty();
        assertThat(count(MARCH.plusMonths(1), 1)).hasValue(1);
        assertThat(read(() -> counter.counted(MARCH.minusMonths(1)))).isZero();
    }

    @Test
    void aLargerBudgetCountsOnFromTheMonthsCount() {
        count(MARCH, 1);

        assertThat(count(MARCH, 1)).isEmpty();
        assertThat(count(MARCH, 3)).hasValue(2);
    }

    @Test
    void aZeroBudgetCountsNothing() {
        assertThat(count(MARCH, 0)).isEmpty();
        assertThat(read(() -> counter.counted(MARCH))).isZero();
    }
}
