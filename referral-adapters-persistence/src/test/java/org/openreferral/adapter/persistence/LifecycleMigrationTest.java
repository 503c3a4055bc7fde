package org.openreferral.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle migration on a database populated by the previous release: v1 referrals become REWARDED with
 * their referrer's credit as points, mailboxes are backfilled (a mailbox v1 referred twice keeps it on the oldest
 * referral), and the new constraints hold afterwards.
 */
class LifecycleMigrationTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void migrateAV1DatabaseWithData() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        migrate("db/changelog/v1-release.xml");
        sql("""
                insert into users (id, username, email, email_canonical, password_hash, roles, created_at) values
                  ('00000000-0000-0000-0000-00000000000a', 'alice', 'alice@example.com', 'alice@example.com', 'h', 'user', '2026-01-01T00:00:00Z'),
                  ('00000000-0000-0000-0000-00000000000b', 'bob', 'bob@gmail.com', 'bob@gmail.com', 'h', 'user', '2026-01-02T00:00:00Z'),
                  ('00000000-0000-0000-0000-00000000000c', 'bob2', 'b.ob+x@gmail.com', 'bob@gmail.com', 'h', 'user', '2026-01-03T00:00:00Z'),
                  ('00000000-0000-0000-0000-00000000000d', 'carol', 'carol@example.com', 'carol@example.com', 'h', 'user', '2026-01-04T00:00:00Z');
                insert into referral_codes (id, code, owner_id, status, created_at, expires_at) values
                  ('00000000-0000-0000-0000-0000000000c1', 'ALICE-1', '00000000-0000-0000-0000-00000000000a', 'ACTIVE',
                   '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
                insert into referrals (id, referrer_id, referee_id, code_id, created_at) values
                  ('00000000-0000-0000-0000-0000000000f1', '00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-00000000000b',
                   '00000000-0000-0000-0000-0000000000c1', '2026-01-02T00:00:00Z'),
                  ('00000000-0000-0000-0000-0000000000f2', '00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-00000000000c',
                   '00000000-0000-0000-0000-0000000000c1', '2026-01-03T00:00:00Z'),
                  ('00000000-0000-0000-0000-0000000000f3', '00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-00000000000d',
                   '00000000-0000-0000-0000-0000000000c1', '2026-01-04T00:00:00Z');
                insert into reward_entries (id, user_id, points, reason, referral_id, created_at) values
                  (gen_random_uuid(), '00000000-0000-0000-0000-00000000000a', 10, 'REFERRAL_REFERRER',
                   '00000000-0000-0000-0000-0000000000f1', '2026-01-02T00:00:00Z'),
                  (gen_random_uuid(), '00000000-0000-0000-0000-00000000000b', 5, 'REFERRAL_REFEREE',
                   '00000000-0000-0000-0000-0000000000f1', '2026-01-02T00:00:00Z'),
                  (gen_random_uuid(), '00000000-0000-0000-0000-00000000000a', 10, 'REFERRAL_REFERRER',
                   '00000000-0000-0000-0000-0000000000f2', '2026-01-03T00:00:00Z');
                """);
        migrate("db/changelog/db.changelog-master.xml");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void v1ReferralsAreRewardedAtTheirRegistrationWithTheirReferrersCredit() throws Exception {
        assertThat(rows("select id, status, points, qualified_at = created_at and rewarded_at = created_at,"
                + " referee_mailbox from referrals order by created_at")).containsExactly(
                "00000000-0000-0000-0000-0000000000f1 REWARDED 10 t bob@gmail.com",
                "00000000-0000-0000-0000-0000000000f2 REWARDED 10 t null",
                "00000000-0000-0000-0000-0000000000f3 REWARDED 0 t carol@example.com");
    }

    @Test
    void theLedgerTakesOneReversalPerCreditAndStillRefusesChanges() throws Exception {
        sql("insert into reward_entries (id, user_id, points, reason, referral_id, created_at) values (gen_random_uuid(),"
                + " '00000000-0000-0000-0000-00000000000a', -10, 'REFERRAL_VOIDED', '00000000-0000-0000-0000-0000000000f1', now())");

        assertThat(refused("insert into reward_entries (id, user_id, points, reason, referral_id, created_at) values"
                + " (gen_random_uuid(), '00000000-0000-0000-0000-00000000000a', -10, 'REFERRAL_VOIDED',"
                + " '00000000-0000-0000-0000-0000000000f1', now())")).contains("reward_entries_once_per_reason_uq");
        assertThat(refused("insert into reward_entries (id, user_id, points, reason, referral_id, created_at) values"
                + " (gen_random_uuid(), '00000000-0000-0000-0000-00000000000d', -5, 'REFERRAL_REFEREE',"
                + " '00000000-0000-0000-0000-0000000000f3', now())")).contains("reward_entries_points_ck");
        assertThat(refused("delete from reward_entries")).contains("append-only");
    }

    @Test
    void aMailboxIsReferredOnceFromNowOn() throws Exception {
        sql("insert into users (id, username, email, email_canonical, password_hash, roles, created_at) values"
                + " ('00000000-0000-0000-0000-00000000000e', 'bob3', 'bob+y@gmail.com', 'bob@gmail.com', 'h', 'user', now())");

        assertThat(refused("insert into referrals (id, referrer_id, referee_id, code_id, created_at, status,"
                + " referee_mailbox) values (gen_random_uuid(), '00000000-0000-0000-0000-00000000000a',"
                + " '00000000-0000-0000-0000-00000000000e', '00000000-0000-0000-0000-0000000000c1', now(), 'PENDING',"
                + " 'bob@gmail.com')")).contains("referrals_referee_mailbox_uq");
    }

    private static void migrate(String changelog) throws Exception {
        ScratchDatabase.migrate(postgres.getPostgresDatabase(), changelog);
    }

    private static void sql(String statements) throws SQLException {
        ScratchDatabase.execute(postgres.getPostgresDatabase(), statements);
    }

    /** The error message of a statement that must fail. */
    private static String refused(String statement) {
        try {
            sql(statement);
        } catch (SQLException e) {
            return e.getMessage();
        }
        throw new AssertionError("not refused: " + statement);
    }

    private static List<String> rows(String query) throws SQLException {
        return ScratchDatabase.rows(postgres.getPostgresDatabase(), query);
    }
}
