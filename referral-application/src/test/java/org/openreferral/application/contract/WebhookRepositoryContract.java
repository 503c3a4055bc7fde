package org.openreferral.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.application.integration.port.in.PurgeWebhookDeliveriesUseCase.PurgeWebhookDeliveriesCommand;
import org.openreferral.application.integration.service.PurgeWebhookDeliveriesService;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.webhook.DeliveryStatus;
import org.openreferral.domain.model.webhook.EventSelection;
import org.openreferral.domain.model.webhook.RetrySchedule;
import org.openreferral.domain.model.webhook.WebhookDelivery;
import org.openreferral.domain.model.webhook.WebhookEndpoint;
import org.openreferral.domain.model.webhook.WebhookId;
import org.openreferral.domain.model.webhook.WebhookSecret;
import org.openreferral.domain.model.webhook.WebhookUrl;

/**
 * Contract of the webhook ports: endpoints read back as stored and list by owner, attempts are claimed once per
 * lease and only the claim's holder writes the outcome, deleting an endpoint takes its attempts, the purge takes
 * only finished attempts past the cutoff and a bounded number per call, and the cursor.
 */
public abstract class WebhookRepositoryContract {

    protected static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    protected WebhookStores stores;

    /** Webhook stores of the implementation under test, holding nothing. */
    protected abstract WebhookStores emptyWebhookStores();

    @BeforeEach
    void openEmptyStores() {
        stores = emptyWebhookStores();
    }

    protected <T> T writing(Supplier<T> work) {
        return stores.unitOfWork().inTransaction(work);
    }

    protected void write(Runnable work) {
        writing(() -> {
            work.run();
            return null;
        });
    }

    protected <T> T read(Supplier<T> work) {
        return stores.unitOfWork().reading(work);
    }

    protected static WebhookSecret secret(int seed) {
        byte[] key = new byte[WebhookSecret.KEY_BYTES];
        key[0] = (byte) seed;
        return WebhookSecret.of(key);
    }

    protected WebhookEndpoint endpoint(Optional<UUID> owner, int secondsAfterNow) {
        WebhookEndpoint endpoint = WebhookEndpoint.create(WebhookId.newId(), owner,
                new WebhookUrl("https://hooks.example.com/in?x=" + secondsAfterNow),
                new EventSelection(Set.of("referral.rewarded", "code.created")), Optional.of("crm"), secret(1),
                NOW.plusSeconds(secondsAfterNow));
        write(() -> stores.endpoints().add(endpoint));
        return endpoint;
    }

    protected WebhookDelivery pending(WebhookEndpoint endpoint, Instant due) {
        WebhookDelivery delivery = WebhookDelivery.first(endpoint.id(), UUID.randomUUID(), "code.created",
                "{\"id\":1}", due);
        write(() -> stores.deliveries().add(delivery));
        return delivery;
    }

    /** An attempt made at {@code finishedAt}: SUCCEEDED, or FAILED with no retry left. */
    protected WebhookDelivery finished(WebhookEndpoint endpoint, Instant finishedAt, boolean succeeded) {
        WebhookDelivery delivery = pending(endpoint, finishedAt.minusSeconds(1));
        if (succeeded) {
            delivery.succeed(200, Duration.ofMillis(5), finishedAt);
        } else {
            delivery.fail(Optional.of(500), Duration.ofMillis(5), finishedAt, new RetrySchedule(List.of()), 0);
        }
        write(() -> stores.deliveries().update(delivery));
        return delivery;
    }

    private Set<UUID> logOf(WebhookEndpoint endpoint) {
        return read(() -> stores.deliveries().listFor(endpoint.id(), new PageRequest(1, PageRequest.MAX_SIZE)))
                .items().stream().map(WebhookDelivery::id).collect(Collectors.toSet());
    }

    @Test
    void anEndpointReadsBackAsStoredWithItsRotatedSecret() {
        UUID client = UUID.randomUUID();
        WebhookEndpoint stored = endpoint(Optional.of(client), 0);
        write(() -> {
            WebhookEndpoint locked = stores.endpoints().lockById(stored.id()).orElseThrow();
            locked.rotateSecret(secret(2), NOW, Duration.ofDays(1));
            locked.recordFailure(50);
            stores.endpoints().update(locked);
        });

        WebhookEndpoint read = read(() -> stores.endpoints().findById(stored.id())).orElseThrow();

        assertThat(read.ownerClient()).contains(client);
        assertThat(read.url()).isEqualTo(stored.url());
        assertThat(read.events().names()).containsExactly("code.created", "referral.rewarded");
        assertThat(read.description()).contains("crm");
        assertThat(read.enabled()).isTrue();
        assertThat(read.consecutiveFailures()).isEqualTo(1);
        assertThat(read.secret()).isEqualTo(secret(2));
        assertThat(read.signingSecrets(NOW)).containsExactly(secret(2), secret(1));
        assertThat(read.signingSecrets(NOW.plus(Duration.ofDays(1)))).containsExactly(secret(2));
        assertThat(read.createdAt()).isEqualTo(NOW);
        assertThat(read(() -> stores.endpoints().findById(WebhookId.newId()))).isEmpty();
    }

