package org.openreferral.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openreferral.application.contract.WebhookRepositoryContract;
import org.openreferral.application.contract.WebhookStores;
import org.openreferral.application.integration.port.out.WebhookDeliveryRepository;
import org.openreferral.application.integration.port.out.WebhookDispatchCursor;
import org.openreferral.application.integration.port.out.WebhookEndpointRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.webhook.WebhookDelivery;
import org.openreferral.domain.model.webhook.WebhookEndpoint;

/**
 * The webhook contract against PostgreSQL, and what only a real database shows: workers claiming at the same moment
 * split the due attempts between them, each attempt claimed once; attempts stored before their finishing time was
 * kept are purged by their creation, through the purge's index. Shares the Quarkus boot of
 * {@link PostgresRepositoriesTest} (same test resource).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class PostgresWebhooksTest {

    @Inject
    UnitOfWork unitOfWork;
    @Inject
    WebhookEndpointRepository endpoints;
    @Inject
    WebhookDeliveryRepository deliveries;
    @Inject
    WebhookDispatchCursor cursor;
    @Inject
    DataSource dataSource;

    WebhookStores emptied() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("truncate webhook_deliveries, webhook_endpoints, webhook_dispatch_cursor");
            statement.executeUpdate("insert into webhook_dispatch_cursor (id, last_sequence) values (1, 0)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new WebhookStores(unitOfWork, endpoints, deliveries, cursor);
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class Contract extends WebhookRepositoryContract {
        @Override
        protected WebhookStores emptyWebhookStores() {
            return emptied();
        }

        @Test
        void anAttemptStoredWithoutItsFinishingTimeIsPurgedByItsCreation() {
            WebhookEndpoint endpoint = endpoint(Optional.empty(), 0);
            finished(endpoint, NOW, true); // created a second before NOW
            execute("update webhook_deliveries set finished_at = null");

            assertThat(unitOfWork.inTransaction(() -> deliveries.purgeFinishedBefore(NOW.minusSeconds(1), 10)))
                    .isZero();
            assertThat(unitOfWork.inTransaction(() -> deliveries.purgeFinishedBefore(NOW, 10))).isOne();
        }

        @Test
        void thePurgeFindsOldFinishedAttemptsThroughItsIndex() throws SQLException {
            StringBuilder plan = new StringBuilder();
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                // Tiny tables are cheaper to scan; without that option the planner would not show the index.
                statement.execute("set enable_seqscan = off");
                try (ResultSet rows = statement.executeQuery("explain select id from webhook_deliveries"
                        + " where status <> 'PENDING' and coalesce(finished_at, created_at)"
                        + " < timestamptz '2026-03-01T10:00:00Z' limit 1000 for update skip locked")) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                statement.execute("reset enable_seqscan");
            }

            assertThat(plan.toString()).contains("webhook_deliveries_finished_idx");
        }

        @Test
        void workersClaimingTogetherSplitTheDueAttemptsAndNoneIsClaimedTwice() throws Exception {
            WebhookEndpoint endpoint = endpoint(Optional.empty(), 0);
            Set<UUID> due = new HashSet<>();
            for (int i = 0; i < 60; i++) {
                due.add(pending(endpoint, NOW).id());
            }
            int workers = 4;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(workers);
            try {
                List<Future<List<UUID>>> claims = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    claims.add(threads.submit(() -> {
                        start.await();
                        List<UUID> mine = new ArrayList<>();
                        UUID claim = UUID.randomUUID();
                        Instant lease = NOW.plusSeconds(30);
                        List<WebhookDelivery> batch;
                        do {
                            batch = unitOfWork.inTransaction(() -> deliveries.claimDue(NOW, claim, lease, 3));
                            batch.forEach(delivery -> mine.add(delivery.id()));
                        } while (!batch.isEmpty());
                        return mine;
                    }));
                }
                start.countDown();
                List<UUID> claimed = new ArrayList<>();
                for (Future<List<UUID>> worker : claims) {
                    claimed.addAll(worker.get());
                }
                assertThat(claimed).doesNotHaveDuplicates();
                assertThat(new HashSet<>(claimed)).isEqualTo(due);
            } finally {
                threads.shutdownNow();
            }
        }
    }
}
