package org.openreferral.domain.model.webhook;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.openreferral.domain.error.InvalidValueException;

/**
 * The event types a webhook endpoint subscribes to: a non-empty set of type names, or every type ({@code *}). Which
 * names exist is the event outbox's knowledge; this only holds the choice.
 */
public record EventSelection(Set<String> types) {

    public static final String ALL = "*";
    private static final String SUBJECT = "event selection";

    public EventSelection {
        if (types == null || types.isEmpty()) {
            throw new InvalidValueException(SUBJECT, "must name at least one event type, or *");
        }
        if (types.contains(ALL) && types.size() > 1) {
            throw new InvalidValueException(SUBJECT, "must be either * alone or a list of event types");
        }
        types = Set.copyOf(new TreeSet<>(types));
    }

    /** Every event type, present and future. */
    public static EventSelection all() {
        return new EventSelection(Set.of(ALL));
    }

    public boolean includes(String type) {
        return types.contains(ALL) || types.contains(type);
    }

    /** The names, sorted ({@code ["*"]} for every type). */
    public List<String> names() {
        return new TreeSet<>(types).stream().toList();
    }
}
