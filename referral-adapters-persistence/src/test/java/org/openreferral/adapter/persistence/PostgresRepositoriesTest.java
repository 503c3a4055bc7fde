package org.openreferral.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.in.AuthenticateUserUseCase.AuthenticateUserCommand;
import org.openreferral.application.account.port.in.IssuedTokens;
import org.openreferral.application.account.port.in.LogOutUseCase.LogOutCommand;
import org.openreferral.application.account.port.in.RefreshAccessTokenUseCase.RefreshAccessTokenCommand;
import org.openreferral.application.account.port.in.ResetPasswordUseCase.ResetPasswordCommand;
import org.openreferral.application.account.port.out.EmailVerificationTokenRepository;
import org.openreferral.application.account.port.out.LoginThrottleStore;
import org.openreferral.application.account.port.out.PaidEmailCheckCounter;
import org.openreferral.application.account.port.out.PasswordResetTokenRepository;
import org.openreferral.application.account.port.out.RefreshTokenRepository;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.account.service.AuthenticateUserService;
import org.openreferral.application.account.service.LogOutService;
import org.openreferral.application.account.service.LoginLockout;
import org.openreferral.application.account.service.RefreshAccessTokenService;
import org.openreferral.application.account.service.ResetPasswordService;
import org.openreferral.application.account.service.SessionTokens;
import org.openreferral.application.contract.ClientRepositoryContract;
import org.openreferral.application.contract.EmailVerificationTokenRepositoryContract;
import org.openreferral.application.contract.EventOutboxContract;
import org.openreferral.application.contract.IdempotencyStoreContract;
import org.openreferral.application.contract.LoginThrottleStoreContract;
import org.openreferral.application.contract.PaidEmailCheckCounterContract;
import org.openreferral.application.contract.PasswordResetTokenRepositoryContract;
import org.openreferral.application.contract.ReferralCodeRepositoryContract;
import org.openreferral.application.contract.ReferralLifecycleRepositoryContract;
import org.openreferral.application.contract.ReferralRepositoryContract;
import org.openreferral.application.contract.RefreshTokenRepositoryContract;
import org.openreferral.application.contract.RepositoryContract;
import org.openreferral.application.contract.RewardLedgerContract;
import org.openreferral.application.contract.Stores;
import org.openreferral.application.contract.UserRepositoryContract;
import org.openreferral.application.fakes.FakeAccessTokenDenyList;
import org.openreferral.application.fakes.FakeDeviceTokens;
import org.openreferral.application.fakes.FakePasswordChangedMailer;
import org.openreferral.application.fakes.FakePasswordHasher;
import org.openreferral.application.fakes.FakeTokenIssuer;
import org.openreferral.application.fakes.FakeTokenSecrets;
import org.openreferral.application.fakes.FakeUnitOfWork;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.fakes.MutableClock;
import org.openreferral.application.fakes.RecordingSecurityEventLog;
import org.openreferral.application.integration.port.out.ClientRepository;
import org.openreferral.application.integration.port.out.EventOutbox;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.integration.port.out.IdempotencyStore;
import org.openreferral.application.integration.port.out.OutboxEvent;
import org.openreferral.application.integration.port.out.SequencedEvent;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.referral.port.out.RewardLedger;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.application.shared.error.AuthenticationFailedException;
import org.openreferral.domain.error.RuleViolationException;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.referral.ReferralStatus;
import org.openreferral.domain.model.referral.RewardEntry;
import org.openreferral.domain.model.referral.RewardReason;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.session.SingleUseToken;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.LoginName;
import org.openreferral.domain.model.user.Password;
import org.openreferral.domain.model.user.PresentedPassword;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

