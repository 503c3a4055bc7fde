package org.openreferral.application.fakes;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.openreferral.application.account.port.out.PaidEmailCheckCounter;

/** The paid email check counter in memory; synchronized, as the database's single statement is atomic. */
public final class InMemoryPaidEmailCheckCounter implements PaidEmailCheckCounter {

    private final Map<YearMonth, Long> counts = new HashMap<>();

    @Override
    public synchronized OptionalLong countIfBelow(YearMonth month, long budget) {
        long count = counts.getOrDefault(month, 0L);
        if (count >= budget) {
            return OptionalLong.empty();
        }
        counts.put(month, count + 1);
        return OptionalLong.of(count + 1);
    }

    @Override
    public synchronized long counted(YearMonth month) {
        return counts.getOrDefault(month, 0L);
    }
}