    @Test
    void endpointsListOldestFirstForEveryoneOrForOneOwner() {
        UUID crm = UUID.randomUUID();
        WebhookEndpoint third = endpoint(Optional.of(crm), 20);
        WebhookEndpoint first = endpoint(Optional.empty(), 0);
        WebhookEndpoint second = endpoint(Optional.of(crm), 10);

        Page<WebhookEndpoint> all = read(() -> stores.endpoints().list(Optional.empty(), new PageRequest(1, 2)));
        assertThat(all.items()).extracting(WebhookEndpoint::id).containsExactly(first.id(), second.id());
        assertThat(all.total()).isEqualTo(3);
        assertThat(read(() -> stores.endpoints().list(Optional.of(Optional.of(crm)), PageRequest.first())).items())
                .extracting(WebhookEndpoint::id).containsExactly(second.id(), third.id());
        assertThat(read(() -> stores.endpoints().list(Optional.of(Optional.empty()), PageRequest.first())).items())
                .extracting(WebhookEndpoint::id).containsExactly(first.id());
        assertThat(read(() -> stores.endpoints().enabled())).hasSize(3);
    }

    @Test
    void dueAttemptsAreClaimedOncePerLeaseAndAgainAfterIt() {
        WebhookEndpoint endpoint = endpoint(Optional.empty(), 0);
        WebhookDelivery due = pending(endpoint, NOW);
        pending(endpoint, NOW.plusSeconds(60));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        assertThat(writing(() -> stores.deliveries().claimDue(NOW, first, NOW.plus(LEASE), 10)))
                .extracting(WebhookDelivery::id).containsExactly(due.id());
        assertThat(writing(() -> stores.deliveries().claimDue(NOW.plusSeconds(29), second, NOW.plus(LEASE), 10)))
                .isEmpty();
        assertThat(writing(() -> stores.deliveries().claimDue(NOW.plus(LEASE), second,
                NOW.plus(LEASE).plus(LEASE), 1))).extracting(WebhookDelivery::id).containsExactly(due.id());

        assertThat(writing(() -> stores.deliveries().lockClaimed(due.id(), first))).as("lease lost").isEmpty();
        assertThat(writing(() -> stores.deliveries().lockClaimed(due.id(), second))).isPresent();
    }

    @Test
    void anOutcomeIsWrittenWithItsRetryAndReleasesTheClaim() {
        WebhookEndpoint endpoint = endpoint(Optional.empty(), 0);
        WebhookDelivery due = pending(endpoint, NOW);
        UUID claim = UUID.randomUUID();
        write(() -> stores.deliveries().claimDue(NOW, claim, NOW.plus(LEASE), 10));

        write(() -> {
            WebhookDelivery mine = stores.deliveries().lockClaimed(due.id(), claim).orElseThrow();
            mine.fail(Optional.of(502), Duration.ofMillis(40), NOW.plusSeconds(1),
                    new RetrySchedule(List.of(Duration.ofSeconds(5))), 0).ifPresent(stores.deliveries()::add);
            stores.deliveries().update(mine);
        });

        List<WebhookDelivery> log = read(() -> stores.deliveries().listFor(endpoint.id(), PageRequest.first()))
                .items();
        assertThat(log).extracting(WebhookDelivery::attempt).containsExactly(2, 1);
        WebhookDelivery failed = log.get(1);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.responseStatus()).contains(502);
        assertThat(failed.durationMs()).contains(40L);
        assertThat(failed.nextAttemptAt()).contains(NOW.plusSeconds(6));
        assertThat(failed.finishedAt()).contains(NOW.plusSeconds(1));
        assertThat(log.get(0).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(log.get(0).finishedAt()).isEmpty();
        assertThat(writing(() -> stores.deliveries().lockClaimed(due.id(), claim))).as("no longer pending").isEmpty();
        assertThat(writing(() -> stores.deliveries().claimDue(NOW.plusSeconds(6), UUID.randomUUID(),
                NOW.plusSeconds(36), 10))).extracting(WebhookDelivery::attempt).containsExactly(2);
    }

    @Test
    void aSecondCopyOfAnAttemptIsIgnored() {
        WebhookEndpoint endpoint = endpoint(Optional.empty(), 0);
        WebhookDelivery delivery = pending(endpoint, NOW);

        write(() -> stores.deliveries().add(WebhookDelivery.first(endpoint.id(), delivery.eventId(),
                delivery.eventType(), delivery.payload(), NOW)));

        assertThat(read(() -> stores.deliveries().listFor(endpoint.id(), PageRequest.first())).total()).isEqualTo(1);
    }

