package org.openreferral.adapter.emailcheck;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.openreferral.application.account.port.out.PaidEmailCheckCounter;
import org.openreferral.application.shared.UnitOfWork;

/**
 * The monthly budget of Hunter.io requests: each request is counted in the shared counter before it is made, and
 * refused once the calendar month (UTC) holds the budget. The count is read from the counter each time, so a
 * budget spent by another instance, a new month, or a count lowered by hand is seen at once; the spent month is
 * warned about once per instance.
 */
final class MonthlyHunterBudget {

    private static final Logger LOG = Logger.getLogger(MonthlyHunterBudget.class);

    /** The latest count this instance saw, and of which month. */
    private record Seen(YearMonth month, long calls, boolean spent) {
    }

    private final Optional<Long> budget;
    private final PaidEmailCheckCounter counter;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final AtomicReference<Seen> seen = new AtomicReference<>(new Seen(YearMonth.of(1970, 1), 0, false));

    MonthlyHunterBudget(Optional<Long> budget, PaidEmailCheckCounter counter, UnitOfWork unitOfWork, Clock clock) {
        if (budget.isPresent() && budget.get() < 0) {
            throw new IllegalArgumentException("referral.email.hunter.monthly-budget must be >= 0");
        }
        this.budget = budget;
        this.counter = counter;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** Publishes what is left of this month's budget, as this instance last saw it (only with a budget). */
    void register(MeterRegistry meters) {
        if (budget.isPresent()) {
            Gauge.builder("referral.email.hunter.budget.remaining", this, MonthlyHunterBudget::remaining)
                    .description("Hunter.io requests left this calendar month (UTC), as this instance last counted")
                    .register(meters);
        }
    }

    /** Whether this month's budget is spent (or cannot be read: then no request may be counted either). */
    boolean spent() {
        if (budget.isEmpty()) {
            return false;
        }
        YearMonth month = month();
        long calls;
        try {
            calls = unitOfWork.reading(() -> counter.counted(month));
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the Hunter.io requests counted against the monthly budget (%s); checking offline",
                    e.getClass().getSimpleName());
            return true;
        }
        if (calls < budget.get()) {
            seen.set(new Seen(month, calls, false));
            return false;
        }
        noteSpent(month);
        return true;
    }

    /**
     * Counts one request in this month's budget; false when the budget is spent (or the count cannot be made: a
     * request that cannot be counted is not made either).
     */
    boolean take() {
        if (budget.isEmpty()) {
            return true;
        }
        YearMonth month = month();
        OptionalLong count;
        try {
            count = unitOfWork.inTransaction(() -> counter.countIfBelow(month, budget.get()));
        } catch (RuntimeException e) {
            LOG.warnf("Cannot count a Hunter.io request against the monthly budget (%s); checking offline",
                    e.getClass().getSimpleName());
            return false;
        }
        if (count.isPresent()) {
            seen.set(new Seen(month, count.getAsLong(), false));
            return true;
        }
        noteSpent(month);
        return false;
    }

    private void noteSpent(YearMonth month) {
        Seen before = seen.getAndSet(new Seen(month, budget.orElseThrow(), true));
        if (!before.spent() || !before.month().equals(month)) {
            LOG.warnf("The monthly Hunter.io budget of %d requests is spent for %s; addresses are checked offline"
                    + " until the month ends (referral.email.hunter.monthly-budget)", budget.orElseThrow(), month);
        }
    }

    private double remaining() {
        Seen last = seen.get();
        long calls = last.month().equals(month()) ? last.calls() : 0;
        return Math.max(0, budget.orElse(0L) - calls);
    }

    private YearMonth month() {
        return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    }
}
