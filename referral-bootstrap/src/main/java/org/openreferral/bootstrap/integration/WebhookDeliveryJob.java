package org.openreferral.bootstrap.integration;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.openreferral.application.integration.port.in.DeliverWebhooksUseCase;
import org.openreferral.application.integration.port.in.DeliverWebhooksUseCase.DeliverWebhooksCommand;
import org.openreferral.application.integration.port.in.DispatchWebhookEventsUseCase;
import org.openreferral.application.integration.port.in.DispatchWebhookEventsUseCase.DispatchWebhookEventsCommand;

/**
 * Runs webhook delivery on every instance, apart from request handling: every {@code referral.webhook.poll-interval}
 * (0.2 s; the Quarkus scheduler ticks only once a second, too slow for "within 1 s of the commit") one thread fans
 * new events out and claims as many due attempts as there are free senders; {@code concurrency} sender threads make
 * the attempts. The use cases keep instances apart: one dispatcher at a time, each attempt claimed by one worker.
 */
@ApplicationScoped
public class WebhookDeliveryJob {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryJob.class);
    private static final Duration POLL_STOP_GRACE = Duration.ofSeconds(5);
    private static final Duration SEND_STOP_GRACE = Duration.ofSeconds(2);

    private final DispatchWebhookEventsUseCase dispatch;
    private final DeliverWebhooksUseCase deliver;
    private final WebhookSettings settings;
    private final Semaphore freeSenders;
    private final AtomicInteger senderThreads = new AtomicInteger();
    private ScheduledExecutorService poller;
    private ExecutorService senders;
    private boolean failing;

    WebhookDeliveryJob(DispatchWebhookEventsUseCase dispatch, DeliverWebhooksUseCase deliver,
                       WebhookSettings settings) {
        this.dispatch = dispatch;
        this.deliver = deliver;
        this.settings = settings;
        this.freeSenders = new Semaphore(settings.concurrency());
    }

    void start(@Observes StartupEvent started) {
        // Checked here, so that a wrong setting stops the start instead of pausing delivery later.
        if (settings.claimLease().compareTo(settings.connectTimeout().plus(settings.responseTimeout())) <= 0) {
            throw new IllegalStateException("referral.webhook.claim-lease must be longer than the connect and"
                    + " response timeouts together, or a slow attempt would be made twice");
        }
        senders = Executors.newFixedThreadPool(settings.concurrency(), task -> BackgroundThreads.daemon(task,
                "webhook-sender-" + senderThreads.incrementAndGet()));
        poller = Executors.newSingleThreadScheduledExecutor(task -> BackgroundThreads.daemon(task, "webhook-poller"));
        long every = Math.max(10, settings.pollInterval().toMillis());
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopped) {
        if (poller != null) {
            BackgroundThreads.stop(poller, POLL_STOP_GRACE);
            // Attempts in flight get a moment to record their outcome; one cut short keeps its claim, which runs
            // out, and another instance makes the attempt again.
            BackgroundThreads.stop(senders, SEND_STOP_GRACE);
        }
    }

    void poll() {
        try {
            dispatch.dispatch(new DispatchWebhookEventsCommand(settings.dispatchBatchSize()));
            deliver.deliverDue(new DeliverWebhooksCommand(freeSenders.availablePermits(), attempt -> {
                freeSenders.acquireUninterruptibly();
                senders.execute(() -> {
                    try {
                        attempt.run();
                    } finally {
                        freeSenders.release();
                    }
                });
            }));
            if (failing) {
                LOG.info("Webhook delivery resumed");
                failing = false;
            }
        } catch (RuntimeException e) {
            // Once per outage, not every 0.2 s: the database being away is reported elsewhere.
            if (!failing) {
                LOG.warnf("Webhook delivery paused: %s", e.toString());
                failing = true;
            }
        }
    }
}
