package org.openreferral.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stats changeset (0014) on a database populated before it: the summary rows are backfilled from the referrals
 * and the ledger as they stand, and the triggers keep them from then on.
 */
class ReferralStatsMigrationTest {

    private static final String ALICE = "00000000-0000-0000-0000-00000000000a";
    private static final String BOB = "00000000-0000-0000-0000-00000000000b";
    private static final String CODE_1 = "00000000-0000-0000-0000-0000000000c1";
    private static final String CODE_2 = "00000000-0000-0000-0000-0000000000c2";

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void migrateADatabaseWithReferrals() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        migrate("db/changelog/before-referral-stats.xml");
        sql("""
                insert into users (id, username, email, email_canonical, password_hash, roles, created_at)
                select ('00000000-0000-0000-0000-0000000000' || lpad(to_hex(i), 2, '0'))::uuid, 'user' || i,
                       'user' || i || '@example.com', 'user' || i || '@example.com', 'h', 'user', '2026-01-01T00:00:00Z'
                  from generate_series(10, 16) as i;
                insert into referral_codes (id, code, owner_id, status, created_at, expires_at, revoked_at) values
                  ('%2$s', 'ALICE-1', '%1$s', 'REVOKED', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', '2026-01-05T00:00:00Z'),
                  ('%3$s', 'ALICE-2', '%1$s', 'ACTIVE', '2026-01-05T00:00:00Z', '2027-01-01T00:00:00Z', null);
                insert into referrals (id, referrer_id, referee_id, code_id, created_at, status, points, qualified_at,
                                       rewarded_at, voided_at, referee_mailbox)
                select gen_random_uuid(), '%1$s', ('00000000-0000-0000-0000-0000000000' || lpad(to_hex(i), 2, '0'))::uuid,
                       case when i < 13 then '%2$s' else '%3$s' end::uuid,
                       timestamptz '2026-01-02T23:00:00Z' + (i - 11) * interval '1 day',
                       (array['REWARDED', 'REWARDED', 'VOIDED', 'PENDING', 'FLAGGED', 'QUALIFIED'])[i - 10],
                       case when i < 13 then 10 else 0 end,
                       case when i in (11, 12, 13, 16) then timestamptz '2026-01-10T00:00:00Z' end,
                       case when i in (11, 12) then timestamptz '2026-01-10T00:00:00Z' end,
                       case when i = 13 then timestamptz '2026-01-11T00:00:00Z' end,
                       'user' || i || '@example.com'
                  from generate_series(11, 16) as i;
                insert into reward_entries (id, user_id, points, reason, referral_id, created_at)
                select gen_random_uuid(), referrer_id, 10, 'REFERRAL_REFERRER', id, rewarded_at from referrals
                 where status = 'REWARDED';
                insert into reward_entries (id, user_id, points, reason, referral_id, created_at)
                select gen_random_uuid(), referee_id, 5, 'REFERRAL_REFEREE', id, rewarded_at from referrals
                 where status = 'REWARDED';
                insert into reward_entries (id, user_id, points, reason, referral_id, created_at)
                select gen_random_uuid(), referee_id, -5, 'REFERRAL_VOIDED', id, rewarded_at from referrals
                 where referee_id = '00000000-0000-0000-0000-00000000000c';
                """.formatted(ALICE, CODE_1, CODE_2));
        migrate("db/changelog/db.changelog-master.xml");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void referrerRowHoldsTheReferralsInEachStatus() throws Exception {
        assertThat(rows("select referrer_id, pending, flagged, qualified, rewarded, voided from referrer_stats"))
                .containsExactly(ALICE + " 1 1 1 2 1");
    }

    @Test
    void codeRowsHoldTheReferralsOfEachCode() throws Exception {
        assertThat(rows("select code_id, referrals from referral_code_stats order by code_id"))
                .containsExactly(CODE_1 + " 2", CODE_2 + " 4");
    }

    @Test
    void dailyRowsCountByTheUtcDayOfCreation() throws Exception {
        assertThat(rows("select day, referrals from referrer_daily_stats order by day")).containsExactly(
                "2026-01-02 1", "2026-01-03 1", "2026-01-04 1", "2026-01-05 1", "2026-01-06 1", "2026-01-07 1");
    }

    @Test
    void balancesAreTheLedgerSums() throws Exception {
        assertThat(rows("select user_id, balance from reward_balances order by user_id")).containsExactly(
                ALICE + " 20", BOB + " 5", "00000000-0000-0000-0000-00000000000c 0");
    }

    @Test
    void afterTheBackfillTheTriggersKeepTheRows() throws Exception {
        sql("update referrals set status = 'QUALIFIED', qualified_at = now() where status = 'PENDING'");

        assertThat(rows("select pending, qualified from referrer_stats")).containsExactly("0 2");
    }

    private static void migrate(String changelog) throws Exception {
        ScratchDatabase.migrate(postgres.getPostgresDatabase(), changelog);
    }

    private static void sql(String statements) throws SQLException {
        ScratchDatabase.execute(postgres.getPostgresDatabase(), statements);
    }

    private static List<String> rows(String query) throws SQLException {
        return ScratchDatabase.rows(postgres.getPostgresDatabase(), query);
    }
}
