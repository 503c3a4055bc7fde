package org.openreferral.bootstrap.integration;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.openreferral.application.integration.port.in.SequenceEventsUseCase;

/**
 * Gives committed events their feed sequence, every {@code referral.event.sequence-interval} (0.2 s), on a thread of
 * its own: never on a request thread, and not on the Quarkus scheduler, which ticks only once a second. Every
 * instance runs it; the outbox's advisory lock lets one number at a time.
 */
@ApplicationScoped
public class EventSequencerJob {

    private static final Logger LOG = Logger.getLogger(EventSequencerJob.class);
    // A run is one short transaction; longer than this, it is interrupted and its lock or batch is taken up again.
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final SequenceEventsUseCase sequencer;
    private final EventSettings settings;
    private ScheduledExecutorService thread;
    private boolean failing;

    EventSequencerJob(SequenceEventsUseCase sequencer, EventSettings settings) {
        this.sequencer = sequencer;
        this.settings = settings;
    }

    void start(@Observes StartupEvent started) {
        thread = Executors.newSingleThreadScheduledExecutor(task -> BackgroundThreads.daemon(task, "event-sequencer"));
        long every = Math.max(10, settings.sequenceInterval().toMillis());
        thread.scheduleWithFixedDelay(this::run, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopped) {
        if (thread != null) {
            BackgroundThreads.stop(thread, STOP_GRACE);
        }
    }

    void run() {
        try {
            sequencer.sequence(settings.sequenceBatchSize());
            if (failing) {
                LOG.info("Event sequencing resumed");
                failing = false;
            }
        } catch (RuntimeException e) {
            // Once per outage, not every 0.2 s; an exception must not escape either, or the executor stops the task.
            if (!failing) {
                LOG.warnf("Event sequencing paused: %s", e.toString());
                failing = true;
            }
        }
    }
}
