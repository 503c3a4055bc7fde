package org.openreferral.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openreferral.application.integration.port.out.EventOutbox;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.integration.port.out.OutboxEvent;
import org.openreferral.application.integration.port.out.SequencedEvent;

/**
 * Contract of {@code EventOutbox}: an appended event is seen only once its transaction committed and the
 * sequencer numbered it; sequences follow the order of sequencing; the feed filters by type, pages by cursor and
 * limit; the purge removes old sequenced events only.
 */
public abstract class EventOutboxContract extends RepositoryContract {

    /** The outbox of the implementation under test, empty, sharing the stores' unit of work. */
    protected abstract EventOutbox outbox();

    protected OutboxEvent event(EventType type, Instant createdAt) {
        return new OutboxEvent(UUID.randomUUID(), type, createdAt, Map.of("username", "john", "points", 10),
                Optional.empty());
    }

    protected OutboxEvent appended(EventType type, Instant createdAt) {
        OutboxEvent event = event(type, createdAt);
        write(() -> outbox().append(event));
        return event;
    }

    protected int sequence() {
        return writing(() -> outbox().sequencePending(100));
    }

    protected List<SequencedEvent> feed(long after, Set<EventType> types, int limit) {
        return read(() -> outbox().after(after, types, limit));
    }

    protected List<SequencedEvent> all() {
        return feed(0, Set.of(), 500);
    }

    @Test
    void anAppendedEventReadsBackWithItsDataOnceSequenced() {
        UUID webhook = UUID.randomUUID();
        OutboxEvent test = new OutboxEvent(UUID.randomUUID(), EventType.WEBHOOK_TEST, NOW,
                Map.of("webhookId", webhook.toString(), "note", "ping", "verified", true), Optional.of(webhook));
        write(() -> outbox().append(test));

        assertThat(all()).as("before the sequencer ran").isEmpty();
        assertThat(sequence()).isEqualTo(1);

        SequencedEvent read = all().get(0);
        assertThat(read.id()).isEqualTo(test.id());
        assertThat(read.type()).isEqualTo(EventType.WEBHOOK_TEST);
        assertThat(read.createdAt()).isEqualTo(NOW);
        assertThat(read.data()).isEqualTo(test.data());
        assertThat(read.webhookId()).contains(webhook);
        assertThat(read.sequence()).isPositive();
        assertThat(sequence()).as("nothing left to number").isZero();
    }

    @Test
    void anEventAppendedInARolledBackTransactionIsNeverSeen() {
        OutboxEvent kept = appended(EventType.USER_REGISTERED, NOW);
        OutboxEvent lost = event(EventType.USER_REGISTERED, NOW.minusSeconds(1));

        assertThatThrownBy(() -> write(() -> {
            outbox().append(lost);
            throw new IllegalStateException("the change failed after its event was appended");
        })).hasMessageContaining("failed");

        assertThat(sequence()).isEqualTo(1);
        assertThat(all()).extracting(SequencedEvent::id).containsExactly(kept.id());
    }

    @Test
    void sequencesFollowTheOrderEventsWereSequencedNotTheirCreationTime() {
        OutboxEvent first = appended(EventType.CODE_CREATED, NOW);
        sequence();
        long visible = all().get(0).sequence();

        // Created earlier (a long transaction), committed later: it must not slip below a visible sequence.
        OutboxEvent late = appended(EventType.CODE_REVOKED, NOW.minusSeconds(60));
        sequence();

        List<SequencedEvent> feed = all();
        assertThat(feed).extracting(SequencedEvent::id).containsExactly(first.id(), late.id());
        assertThat(feed.get(1).sequence()).isGreaterThan(visible);
        assertThat(feed(visible, Set.of(), 10)).extracting(SequencedEvent::id).containsExactly(late.id());
    }

    @Test
    void oneBatchIsNumberedOldestFirstAndAtMostTheLimit() {
        OutboxEvent third = appended(EventType.REFERRAL_REWARDED, NOW.plusSeconds(2));
        OutboxEvent first = appended(EventType.REFERRAL_CREATED, NOW);
        OutboxEvent second = appended(EventType.REFERRAL_QUALIFIED, NOW.plusSeconds(1));

        assertThat(writing(() -> outbox().sequencePending(2))).isEqualTo(2);
        assertThat(all()).extracting(SequencedEvent::id).containsExactly(first.id(), second.id());

        assertThat(writing(() -> outbox().sequencePending(2))).isEqualTo(1);
        assertThat(all()).extracting(SequencedEvent::id).containsExactly(first.id(), second.id(), third.id());
        assertThat(all()).extracting(SequencedEvent::sequence).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void eventsOfOneTransactionAndOneTimeAreNumberedInTheOrderTheyWereAppended() {
        List<OutboxEvent> inOrder = List.of(event(EventType.REFERRAL_CREATED, NOW),
                event(EventType.REFERRAL_QUALIFIED, NOW), event(EventType.REFERRAL_REWARDED, NOW),
                event(EventType.REFERRAL_VOIDED, NOW), event(EventType.CODE_REVOKED, NOW),
                event(EventType.USER_REGISTERED, NOW));
        write(() -> inOrder.forEach(outbox()::append));

        sequence();

        assertThat(all()).extracting(SequencedEvent::id)
                .containsExactlyElementsOf(inOrder.stream().map(OutboxEvent::id).toList());
    }

    @Test
    void theFeedFiltersByTypeAndPagesByCursorAndLimit() {
        OutboxEvent registered = appended(EventType.USER_REGISTERED, NOW);
        OutboxEvent created = appended(EventType.CODE_CREATED, NOW.plusSeconds(1));
        OutboxEvent voided = appended(EventType.REFERRAL_VOIDED, NOW.plusSeconds(2));
        OutboxEvent revoked = appended(EventType.CODE_REVOKED, NOW.plusSeconds(3));
        sequence();

        assertThat(feed(0, EnumSet.of(EventType.CODE_CREATED, EventType.CODE_REVOKED), 10))
                .extracting(SequencedEvent::id).containsExactly(created.id(), revoked.id());
        assertThat(feed(0, Set.of(EventType.USER_EMAIL_VERIFIED), 10)).isEmpty();

        List<SequencedEvent> page = feed(0, Set.of(), 2);
        assertThat(page).extracting(SequencedEvent::id).containsExactly(registered.id(), created.id());
        List<SequencedEvent> next = feed(page.get(1).sequence(), Set.of(), 2);
        assertThat(next).extracting(SequencedEvent::id).containsExactly(voided.id(), revoked.id());
        assertThat(feed(next.get(1).sequence(), Set.of(), 2)).isEmpty();
    }

    @Test
    void thePurgeDeletesOnlySequencedEventsCreatedBeforeTheCutoff() {
        appended(EventType.USER_REGISTERED, NOW.minus(Duration.ofDays(31)));
        OutboxEvent recent = appended(EventType.USER_REGISTERED, NOW.minus(Duration.ofDays(1)));
        sequence();
        OutboxEvent oldButUnsequenced = appended(EventType.CODE_CREATED, NOW.minus(Duration.ofDays(40)));

        assertThat(writing(() -> outbox().purgeCreatedBefore(NOW.minus(Duration.ofDays(30))))).isEqualTo(1);

        assertThat(all()).extracting(SequencedEvent::id).containsExactly(recent.id());
        sequence();
        assertThat(all()).extracting(SequencedEvent::id).containsExactly(recent.id(), oldButUnsequenced.id());
    }
}
