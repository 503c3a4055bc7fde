package org.openreferral.adapter.persistence.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openreferral.adapter.persistence.ScratchDatabase;
import org.openreferral.adapter.persistence.referral.ReferralRecords.KeysetColumn;

/**
 * The plans PostgreSQL makes for the keyset queries of {@link ReferralRecords} and {@link RewardLedgerAdapter} on a
 * populated, analysed schema: one range of the list's index, no sort, and a deep run reads only the rows it answers
 * (not the ones before it).
 */
class KeysetPlanTest {

    private static final String HEAVY = "00000000-0000-4000-8000-000000000001";
    private static final String HEAVY_CODE = "00000000-0000-4000-9000-000000000001";
    private static final int HEAVY_REFERRALS = 3000;
    private static final int LIMIT = 101;

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void populate() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        ScratchDatabase.migrate(postgres.getPostgresDatabase(), "db/changelog/db.changelog-master.xml");
        // 20 referrers with one code each; the first has HEAVY_REFERRALS referrals, three to a second (ties), the
        // others 1000 each.
        sql("""
                insert into users (id, username, email, email_canonical, password_hash, roles, created_at)
                select ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'u' || i, 'u' || i || '@x.test',
                       'u' || i || '@x.test', 'h', 'user', '2026-01-01T00:00:00Z'
                  from generate_series(1, 20 + 19 * 1000 + %1$d) as i;
                insert into referral_codes (id, code, owner_id, status, created_at, expires_at)
                select ('00000000-0000-4000-9000-' || lpad(to_hex(i), 12, '0'))::uuid, 'CODE' || i,
                       ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'ACTIVE',
                       '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'
                  from generate_series(1, 20) as i;
                insert into referrals (id, referrer_id, referee_id, code_id, created_at, status, points, referee_mailbox)
                select gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(to_hex(owner), 12, '0'))::uuid,
                       ('00000000-0000-4000-8000-' || lpad(to_hex(20 + n), 12, '0'))::uuid,
                       ('00000000-0000-4000-9000-' || lpad(to_hex(owner), 12, '0'))::uuid,
                       timestamptz '2026-02-01T00:00:00Z' + (n / 3) * interval '1 second', 'PENDING', 0, 'm' || n
                  from (select n, case when n <= %1$d then 1 else 2 + (n - %1$d - 1) / 1000 end as owner
                          from generate_series(1, 19 * 1000 + %1$d) as n) as numbered;
                insert into reward_entries (id, user_id, points, reason, referral_id, created_at)
                select gen_random_uuid(), referrer_id, 10, 'REFERRAL_REFERRER', id, created_at from referrals;
                """.formatted(HEAVY_REFERRALS));
        sql("vacuum analyze");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void aDeepRunOfAReferrersListReadsOnlyItsOwnRowsFromTheReferrerIndex() throws Exception {
        String position = rows("select created_at || '|' || id from referrals where referrer_id = '" + HEAVY + "'"
                + " order by created_at desc, id desc offset 2500 limit 1").get(0);

        List<String> plan = explain(ReferralRecords.runSql(KeysetColumn.REFERRER, true), HEAVY, position);

        assertRangeOf("referrals_referrer_created_idx", plan);
        assertThat(String.join("\n", plan)).contains("Index Cond: ((referrer_id = ")
                .contains("ROW(created_at, id) < ROW(");
    }

    @Test
    void aDeepRunOfACodesListReadsOnlyItsOwnRowsFromTheCodeIndex() throws Exception {
        String position = rows("select created_at || '|' || id from referrals where code_id = '" + HEAVY_CODE + "'"
                + " order by created_at desc, id desc offset 2500 limit 1").get(0);

        assertRangeOf("referrals_code_created_idx",
                explain(ReferralRecords.runSql(KeysetColumn.CODE, true), HEAVY_CODE, position));
    }

    @Test
    void theFirstRunIsTheStartOfTheSameRange() throws Exception {
        assertRangeOf("referrals_referrer_created_idx",
                explain(ReferralRecords.runSql(KeysetColumn.REFERRER, false), HEAVY, null));
    }

    @Test
    void aDeepRunOfALedgerReadsOnlyItsOwnRowsFromTheUserIndex() throws Exception {
        String position = rows("select created_at || '|' || id from reward_entries where user_id = '" + HEAVY + "'"
                + " order by created_at desc, id desc offset 2500 limit 1").get(0);

        assertRangeOf("reward_entries_user_created_idx", explain(RewardLedgerAdapter.runSql(true), HEAVY, position),
                "reward_entries");
    }

    private static void assertRangeOf(String index, List<String> plan) {
        assertRangeOf(index, plan, "referrals");
    }

    private static void assertRangeOf(String index, List<String> plan, String table) {
        String text = String.join("\n", plan);
        assertThat(text).as(text).doesNotContain("Sort").doesNotContain("Seq Scan").doesNotContain("Bitmap")
                .doesNotContain("Filter");
        Matcher scan = Pattern.compile("Index (Only )?Scan using (\\w+) on " + table + ".*actual rows=(\\d+)")
                .matcher(text);
        assertThat(scan.find()).as(text).isTrue();
        assertThat(scan.group(2)).as(text).isEqualTo(index);
        assertThat(Integer.parseInt(scan.group(3))).as("rows read from the index\n" + text).isEqualTo(LIMIT);
    }

    /** EXPLAIN ANALYZE of an adapter's own SQL, its parameters written in as literals. */
    private static List<String> explain(String query, String owner, String position) throws SQLException {
        String sql = query
                .replace(":owner", "'" + owner + "'::uuid")
                .replace(":limit", String.valueOf(LIMIT));
        if (position != null) {
            String[] parts = position.split("\\|", 2);
            sql = sql.replace(":at", "'" + parts[0] + "'::timestamptz").replace(":id", "'" + parts[1] + "'::uuid");
        }
        return rows("explain (analyze, costs off, timing off) " + sql);
    }

    private static void sql(String statements) throws SQLException {
        ScratchDatabase.execute(postgres.getPostgresDatabase(), statements);
    }

    private static List<String> rows(String query) throws SQLException {
        return ScratchDatabase.rows(postgres.getPostgresDatabase(), query);
    }
}
