package org.openreferral.application.fakes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openreferral.application.account.port.out.SecurityEvent;
import org.openreferral.application.account.port.out.SecurityEventLog;

/** Remembers every security event recorded, oldest first. */
public final class RecordingSecurityEventLog implements SecurityEventLog {

    private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(SecurityEvent event) {
        events.add(event);
    }

    public List<SecurityEvent> events() {
        return List.copyOf(events);
    }

    /** The events of one type, oldest first. */
    public List<SecurityEvent> events(SecurityEvent.Type type) {
        return events.stream().filter(event -> event.type() == type).toList();
    }
}
