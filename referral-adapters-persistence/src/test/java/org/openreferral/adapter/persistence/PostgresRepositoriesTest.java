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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.EmailVerificationTokenRepository;
import org.openreferral.application.account.port.out.PasswordResetTokenRepository;
import org.openreferral.application.account.port.out.RefreshTokenRepository;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.contract.EmailVerificationTokenRepositoryContract;
import org.openreferral.application.contract.PasswordResetTokenRepositoryContract;
import org.openreferral.application.contract.ReferralCodeRepositoryContract;
import org.openreferral.application.contract.ReferralRepositoryContract;
import org.openreferral.application.contract.RepositoryContract;
import org.openreferral.application.contract.RefreshTokenRepositoryContract;
import org.openreferral.application.contract.RewardLedgerContract;
import org.openreferral.application.contract.Stores;
import org.openreferral.application.contract.UserRepositoryContract;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.referral.port.out.RewardLedger;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.RewardPolicy;
import org.openreferral.domain.model.user.Email;
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
        return new Stores(unitOfWork, users, codes, referrals, ledger, refreshTokens, resetTokens, verificationTokens);
    }

    /** Plain SQL on a connection of its own, outside the adapters and their transactions. */
    <T> T sql(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return work.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
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
    class VerificationTokens extends EmailVerificationTokenRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptied();
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
            write(() -> stores.ledger().append(RewardPolicy.defaults().rewardsFor(referral)));

            assertThatThrownBy(() -> sql(statement -> statement.executeUpdate("update reward_entries set points = 9")))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql(statement -> statement.executeUpdate("delete from reward_entries")))
                    .hasMessageContaining("append-only");
            assertThat(read(() -> stores.ledger().balance(john.id()))).isEqualTo(10);
        }
    }
}
