package org.openreferral.application.integration.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.integration.port.in.ListEventsUseCase.EventFeed;
import org.openreferral.application.integration.port.in.ListEventsUseCase.EventView;
import org.openreferral.application.integration.port.in.ListEventsUseCase.ListEventsQuery;
import org.openreferral.application.integration.port.in.PurgeEventsUseCase.PurgeEventsCommand;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.integration.port.out.OutboxEvent;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.error.PermissionDeniedException;
import org.openreferral.domain.model.client.Scope;
import org.openreferral.domain.model.user.UserId;

/** The event feed, the sequencer and the retention purge, on the fakes. */
class EventsTest {

    private final Fixture fx = new Fixture();
    private final Caller admin = new Caller(fx.admin("root", "root@example.com").id(), true);
    private final ListEventsService feed = new ListEventsService(fx.events, fx.unitOfWork);
    private final SequenceEventsService sequencer = new SequenceEventsService(fx.events, fx.unitOfWork);
    private final PurgeEventsService purge = new PurgeEventsService(fx.events, fx.unitOfWork, fx.clock);

    private OutboxEvent append(EventType type) {
        return append(type, Optional.empty());
    }

    private OutboxEvent append(EventType type, Optional<UUID> webhook) {
        OutboxEvent event = new OutboxEvent(UUID.randomUUID(), type, fx.clock.instant(), Map.of("n", 1), webhook);
        fx.unitOfWork.inTransaction(() -> {
            fx.events.append(event);
            return null;
        });
        fx.clock.advance(Duration.ofSeconds(1));
        return event;
    }

    private EventFeed read(Caller caller, long after, Set<EventType> types, int limit) {
        return feed.list(new ListEventsQuery(caller, after, types, limit));
    }

    @Test
    void theSequencerNumbersEveryPendingEventInBatchesUntilNoneIsLeft() {
        for (int i = 0; i < 7; i++) {
            append(EventType.USER_REGISTERED);
        }

        assertThat(sequencer.sequence(3)).isEqualTo(7);
        assertThat(fx.unitOfWork.commits()).as("seven appends and three batches").isEqualTo(10);
        assertThat(sequencer.sequence(3)).isZero();
    }

    @Test
    void aPageEndsAtTheLimitAndNextIsTheLastSequenceOrTheCursorWhenEmpty() {
        OutboxEvent first = append(EventType.USER_REGISTERED);
        OutboxEvent second = append(EventType.CODE_CREATED);
        OutboxEvent third = append(EventType.CODE_REVOKED);
        sequencer.sequence(100);

        EventFeed page = read(admin, 0, Set.of(), 2);
        assertThat(page.items()).extracting(EventView::id).containsExactly(first.id(), second.id());
        assertThat(page.items().get(1).type()).isEqualTo("code.created");
        assertThat(page.next()).isEqualTo(page.items().get(1).sequence());

        EventFeed rest = read(admin, page.next(), Set.of(), 2);
        assertThat(rest.items()).extracting(EventView::id).containsExactly(third.id());
        EventFeed empty = read(admin, rest.next(), Set.of(), 2);
        assertThat(empty.items()).isEmpty();
        assertThat(empty.next()).isEqualTo(rest.next());
    }

    @Test
    void theFeedFiltersByTypeAndNeverShowsAnEventAddressedToOneWebhook() {
        append(EventType.WEBHOOK_TEST, Optional.of(UUID.randomUUID()));
        OutboxEvent registered = append(EventType.USER_REGISTERED);
        OutboxEvent created = append(EventType.CODE_CREATED);
        sequencer.sequence(100);

        assertThat(read(admin, 0, Set.of(), 100).items()).extracting(EventView::id)
                .containsExactly(registered.id(), created.id());
        assertThat(read(admin, 0, EnumSet.of(EventType.CODE_CREATED), 100).items()).extracting(EventView::id)
                .containsExactly(created.id());
        EventFeed tests = read(admin, 0, EnumSet.of(EventType.WEBHOOK_TEST), 100);
        assertThat(tests.items()).isEmpty();
        assertThat(tests.next()).isZero();
    }

    @Test
    void adminsAndClientsWithEventsReadMayReadOthersAreRefused() {
        append(EventType.USER_REGISTERED);
        sequencer.sequence(100);
        Caller reader = Caller.client(UserId.newId(), EnumSet.of(Scope.EVENTS_READ));
        Caller writer = Caller.client(UserId.newId(), EnumSet.of(Scope.REFERRALS_WRITE));
        Caller person = new Caller(fx.user("jane", "jane@example.com").id(), false);

        assertThat(read(reader, 0, Set.of(), 10).items()).hasSize(1);
        assertThatThrownBy(() -> read(writer, 0, Set.of(), 10)).isInstanceOfSatisfying(
                PermissionDeniedException.class, e -> assertThat(e.code()).isEqualTo("insufficient-scope"));
        assertThatThrownBy(() -> read(person, 0, Set.of(), 10)).isInstanceOfSatisfying(
                PermissionDeniedException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));
    }

    @Test
    void theQueryRefusesANegativeCursorAndALimitOutsideOneToFiveHundred() {
        assertThatThrownBy(() -> new ListEventsQuery(admin, -1, Set.of(), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ListEventsQuery(admin, 0, Set.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ListEventsQuery(admin, 0, Set.of(), 501))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ListEventsQuery(admin, 0, Set.of(), 500).limit()).isEqualTo(500);
    }

    @Test
    void thePurgeDeletesWhatIsOlderThanTheRetention() {
        append(EventType.USER_REGISTERED);
        sequencer.sequence(100);
        fx.clock.advance(Duration.ofDays(30));
        OutboxEvent kept = append(EventType.CODE_CREATED);
        sequencer.sequence(100);

        assertThat(purge.purge(new PurgeEventsCommand(Duration.ofDays(30)))).isOne();

        List<EventView> left = read(admin, 0, Set.of(), 100).items();
        assertThat(left).extracting(EventView::id).containsExactly(kept.id());
    }
}
