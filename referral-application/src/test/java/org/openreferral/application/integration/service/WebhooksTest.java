package org.openreferral.application.integration.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openreferral.application.fakes.FakeUnitOfWork;
import org.openreferral.application.fakes.InMemoryEventOutbox;
import org.openreferral.application.fakes.InMemoryWebhookDeliveryRepository;
import org.openreferral.application.fakes.InMemoryWebhookDispatchCursor;
import org.openreferral.application.fakes.InMemoryWebhookEndpointRepository;
import org.openreferral.application.fakes.MutableClock;
import org.openreferral.application.integration.port.in.CreateWebhookUseCase.CreateWebhookCommand;
import org.openreferral.application.integration.port.in.CreateWebhookUseCase.CreatedWebhook;
import org.openreferral.application.integration.port.in.DeleteWebhookUseCase.DeleteWebhookCommand;
import org.openreferral.application.integration.port.in.DeliverWebhooksUseCase.DeliverWebhooksCommand;
import org.openreferral.application.integration.port.in.DispatchWebhookEventsUseCase.DispatchWebhookEventsCommand;
import org.openreferral.application.integration.port.in.GetWebhookUseCase.GetWebhookQuery;
import org.openreferral.application.integration.port.in.ListWebhooksUseCase.ListWebhooksQuery;
import org.openreferral.application.integration.port.in.PurgeWebhookDeliveriesUseCase.PurgeWebhookDeliveriesCommand;
import org.openreferral.application.integration.port.in.RotateWebhookSecretUseCase.RotateWebhookSecretCommand;
import org.openreferral.application.integration.port.in.TestWebhookUseCase.TestWebhookCommand;
import org.openreferral.application.integration.port.in.UpdateWebhookUseCase.UpdateWebhookCommand;
import org.openreferral.application.integration.port.in.WebhookView;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.integration.port.out.OutboxEvent;
import org.openreferral.application.integration.port.out.WebhookSender;
import org.openreferral.application.integration.port.out.WebhookSender.SendResult;
import org.openreferral.application.integration.port.out.WebhookSender.WebhookRequest;
import org.openreferral.application.integration.port.out.WebhookSignatures;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.application.shared.error.PermissionDeniedException;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.error.RuleViolationException;
import org.openreferral.domain.model.client.Scope;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.webhook.DeliveryStatus;
import org.openreferral.domain.model.webhook.EventSelection;
import org.openreferral.domain.model.webhook.RetrySchedule;
import org.openreferral.domain.model.webhook.WebhookDelivery;
import org.openreferral.domain.model.webhook.WebhookId;
import org.openreferral.domain.model.webhook.WebhookUrl;

/**
 * Webhooks over in-memory stores: who manages which endpoint, fan-out rules, signatures, retries with jitter,
 * auto-disable, the claims that keep workers apart and recover a crashed worker's attempts after their lease, and
 * the delivery log's retention.
 */
class WebhooksTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Executor NOW_ON_THIS_THREAD = Runnable::run;

    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryWebhookEndpointRepository endpoints = new InMemoryWebhookEndpointRepository(unitOfWork);
    private final InMemoryWebhookDeliveryRepository deliveries =
            new InMemoryWebhookDeliveryRepository(unitOfWork, endpoints);
    private final InMemoryWebhookDispatchCursor cursor = new InMemoryWebhookDispatchCursor(unitOfWork);
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox(unitOfWork);
    private final ScriptedSender sender = new ScriptedSender();
    private final WebhookUrlGuard guard = new WebhookUrlGuard(
            host -> List.of(WebhookUrlGuard.literal(host.equals("localhost") ? "127.0.0.1" : "93.184.216.34")),
            true, true);
    private double jitter;

    private final Caller admin = new Caller(UserId.newId(), true);
    private final Caller crm = Caller.client(UserId.newId(), Set.of(Scope.WEBHOOKS_WRITE));
    private final Caller shop = Caller.client(UserId.newId(), Set.of(Scope.WEBHOOKS_WRITE));

    private final CreateWebhookService create = new CreateWebhookService(endpoints, guard, unitOfWork, clock);
    private final UpdateWebhookService update = new UpdateWebhookService(endpoints, guard, unitOfWork);
    private final DispatchWebhookEventsService dispatcher = new DispatchWebhookEventsService(outbox, cursor,
            endpoints, deliveries, event -> "{\"id\":\"" + event.id() + "\",\"sequence\":" + event.sequence() + "}",
            unitOfWork);
    private final DeliverWebhooksService.Policy policy = new DeliverWebhooksService.Policy(
            new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5))), 4, LEASE);

    /** Names what it signed with, so a test sees which secrets sign (the HMAC itself is the adapter's). */
    private static final WebhookSignatures SIGNATURES = (secrets, id, timestamp, body) -> secrets.stream()
            .map(secret -> "signed(" + secret.value() + "," + id + "," + timestamp + "," + body.length() + ")")
            .collect(Collectors.joining(" "));

    private static String signed(String secret, String id, String timestamp, String body) {
        return "signed(" + secret + "," + id + "," + timestamp + "," + body.length() + ")";
    }

    private DeliverWebhooksService worker(WebhookUrlGuard urlGuard) {
        return new DeliverWebhooksService(deliveries, endpoints, sender, SIGNATURES, urlGuard, unitOfWork, clock,
                policy, () -> jitter);
    }

    private final DeliverWebhooksService worker = worker(guard);

    /** Answers with the scripted results in order (200 once the script runs out) and keeps what it was sent. */
    private static final class ScriptedSender implements WebhookSender {
        final Deque<SendResult> script = new ArrayDeque<>();
        final List<WebhookRequest> sent = new ArrayList<>();

        @Override
        public SendResult send(WebhookRequest request) {
            sent.add(request);
            return script.isEmpty() ? SendResult.answered(200, Duration.ofMillis(12)) : script.poll();
        }
    }

    private CreatedWebhook subscribe(Caller caller, String... events) {
        return create.create(new CreateWebhookCommand(caller, new WebhookUrl("https://hooks.example.com/in"),
                new EventSelection(Set.of(events)), Optional.empty()));
    }

    private static WebhookId id(CreatedWebhook created) {
        return new WebhookId(created.webhook().id());
    }

    private UUID event(EventType type) {
        UUID id = UUID.randomUUID();
        unitOfWork.inTransaction(() -> {
            outbox.append(new OutboxEvent(id, type, clock.instant(), Map.of("points", 10), Optional.empty()));
            return outbox.sequencePending(100);
        });
        return id;
    }

    private void dispatch() {
        unitOfWork.inTransaction(() -> outbox.sequencePending(100));
        dispatcher.dispatch(new DispatchWebhookEventsCommand(100));
    }

    private int deliver() {
        return worker.deliverDue(new DeliverWebhooksCommand(10, NOW_ON_THIS_THREAD));
    }

    private List<WebhookDelivery> attempts(CreatedWebhook endpoint) {
        return deliveries.all().stream().filter(d -> d.endpoint().equals(id(endpoint)))
                .sorted(Comparator.comparingInt(WebhookDelivery::attempt)).toList();
    }

    private WebhookView view(CreatedWebhook endpoint) {
        return new GetWebhookService(endpoints, unitOfWork).get(new GetWebhookQuery(admin, id(endpoint)));
    }

    @Test
    void anEventGoesToEnabledSubscribersThatExistedWhenItWasCreated() {
        clock.set(NOW.minusSeconds(60));
        event(EventType.REFERRAL_REWARDED); // older than every endpoint
        clock.set(NOW);
        CreatedWebhook rewards = subscribe(admin, "referral.rewarded");
        CreatedWebhook everything = subscribe(admin, "*");
        CreatedWebhook codes = subscribe(admin, "code.created");
        CreatedWebhook off = subscribe(admin, "*");
        update.update(new UpdateWebhookCommand(admin, id(off), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(false)));

        UUID rewarded = event(EventType.REFERRAL_REWARDED);
        dispatch();

        assertThat(attempts(rewards)).extracting(WebhookDelivery::eventId).containsExactly(rewarded);
        assertThat(attempts(everything)).extracting(WebhookDelivery::eventId).containsExactly(rewarded);
        assertThat(attempts(codes)).isEmpty();
        assertThat(attempts(off)).isEmpty();
        assertThat(cursor.position()).isEqualTo(2);
    }

    @Test
    void aTestEventGoesToItsEndpointOnly() {
        CreatedWebhook target = subscribe(admin, "referral.rewarded");
        CreatedWebhook other = subscribe(admin, "*");

        new TestWebhookService(endpoints, outbox, unitOfWork, clock).test(new TestWebhookCommand(admin, id(target)));
        dispatch();

        assertThat(attempts(target)).extracting(WebhookDelivery::eventType).containsExactly("webhook.test");
        assertThat(attempts(other)).isEmpty();
    }

    @Test
    void noDispatchWhileAnotherInstanceHoldsTheCursor() {
        CreatedWebhook everything = subscribe(admin, "*");
        event(EventType.CODE_CREATED);

        cursor.holdElsewhere(true);
        dispatch();
        assertThat(attempts(everything)).isEmpty();

        cursor.holdElsewhere(false);
        dispatch();
        dispatch();
        assertThat(attempts(everything)).hasSize(1);
    }

    @Test
    void aDeliveryCarriesTheStandardWebhooksHeadersAndSignature() {
        CreatedWebhook endpoint = subscribe(admin, "*");
        UUID eventId = event(EventType.CODE_CREATED);
        dispatch();

        assertThat(deliver()).isEqualTo(1);

        WebhookRequest request = sender.sent.get(0);
        String timestamp = Long.toString(NOW.getEpochSecond());
        assertThat(request.url().value()).isEqualTo("https://hooks.example.com/in");
        assertThat(request.address()).isEqualTo(WebhookUrlGuard.literal("93.184.216.34"));
        assertThat(request.headers()).containsEntry("webhook-id", eventId.toString())
                .containsEntry("webhook-timestamp", timestamp)
                .containsEntry("content-type", "application/json")
                .containsEntry("webhook-signature",
                        signed(endpoint.secret(), eventId.toString(), timestamp, request.body()));
        assertThat(attempts(endpoint)).singleElement().satisfies(attempt -> {
            assertThat(attempt.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
            assertThat(attempt.responseStatus()).contains(200);
            assertThat(attempt.durationMs()).contains(12L);
            assertThat(attempt.nextAttemptAt()).isEmpty();
        });
    }

    @Test
    void afterARotationBothSecretsSignUntilTheOverlapEnds() {
        CreatedWebhook endpoint = subscribe(admin, "*");
        String rotated = new RotateWebhookSecretService(endpoints, unitOfWork, clock, Duration.ofHours(1))
                .rotate(new RotateWebhookSecretCommand(admin, id(endpoint))).secret();
        UUID first = event(EventType.CODE_CREATED);
        dispatch();
        deliver();
        clock.advance(Duration.ofHours(1));
        UUID second = event(EventType.CODE_REVOKED);
        dispatch();
        deliver();

        String ts1 = Long.toString(NOW.getEpochSecond());
        String ts2 = Long.toString(NOW.plus(Duration.ofHours(1)).getEpochSecond());
        WebhookRequest during = sender.sent.get(0);
        WebhookRequest after = sender.sent.get(1);
        assertThat(during.headers().get("webhook-signature").split(" ")).containsExactly(
                signed(rotated, first.toString(), ts1, during.body()),
                signed(endpoint.secret(), first.toString(), ts1, during.body()));
        assertThat(after.headers().get("webhook-signature"))
                .isEqualTo(signed(rotated, second.toString(), ts2, after.body()));
    }

    @Test
    void aFailedAttemptIsRetriedOnTheJitteredScheduleAndTheLastFailureIsFinal() {
        CreatedWebhook endpoint = subscribe(admin, "*");
        event(EventType.CODE_CREATED);
        dispatch();
        jitter = 1.0; // +20%
        sender.script.add(SendResult.answered(500, Duration.ofMillis(5)));
        sender.script.add(SendResult.failed("timed out", Duration.ofSeconds(10)));
        sender.script.add(SendResult.failed("connection refused", Duration.ofMillis(1)));

        deliver();
        clock.advance(Duration.ofMillis(5_999));
        assertThat(deliver()).as("not due before 5 s + 20%").isZero();
        clock.advance(Duration.ofMillis(1));
        jitter = -1.0; // -20%
        assertThat(deliver()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(4)); // 5 min - 20%
        assertThat(deliver()).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        assertThat(deliver()).as("the schedule has two delays: three attempts in all").isZero();

        List<WebhookDelivery> attempts = attempts(endpoint);
        assertThat(attempts).extracting(WebhookDelivery::status).containsOnly(DeliveryStatus.FAILED);
        assertThat(attempts).extracting(WebhookDelivery::responseStatus)
                .containsExactly(Optional.of(500), Optional.empty(), Optional.empty());
        assertThat(attempts.get(0).nextAttemptAt()).contains(NOW.plusSeconds(6));
        assertThat(attempts.get(1).nextAttemptAt()).contains(NOW.plusSeconds(6).plus(Duration.ofMinutes(4)));
        assertThat(attempts.get(2).nextAttemptAt()).isEmpty();
    }

    @Test
    void consecutiveFailuresDisableAnEndpointAndASuccessOrReEnablingForgetsThem() {
        CreatedWebhook endpoint = subscribe(admin, "*");
        for (int i = 0; i < 3; i++) {
            event(EventType.CODE_CREATED);
            sender.script.add(SendResult.answered(503, Duration.ZERO));
        }
        event(EventType.CODE_CREATED); // the 4th succeeds
        dispatch();
        deliver();
        assertThat(view(endpoint).enabled()).isTrue();

        for (int i = 0; i < 4; i++) {
            event(EventType.CODE_REVOKED);
            sender.script.add(SendResult.answered(410, Duration.ZERO));
        }
        dispatch();
        deliver();

        WebhookView disabled = view(endpoint);
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.disabledReason()).hasValueSatisfying(reason -> assertThat(reason).contains("4"));
        clock.advance(Duration.ofMinutes(10));
        int sent = sender.sent.size();
        assertThat(deliver()).as("nothing goes to a disabled endpoint").isZero();
        assertThat(sender.sent).hasSize(sent);

        WebhookView enabled = update.update(new UpdateWebhookCommand(admin, id(endpoint), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(true)));
        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.disabledReason()).isEmpty();
        unitOfWork.reading(() -> assertThat(endpoints.findById(id(endpoint)).orElseThrow().consecutiveFailures())
                .isZero());
    }

    @Test
    void twoWorkersNeverClaimTheSameAttemptAndACrashedWorkersClaimIsMadeAgainAfterItsLease() {
        CreatedWebhook endpoint = subscribe(admin, "*");
        event(EventType.CODE_CREATED);
        dispatch();
        DeliverWebhooksService other = worker(guard);
        List<Runnable> crashed = new ArrayList<>();

        assertThat(worker.deliverDue(new DeliverWebhooksCommand(10, crashed::add))).isEqualTo(1);
        assertThat(other.deliverDue(new DeliverWebhooksCommand(10, NOW_ON_THIS_THREAD)))
                .as("claimed by the first worker").isZero();
        clock.advance(LEASE.minusSeconds(1));
        assertThat(other.deliverDue(new DeliverWebhooksCommand(10, NOW_ON_THIS_THREAD))).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(other.deliverDue(new DeliverWebhooksCommand(10, NOW_ON_THIS_THREAD)))
                .as("the lease ran out").isEqualTo(1);

        crashed.get(0).run(); // the first worker wakes up late: its outcome is no longer its to write

        assertThat(sender.sent).hasSize(2);
        assertThat(attempts(endpoint)).singleElement()
                .satisfies(attempt -> assertThat(attempt.status()).isEqualTo(DeliveryStatus.SUCCEEDED));
    }

    @Test
    void aDeletedEndpointGetsNothingMore() {
        CreatedWebhook endpoint = subscribe(admin, "*");
        event(EventType.CODE_CREATED);
        dispatch();

        new DeleteWebhookService(endpoints, unitOfWork).delete(new DeleteWebhookCommand(admin, id(endpoint)));
        event(EventType.CODE_REVOKED);
        dispatch();

        assertThat(deliver()).isZero();
        assertThat(deliveries.all()).isEmpty();
    }

    @Test
    void anAddressRefusedAtDeliveryFailsTheAttemptWithoutSendingIt() {
        CreatedWebhook endpoint = subscribe(admin, "*");
        event(EventType.CODE_CREATED);
        dispatch();
        WebhookUrlGuard rebound = new WebhookUrlGuard(host -> List.of(WebhookUrlGuard.literal("10.0.0.7")), false,
                false);

        assertThat(worker(rebound).deliverDue(new DeliverWebhooksCommand(10, NOW_ON_THIS_THREAD))).isEqualTo(1);

        assertThat(sender.sent).isEmpty();
        assertThat(attempts(endpoint)).first().satisfies(attempt -> {
            assertThat(attempt.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(attempt.responseStatus()).isEmpty();
        });
        assertThat(attempts(endpoint)).hasSize(2);
    }

    @Test
    void aClientManagesOnlyItsOwnEndpointsAndAnAdminAllOfThem() {
        CreatedWebhook crms = subscribe(crm, "*");
        clock.advance(Duration.ofSeconds(1));
        CreatedWebhook shops = subscribe(shop, "*");
        clock.advance(Duration.ofSeconds(1));
        CreatedWebhook admins = subscribe(admin, "*");
        ListWebhooksService list = new ListWebhooksService(endpoints, unitOfWork);
        GetWebhookService get = new GetWebhookService(endpoints, unitOfWork);

        assertThat(list.list(new ListWebhooksQuery(crm, PageRequest.first())).items()).extracting(WebhookView::id)
                .containsExactly(crms.webhook().id());
        assertThat(list.list(new ListWebhooksQuery(admin, PageRequest.first())).items()).extracting(WebhookView::id)
                .containsExactly(crms.webhook().id(), shops.webhook().id(), admins.webhook().id());
        assertThatThrownBy(() -> get.get(new GetWebhookQuery(crm, id(shops)))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> get.get(new GetWebhookQuery(crm, id(admins)))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> new DeleteWebhookService(endpoints, unitOfWork)
                .delete(new DeleteWebhookCommand(shop, id(crms)))).isInstanceOf(NotFoundException.class);
        assertThat(get.get(new GetWebhookQuery(admin, id(shops))).id()).isEqualTo(shops.webhook().id());
    }

    @Test
    void peopleAndClientsWithoutTheScopeMayNotManageWebhooks() {
        Caller person = new Caller(UserId.newId(), false);
        Caller reader = Caller.client(UserId.newId(), Set.of(Scope.EVENTS_READ));

        assertThatThrownBy(() -> subscribe(person, "*")).isInstanceOfSatisfying(PermissionDeniedException.class,
                e -> assertThat(e.code()).isEqualTo("forbidden"));
        assertThatThrownBy(() -> subscribe(reader, "*")).isInstanceOfSatisfying(PermissionDeniedException.class,
                e -> assertThat(e.code()).isEqualTo("insufficient-scope"));
    }

    @Test
    void aUrlTheGuardRefusesIsNotSavedOnCreateOrChange() {
        WebhookUrlGuard strict = new WebhookUrlGuard(host -> List.of(WebhookUrlGuard.literal("127.0.0.1")), false,
                false);
        CreateWebhookService guarded = new CreateWebhookService(endpoints, strict, unitOfWork, clock);
        CreatedWebhook endpoint = subscribe(admin, "*");

        assertThatThrownBy(() -> guarded.create(new CreateWebhookCommand(admin, new WebhookUrl("https://localhost/x"),
                EventSelection.all(), Optional.empty()))).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.code()).isEqualTo("webhook-url-rejected"));
        assertThatThrownBy(() -> new UpdateWebhookService(endpoints, strict, unitOfWork).update(
                new UpdateWebhookCommand(admin, id(endpoint), Optional.of(new WebhookUrl("https://localhost/x")),
                        Optional.empty(), Optional.empty(), Optional.empty())))
                .isInstanceOf(RuleViolationException.class);
        assertThat(view(endpoint).url()).isEqualTo("https://hooks.example.com/in");
    }

    @Test
    void finishedAttemptsGoOnceTheRetentionPassedSinceTheirFinishInBatchesAndPendingOnesStay() {
        CreatedWebhook live = subscribe(admin, "*");
        CreatedWebhook off = subscribe(admin, "*");
        for (int i = 0; i < 4; i++) {
            event(EventType.CODE_CREATED);
        }
        dispatch();
        update.update(new UpdateWebhookCommand(admin, id(off), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(false))); // its attempts stay PENDING
        sender.script.add(SendResult.answered(500, Duration.ofMillis(5)));
        assertThat(deliver()).isEqualTo(4);
        clock.advance(Duration.ofDays(1));
        assertThat(deliver()).as("the retry, created a day before it is made").isOne();
        clock.advance(Duration.ofDays(30).minusMinutes(1));
        PurgeWebhookDeliveriesService purge = new PurgeWebhookDeliveriesService(deliveries, unitOfWork, clock, 2);
        int commitsBefore = unitOfWork.commits();

        assertThat(purge.purge(new PurgeWebhookDeliveriesCommand(Duration.ofDays(30)))).isEqualTo(4);

        assertThat(unitOfWork.commits() - commitsBefore).as("two full batches, then an empty one").isEqualTo(3);
        List<WebhookDelivery> left = attempts(live);
        assertThat(left).extracting(WebhookDelivery::attempt).containsExactly(2);
        assertThat(left.get(0).status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(left.get(0).finishedAt()).contains(NOW.plus(Duration.ofDays(1)));
        assertThat(attempts(off)).hasSize(4).extracting(WebhookDelivery::status).containsOnly(DeliveryStatus.PENDING);
        assertThat(purge.purge(new PurgeWebhookDeliveriesCommand(Duration.ofDays(30)))).isZero();
    }

    @Test
    void theDeliveryRetentionMustBePositive() {
        assertThatThrownBy(() -> new PurgeWebhookDeliveriesCommand(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PurgeWebhookDeliveriesCommand(Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PurgeWebhookDeliveriesService(deliveries, unitOfWork, clock, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