/**
 * The repository contracts run against the PostgreSQL adapters, on the migrated schema with its indexes and
 * checks; every call runs in a transaction of the adapter's unit of work, and every test starts on empty tables.
 * One class, so that the module boots Quarkus (and PostgreSQL) once.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class PostgresRepositoriesTest {

    @Inject
    UnitOfWork unitOfWork;
    @Inject
    UserRepository users;
    @Inject
    ReferralCodeRepository codes;
    @Inject
    ReferralRepository referrals;
    @Inject
    RewardLedger ledger;
    @Inject
    RefreshTokenRepository refreshTokens;
    @Inject
    PasswordResetTokenRepository resetTokens;
    @Inject
    EmailVerificationTokenRepository verificationTokens;
    @Inject
    ClientRepository clients;
    @Inject
    IdempotencyStore idempotencyKeys;
    @Inject
    EventOutbox events;
    @Inject
    PaidEmailCheckCounter paidEmailChecks;
    @Inject
    LoginThrottleStore loginThrottles;
    @Inject
    DataSource dataSource;

    /** The adapters over emptied tables: every table of the schema but Liquibase's own. */
    Stores emptied() {
        sql(statement -> {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select tablename from pg_tables where schemaname = 'public'"
                    + " and tablename not like 'databasechangelog%'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            return statement.executeUpdate("truncate " + String.join(", ", tables));
        });
        return new Stores(unitOfWork, users, codes, referrals, ledger, refreshTokens, resetTokens, verificationTokens,
                clients);
    }

    /** Plain SQL on a connection of its own, outside the adapters and their transactions. */
    <T> T sql(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return work.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The single number a query returns, read on a connection of its own. */
    long number(String query) {
        Long value = sql(statement -> {
            try (ResultSet row = statement.executeQuery(query)) {
                row.next();
                return row.getLong(1);
            }
        });
        return value;
    }

    interface SqlWork<T> {
        T run(Statement statement) throws SQLException;
    }

    @Nested
    class Users extends UserRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptied();
        }
    }

    @Nested
    class ReferralCodes extends ReferralCodeRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptied();
        }
    }

    @Nested
    class Referrals extends ReferralRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptied();
        }
    }

    @Nested
    class ReferralLifecycle extends ReferralLifecycleRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptied();
        }
    }

    @Nested
    class Ledger extends RewardLedgerContract {
        @Override
        protected Stores emptyStores() {
            return emptied();
        }
    }

    @Nested
    class RefreshTokens extends RefreshTokenRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptied();
        }
    }

    @Nested
    class ResetTokens extends PasswordResetTokenRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptied();
        }
    }

    @Nested
    class Clients extends ClientRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptied();
        }
    }

    @Nested
    class VerificationTokens extends EmailVerificationTokenRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptied();
        }
    }

    @Nested
    class IdempotencyKeys extends IdempotencyStoreContract {
        @Override
        protected Stores emptyStores() {
            return emptied();
        }

        @Override
        protected IdempotencyStore idempotencyStore(Stores stores) {
            return idempotencyKeys;
        }
    }

    /** The counter's contract, and the budget held by the database when instances count at once. */
    @Nested
    class PaidEmailChecks extends PaidEmailCheckCounterContract {
        @Override
        protected Stores emptyStores() {
            return emptied();
        }

        @Override
        protected PaidEmailCheckCounter counter(Stores stores) {
            return paidEmailChecks;
        }

        @Test
        void concurrentCallersNeverCountBeyondTheBudget() throws Exception {
            int callers = 8;
            int attemptsEach = 25;
            long budget = 57;
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<List<Long>>> results = new ArrayList<>();
                for (int caller = 0; caller < callers; caller++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        List<Long> granted = new ArrayList<>();
                        for (int attempt = 0; attempt < attemptsEach; attempt++) {
                            count(MARCH, budget).ifPresent(granted::add);
                        }
                        return granted;
                    }));
                }
                start.countDown();
                List<Long> granted = new ArrayList<>();
                for (Future<List<Long>> result : results) {
                    granted.addAll(result.get(60, TimeUnit.SECONDS));
                }

                // 200 attempts for 57 checks: every grant saw its own count, 1 to the budget; none lost, none beyond.
                assertThat(granted).hasSize((int) budget).doesNotHaveDuplicates()
                        .allMatch(count -> count >= 1 && count <= budget);
                assertThat(read(() -> counter.counted(MARCH))).isEqualTo(budget);
                assertThat(number("select calls from paid_email_checks")).isEqualTo(budget);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class LoginThrottles extends LoginThrottleStoreContract {
        @Override
        protected Stores emptyStores() {
            return emptied();
        }

        @Override
        protected LoginThrottleStore loginThrottleStore(Stores stores) {
            return loginThrottles;
        }
    }

    /** The outbox contract, and the outbox under concurrent transactions, which only a real database can show. */
    @Nested
    class Events extends EventOutboxContract {
        @Override
        protected Stores emptyStores() {
            return emptied();
        }

        @Override
        protected EventOutbox outbox() {
            return events;
        }

        private HeldTransaction other;

        @BeforeEach
        void prepareTheOtherTransaction() {
            other = new HeldTransaction(unitOfWork);
        }

        @AfterEach
        void stopTheOtherTransaction() {
            other.close();
        }

        @Test
        void anUncommittedEventIsNotNumberedAndALaterCommitGetsAHigherSequence() throws Exception {
            OutboxEvent early = event(EventType.USER_REGISTERED, NOW.minusSeconds(60));
            Future<Void> open = other.hold(() -> {
                outbox().append(early);
                return null;
            });
            OutboxEvent committed = appended(EventType.CODE_CREATED, NOW);

            assertThat(sequence()).as("only the committed event").isEqualTo(1);
            long visible = all().get(0).sequence();
            other.release();
            open.get();
            assertThat(sequence()).isEqualTo(1);

            assertThat(all()).extracting(SequencedEvent::id).containsExactly(committed.id(), early.id());
            assertThat(all().get(1).sequence()).isGreaterThan(visible);
        }

        @Test
        void whileOneSequencerHoldsTheLockAnotherNumbersNothing() throws Exception {
            appended(EventType.USER_REGISTERED, NOW);
            Future<Integer> first = other.hold(() -> outbox().sequencePending(100));
            appended(EventType.CODE_CREATED, NOW.plusSeconds(1));

            assertThat(sequence()).as("the second instance, while the first has not committed").isZero();
            other.release();
            assertThat(first.get()).isEqualTo(1);
            assertThat(sequence()).isEqualTo(1);
            assertThat(all()).extracting(SequencedEvent::sequence).isSorted().doesNotHaveDuplicates().hasSize(2);
        }

        @Test
        void twoSequencersRacingNumberEveryEventOnceInCreationOrder() throws Exception {
            List<OutboxEvent> appended = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                appended.add(appended(EventType.REFERRAL_CREATED, NOW.plusSeconds(i)));
            }
            ExecutorService racers = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Integer>> numbered = new ArrayList<>();
                for (int racer = 0; racer < 2; racer++) {
                    numbered.add(racers.submit(() -> {
                        start.await();
                        int total = 0;
                        for (int round = 0; round < 20; round++) {
                            total += writing(() -> outbox().sequencePending(3));
                        }
                        return total;
                    }));
                }
                start.countDown();
                int total = numbered.get(0).get() + numbered.get(1).get();
                total += writing(() -> outbox().sequencePending(100));
                assertThat(total).isEqualTo(40);
            } finally {
                racers.shutdownNow();
            }
            assertThat(all()).extracting(SequencedEvent::id)
                    .containsExactlyElementsOf(appended.stream().map(OutboxEvent::id).toList());
        }
    }

    /** What the schema holds beyond the ports' contracts: a column only SQL reads, and the append-only ledger. */
    @Nested
    class Schema extends RepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptied();
        }

        @Test
        void userRowKeepsTheCanonicalMailbox() {
            User user = User.register(UserId.newId(), new Username("john"), new Email("John.Doe+news@GoogleMail.com"),
                    null, HASH, Set.of(), null, NOW);
            write(() -> stores.users().add(user));

            String canonical = sql(statement -> {
                try (ResultSet row = statement.executeQuery("select email_canonical from users")) {
                    row.next();
                    return row.getString(1);
                }
            });

            assertThat(canonical).isEqualTo("johndoe@gmail.com");
        }

        @Test
        void ledgerRowsCanBeNeitherChangedNorDeleted() {
            User john = user("john");
            Referral referral = referral(code(john, "John-1"), user("jane"), NOW);
            write(() -> stores.ledger().append(List.of(new RewardEntry(UUID.randomUUID(), john.id(), 10,
                    RewardReason.REFERRAL_REFERRER, referral.id(), NOW))));

            assertThatThrownBy(() -> sql(statement -> statement.executeUpdate("update reward_entries set points = 9")))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql(statement -> statement.executeUpdate("delete from reward_entries")))
                    .hasMessageContaining("append-only");
            assertThat(read(() -> stores.ledger().balance(john.id()))).isEqualTo(10);
        }
    }

    /**
     * The summary rows behind the stats (changeset 0014) under concurrent writers: every registration and status
     * change adds up, as a full recount of the referrals and the ledger says.
     */
    @Nested
    class Summaries extends RepositoryContract {
        private static final int WRITERS = 8;

        @Override
        protected Stores emptyStores() {
            return emptied();
        }

        private final ExecutorService racers = Executors.newFixedThreadPool(WRITERS);

        @AfterEach
        void stopTheRacers() {
            racers.shutdownNow();
        }

        /** Every summary row, as text, in a fixed order. */
        private List<String> summaryRows() {
            return sql(statement -> {
                List<String> rows = new ArrayList<>();
                for (String query : List.of(
                        "select referrer_id, pending, flagged, qualified, rewarded, voided from referrer_stats"
                                + " order by 1",
                        "select code_id, referrals from referral_code_stats order by 1",
                        "select referrer_id, day, referrals from referrer_daily_stats order by 1, 2",
                        "select user_id, balance from reward_balances order by 1")) {
                    try (ResultSet row = statement.executeQuery(query)) {
                        int columns = row.getMetaData().getColumnCount();
                        while (row.next()) {
                            StringBuilder line = new StringBuilder();
                            for (int column = 1; column <= columns; column++) {
                                line.append(row.getString(column)).append(' ');
                            }
                            rows.add(line.toString().strip());
                        }
                    }
                }
                return rows;
            });
        }

        /** Runs every task at once, each in its own transaction opened before any of them writes. */
        private void race(List<Runnable> tasks) throws Exception {
            CyclicBarrier open = new CyclicBarrier(tasks.size());
            List<Future<Object>> done = new ArrayList<>();
            for (Runnable task : tasks) {
                done.add(racers.submit(() -> writing(() -> {
                    stores.referrals().countByStatus(UserId.newId());
                    try {
                        open.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    task.run();
                    return null;
                })));
            }
            for (Future<Object> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        }

        @Test
        void concurrentRegistrationsWithOneCodeAndStatusChangesAddUpToAFullRecount() throws Exception {
            User john = user("john");
            ReferralCode code = code(john, "John-1");
            List<Referral> earlier = new ArrayList<>();
            for (int i = 0; i < WRITERS / 2; i++) {
                earlier.add(referral(code, user("early" + i), NOW.minus(Duration.ofDays(i))));
            }
            List<User> referees = new ArrayList<>();
            for (int i = 0; i < WRITERS / 2; i++) {
                referees.add(user("late" + i));
            }
            List<Runnable> tasks = new ArrayList<>();
            for (User referee : referees) {
                tasks.add(() -> stores.referrals().add(Referral.reconstitute(
                        ReferralId.newId(), john.id(), referee.id(), code.id(),
                        NOW, ReferralStatus.PENDING, null, 0, null, null, null,
                        null), new ReferralRepository.Origin(referee.email(), Optional.empty())));
            }
            for (Referral referral : earlier) {
                tasks.add(() -> {
                    Referral locked = stores.referrals().lockById(referral.id()).orElseThrow();
                    locked.qualify(null, NOW);
                    stores.referrals().update(locked);
                    stores.ledger().append(List.of(new RewardEntry(UUID.randomUUID(), john.id(), 10,
                            RewardReason.REFERRAL_REFERRER, referral.id(), NOW)));
                });
            }

            race(tasks);

            List<String> maintained = summaryRows();
            sql(statement -> statement.execute("select referral_stats_rebuild()"));
            assertThat(maintained).as("summary rows kept by the triggers").containsExactlyElementsOf(summaryRows());
            assertThat(read(() -> stores.referrals().counts(john.id(), NOW.minus(Duration.ofDays(7)),
                    NOW.minus(Duration.ofDays(30))))).isEqualTo(new ReferralRepository.ReferralCounts(WRITERS,
                    WRITERS, WRITERS));
            assertThat(read(() -> stores.referrals().countByStatus(john.id()))).containsExactlyInAnyOrderEntriesOf(
                    Map.of(ReferralStatus.PENDING, (long) WRITERS / 2,
                            ReferralStatus.QUALIFIED, (long) WRITERS / 2));
            assertThat(read(() -> stores.referrals().countByCode(List.of(code.id())))).containsEntry(code.id(),
                    (long) WRITERS);
            assertThat(read(() -> stores.ledger().balance(john.id()))).isEqualTo(10L * WRITERS / 2);
        }

        @Test
        void rowsWrittenWithPlainSqlAreCountedToo() {
            User john = user("john");
            ReferralCode code = code(john, "John-1");
            User jane = user("jane");
            sql(statement -> statement.executeUpdate("insert into referrals (id, referrer_id, referee_id, code_id,"
                    + " created_at, status, points, referee_mailbox) values (gen_random_uuid(), '" + john.id().value()
                    + "', '" + jane.id().value() + "', '" + code.id().value() + "', now(), 'FLAGGED', 0, 'jane')"));
            sql(statement -> statement.executeUpdate("update referrals set status = 'VOIDED', voided_at = now()"));

            assertThat(read(() -> stores.referrals().countByStatus(john.id()))).containsExactly(
                    Map.entry(ReferralStatus.VOIDED, 1L));
            assertThat(read(() -> stores.referrals().countsPerCode(john.id())))
                    .extracting(ReferralRepository.CodeReferralCount::referrals).containsExactly(1L);
        }
    }

    /** The lifecycle's locks, which only a real database with concurrent transactions can show. */
    @Nested
    class Locks extends RepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptied();
        }

        private HeldTransaction other;

        @BeforeEach
        void prepareTheOtherTransaction() {
            other = new HeldTransaction(unitOfWork);
        }

        @AfterEach
        void stopTheOtherTransaction() {
            other.close();
        }

        private Referral qualified(ReferralCode code, String referee) {
            Referral referral = referral(code, user(referee), NOW);
            write(() -> {
                Referral locked = stores.referrals().lockById(referral.id()).orElseThrow();
                locked.qualify(null, NOW);
                stores.referrals().update(locked);
            });
            return referral;
        }

        @Test
        void claimsSkipTheReferralsAnotherTransactionHasClaimed() throws Exception {
            ReferralCode code = code(user("john"), "John-1");
            List<Referral> due = List.of(qualified(code, "first"), qualified(code, "second"),
                    qualified(code, "third"));

            Future<List<Referral>> first = other.hold(() -> stores.referrals().claimQualified(NOW, 2));
            List<Referral> second = writing(() -> stores.referrals().claimQualified(NOW, 10));
            other.release();

            assertThat(first.get()).hasSize(2);
            assertThat(second).hasSize(1);
            assertThat(Stream.concat(first.get().stream(), second.stream()).map(Referral::id))
                    .containsExactlyInAnyOrderElementsOf(due.stream().map(Referral::id).toList());
        }

        @Test
        void aReferrersRewardLockIsHeldUntilTheTransactionEnds() throws Exception {
            User john = user("john");
            String tryLock = "select count(*) filter (where pg_try_advisory_lock(classid::int, objid::int))"
                    + " from pg_locks where locktype = 'advisory' and granted";

            Future<Void> holder = other.hold(() -> {
                stores.referrals().lockRewardsOf(john.id());
                return null;
            });

            assertThat(number(tryLock)).as("another session gets the lock").isZero();
            other.release();
            holder.get();
            assertThat(number("select count(*) from pg_locks where locktype = 'advisory'"))
                    .as("advisory locks left after commit").isZero();
        }

        @Test
        void aSecondReferralOfOneMailboxRacingPastTheCheckIsRefusedByTheIndex() {
            ReferralCode code = code(user("john"), "John-1");
            User bob = User.register(UserId.newId(), new Username("bob"), new Email("bob@gmail.com"), null, HASH,
                    Set.of(), null, NOW);
            User again = User.register(UserId.newId(), new Username("bob2"), new Email("b.ob+x@gmail.com"), null, HASH,
                    Set.of(), null, NOW);
            write(() -> {
                stores.users().add(bob);
                stores.users().add(again);
            });
            referral(code, bob, NOW);

            assertThatThrownBy(() -> referral(code, again, NOW))
                    .isInstanceOfSatisfying(RuleViolationException.class,
                            e -> assertThat(e.code()).isEqualTo("mailbox-already-referred"));
        }
    }

    /**
     * Sessions against a logout or a password reset racing them: the use cases over the PostgreSQL adapters, one of
     * them paused with its refresh token written and not committed while the other runs. Snapshots and row locks
     * decide the outcome, which only a real database can show.
     */
    @Nested
    class SessionRaces extends RepositoryContract {
        private static final String NEW_PASSWORD = "a brand new passphrase";

        @Override
        protected Stores emptyStores() {
            return emptied();
        }

        private final MutableClock clock = new MutableClock(NOW);
        private final FakeTokenIssuer accessTokens = new FakeTokenIssuer();
        private final FakeTokenSecrets secrets = new FakeTokenSecrets();
        private final FakePasswordHasher hasher = new FakePasswordHasher(new FakeUnitOfWork());
        private final ExecutorService racers = Executors.newFixedThreadPool(2);
        private PausingRefreshTokens tokens;
        private AuthenticateUserService login;
        private RefreshAccessTokenService refresh;
        private LogOutService logOut;
        private ResetPasswordService reset;
        private User jane;

        @BeforeEach
        void wireTheUseCases() {
            tokens = new PausingRefreshTokens(refreshTokens);
            SessionTokens sessions = new SessionTokens(accessTokens, users, tokens, secrets,
                    new FakeAccessTokenDenyList(clock), unitOfWork, SessionTokens.Policy.defaults(), clock);
            RecordingSecurityEventLog securityLog = new RecordingSecurityEventLog();
            LoginLockout lockout = new LoginLockout(loginThrottles, unitOfWork, LoginLockout.Policy.defaults(),
                    securityLog, clock);
            login = new AuthenticateUserService(users, hasher, sessions, lockout, new FakeDeviceTokens(),
                    Fixture.DEVICE_LIFETIME, unitOfWork, clock);
            refresh = new RefreshAccessTokenService(users, tokens, sessions, unitOfWork, Duration.ofDays(90),
                    securityLog, clock);
            logOut = new LogOutService(users, tokens, sessions, unitOfWork, clock);
            reset = new ResetPasswordService(users, resetTokens, tokens, hasher, sessions, lockout,
                    new FakePasswordChangedMailer(new FakeUnitOfWork()), securityLog, unitOfWork, clock);
            jane = User.register(UserId.newId(), new Username("jane"), new Email("jane@example.com"), null,
                    FakePasswordHasher.hashOf(Fixture.PASSWORD), Set.of(), null, NOW);
            write(() -> stores.users().add(jane));
        }

        @AfterEach
        void stopTheRacers() {
            tokens.resume();
            racers.shutdownNow();
        }

        @Test
        void concurrentWrongPasswordsFromOneNetworkAreCountedOneAfterTheOtherAndNeverBeyondTheBudget()
                throws Exception {
            ExecutorService guessers = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Boolean>> refused = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    refused.add(guessers.submit(() -> {
                        start.await();
                        try {
                            login.authenticate(new AuthenticateUserCommand(new LoginName("jane"),
                                    new PresentedPassword("not the password"), "198.51.100.7", Optional.empty()));
                            return false;
                        } catch (AuthenticationFailedException e) {
                            return true;
                        }
                    }));
                }
                start.countDown();
                for (Future<Boolean> each : refused) {
                    assertThat(each.get(30, TimeUnit.SECONDS)).isTrue();
                }
            } finally {
                guessers.shutdownNow();
            }

            // Five admitted (the account's bucket counts exactly those), the sixth locked the network's bucket once,
            // the other ten were refused by that lock.
            assertThat(number("select sum(failures) from login_throttles")).isEqualTo(5);
            assertThat(number("select sum(lockouts) from login_throttles")).isEqualTo(1);
        }

        @Test
        void aRefreshInFlightWhileItsSessionIsLoggedOutLeavesNoLiveSuccessor() throws Exception {
            IssuedTokens first = logIn();
            SessionId session = accessTokens.sessions().get(0);

            IssuedTokens successor = whileTheTokenIsAdded(
                    () -> refresh.refresh(new RefreshAccessTokenCommand(first.refreshToken())),
                    () -> logOut.logOut(new LogOutCommand(Fixture.callerOf(jane), session, "jti-1",
                            NOW.plus(FakeTokenIssuer.LIFETIME))));

            assertThat(liveTokens()).isZero();
            assertRefused(successor);
        }

        @Test
        void aRefreshInFlightWhileThePasswordIsResetLeavesNoLiveSuccessor() throws Exception {
            IssuedTokens first = logIn();
            String link = resetLink();

            IssuedTokens successor = whileTheTokenIsAdded(
                    () -> refresh.refresh(new RefreshAccessTokenCommand(first.refreshToken())),
                    () -> reset.reset(new ResetPasswordCommand(link, new Password(NEW_PASSWORD))));

            assertThat(liveTokens()).isZero();
            assertRefused(successor);
        }

        @Test
        void aLoginOpeningItsSessionWhileThePasswordIsResetEndsWithTheReset() throws Exception {
            String link = resetLink();

            IssuedTokens opened = whileTheTokenIsAdded(this::logIn,
                    () -> reset.reset(new ResetPasswordCommand(link, new Password(NEW_PASSWORD))));

            assertThat(liveTokens()).isZero();
            assertRefused(opened);
        }

        @Test
        void aLoginThatCheckedTheOldPasswordBeforeTheResetCommittedOpensNoSession() {
            String link = resetLink();
            hasher.duringNextCheck(() -> reset.reset(new ResetPasswordCommand(link, new Password(NEW_PASSWORD))));

            assertThatThrownBy(this::logIn).isInstanceOfSatisfying(AuthenticationFailedException.class,
                    e -> assertThat(e.code()).isEqualTo("invalid-credentials"));

            assertThat(number("select count(*) from refresh_tokens")).isZero();
            assertThat(number("select session_epoch from users")).isEqualTo(1);
        }

        /**
         * Runs {@code adding} until it has written a refresh token, then {@code racing} until it waits for a lock
         * (or has finished), then lets {@code adding} commit; returns what {@code adding} returned once both ended.
         */
        private IssuedTokens whileTheTokenIsAdded(Callable<IssuedTokens> adding, Runnable racing) throws Exception {
            tokens.pauseAfterNextAdd();
            Future<IssuedTokens> added = racers.submit(adding);
            tokens.awaitPaused(added);
            Future<?> raced = racers.submit(racing);
            long deadline = System.nanoTime() + PausingRefreshTokens.PATIENCE.toNanos();
            while (number("select count(*) from pg_locks where not granted") == 0) {
                try {
                    raced.get(20, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException stillRunning) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the racing work neither waited nor ended", stillRunning);
                    }
                }
            }
            tokens.resume();
            long patience = PausingRefreshTokens.PATIENCE.toMillis();
            IssuedTokens result = added.get(patience, TimeUnit.MILLISECONDS);
            raced.get(patience, TimeUnit.MILLISECONDS);
            return result;
        }

        private IssuedTokens logIn() {
            return login.authenticate(Fixture.credentials("jane", Fixture.PASSWORD));
        }

        private String resetLink() {
            String secret = "reset-" + UUID.randomUUID();
            write(() -> stores.resetTokens().add(SingleUseToken.issue(UUID.randomUUID(), jane.id(),
                    secrets.digestOf(secret), NOW, Duration.ofMinutes(30))));
            return secret;
        }

        private long liveTokens() {
            return number("select count(*) from refresh_tokens where status = 'ACTIVE'");
        }

        private void assertRefused(IssuedTokens tokens) {
            assertThatThrownBy(() -> refresh.refresh(new RefreshAccessTokenCommand(tokens.refreshToken())))
                    .isInstanceOfSatisfying(AuthenticationFailedException.class,
                            e -> assertThat(e.code()).isEqualTo("invalid-grant"));
        }
    }
}