    @Test
    void attemptsOfDisabledOrDeletedEndpointsAreNotClaimed() {
        WebhookEndpoint off = endpoint(Optional.empty(), 0);
        WebhookEndpoint gone = endpoint(Optional.empty(), 1);
        pending(off, NOW);
        pending(gone, NOW);
        write(() -> {
            WebhookEndpoint locked = stores.endpoints().lockById(off.id()).orElseThrow();
            locked.disable();
            stores.endpoints().update(locked);
        });

        assertThat(writing(() -> stores.endpoints().delete(gone.id()))).isTrue();
        assertThat(writing(() -> stores.endpoints().delete(gone.id()))).isFalse();

        assertThat(writing(() -> stores.deliveries().claimDue(NOW, UUID.randomUUID(), NOW.plus(LEASE), 10)))
                .isEmpty();
        assertThat(read(() -> stores.deliveries().listFor(gone.id(), PageRequest.first())).total()).isZero();
        assertThat(read(() -> stores.endpoints().enabled())).isEmpty();
    }

    @Test
    void thePurgeTakesFinishedAttemptsOlderThanTheCutoffAndNothingElse() {
        WebhookEndpoint endpoint = endpoint(Optional.empty(), 0);
        Instant cutoff = NOW.plus(Duration.ofDays(30));
        WebhookDelivery claimed = pending(endpoint, NOW);
        UUID claim = UUID.randomUUID();
        write(() -> stores.deliveries().claimDue(NOW, claim, NOW.plus(LEASE), 10));
        WebhookDelivery unclaimed = pending(endpoint, NOW);
        finished(endpoint, NOW.plusSeconds(1), true);
        finished(endpoint, NOW.plusSeconds(2), false);
        WebhookDelivery superseded = pending(endpoint, NOW);
        WebhookDelivery retry = writing(() -> {
            WebhookDelivery next = superseded.fail(Optional.of(503), Duration.ofMillis(5), NOW.plusSeconds(3),
                    new RetrySchedule(List.of(Duration.ofDays(40))), 0).orElseThrow();
            stores.deliveries().update(superseded);
            stores.deliveries().add(next);
            return next;
        });
        WebhookDelivery atTheCutoff = finished(endpoint, cutoff, true);
        WebhookDelivery madeLate = pending(endpoint, NOW);
        madeLate.succeed(200, Duration.ofMillis(5), cutoff.plusSeconds(1));
        write(() -> stores.deliveries().update(madeLate));

        assertThat(writing(() -> stores.deliveries().purgeFinishedBefore(cutoff, 100))).isEqualTo(3);

        assertThat(logOf(endpoint)).as("pending (claimed or not) and finished at or after the cutoff")
                .containsExactlyInAnyOrder(claimed.id(), unclaimed.id(), retry.id(), atTheCutoff.id(), madeLate.id());
        assertThat(writing(() -> stores.deliveries().lockClaimed(claimed.id(), claim))).as("still claimed")
                .isPresent();
    }

    @Test
    void thePurgeDeletesAtMostItsLimitPerCall() {
        WebhookEndpoint endpoint = endpoint(Optional.empty(), 0);
        for (int i = 0; i < 5; i++) {
            finished(endpoint, NOW.plusSeconds(i), i % 2 == 0);
        }
        Instant cutoff = NOW.plus(Duration.ofDays(1));

        assertThat(writing(() -> stores.deliveries().purgeFinishedBefore(cutoff, 2))).isEqualTo(2);
        assertThat(logOf(endpoint)).hasSize(3);
        assertThat(writing(() -> stores.deliveries().purgeFinishedBefore(cutoff, 2))).isEqualTo(2);
        assertThat(writing(() -> stores.deliveries().purgeFinishedBefore(cutoff, 2))).isOne();
        assertThat(writing(() -> stores.deliveries().purgeFinishedBefore(cutoff, 2))).isZero();
        assertThat(logOf(endpoint)).isEmpty();
    }

    @Test
    void thePurgeUseCaseLoopsBatchByBatchUntilTheBacklogIsGone() {
        WebhookEndpoint endpoint = endpoint(Optional.empty(), 0);
        for (int i = 0; i < 7; i++) {
            finished(endpoint, NOW.plusSeconds(i), true);
        }
        WebhookDelivery recent = finished(endpoint, NOW.plus(Duration.ofDays(30)), true);
        WebhookDelivery waiting = pending(endpoint, NOW);
        Clock clock = Clock.fixed(NOW.plus(Duration.ofDays(30)).plusSeconds(10), ZoneOffset.UTC);
        PurgeWebhookDeliveriesService purge = new PurgeWebhookDeliveriesService(stores.deliveries(),
                stores.unitOfWork(), clock, 3);

        assertThat(purge.purge(new PurgeWebhookDeliveriesCommand(Duration.ofDays(30)))).isEqualTo(7);

        assertThat(logOf(endpoint)).containsExactlyInAnyOrder(recent.id(), waiting.id());
    }

    @Test
    void theCursorStartsAtZeroAndMoves() {
        assertThat(writing(() -> {
            var position = stores.cursor().tryLock();
            if (position.isEmpty()) {
                position = stores.cursor().tryLock();
            }
            stores.cursor().moveTo(position.orElseThrow() + 7);
            return position.getAsLong();
        })).isZero();
        assertThat(writing(() -> stores.cursor().tryLock().orElseThrow())).isEqualTo(7);
    }
}
