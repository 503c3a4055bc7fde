package org.openreferral.adapter.persistence.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.OptionalLong;
import org.openreferral.application.account.port.out.PaidEmailCheckCounter;

/**
 * Paid email checks per month in PostgreSQL: one row a month, raised by a single upsert whose condition is checked
 * on the locked row, so instances counting at once never pass the budget together.
 */
@ApplicationScoped
public class PaidEmailCheckCounterAdapter implements PaidEmailCheckCounter {

    private final EntityManager em;

    PaidEmailCheckCounterAdapter(EntityManager em) {
        this.em = em;
    }

    @Override
    public OptionalLong countIfBelow(YearMonth month, long budget) {
        if (budget < 1) {
            // The insert below would count the first check of a month whatever the budget.
            return OptionalLong.empty();
        }
        List<?> count = em.createNativeQuery("insert into paid_email_checks as c (month, calls) values (?1, 1)"
                        + " on conflict (month) do update set calls = c.calls + 1 where c.calls < ?2"
                        + " returning c.calls")
                .setParameter(1, firstDay(month))
                .setParameter(2, budget)
                .getResultList();
        return count.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) count.get(0)).longValue());
    }

    @Override
    public long counted(YearMonth month) {
        List<?> count = em.createNativeQuery("select calls from paid_email_checks where month = ?1")
                .setParameter(1, firstDay(month))
                .getResultList();
        return count.isEmpty() ? 0 : ((Number) count.get(0)).longValue();
    }

    private static LocalDate firstDay(YearMonth month) {
        return month.atDay(1);
    }
}
