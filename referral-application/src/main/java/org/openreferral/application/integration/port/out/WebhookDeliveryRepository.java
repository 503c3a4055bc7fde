package org.openreferral.application.integration.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.webhook.WebhookDelivery;
import org.openreferral.domain.model.webhook.WebhookId;

/**
 * Out-port: the delivery attempts. A worker claims due attempts for a lease ({@link #claimDue}), commits, sends, and
 * writes the outcome only while the claim is still its own ({@link #lockClaimed}); a claim whose lease ran out (its
 * worker crashed) is due again, and two workers never claim the same attempt at once.
 */
public interface WebhookDeliveryRepository {

    /** Adds an attempt; a second first attempt of the same event for the same endpoint is ignored. */
    void add(WebhookDelivery delivery);

    /**
     * Claims up to {@code limit} PENDING attempts of enabled endpoints due at {@code now} and not claimed by a live
     * lease, oldest due first, for {@code claim} until {@code leaseUntil}; attempts other transactions are
     * claiming are skipped, not waited for.
     */
    List<WebhookDelivery> claimDue(Instant now, UUID claim, Instant leaseUntil, int limit);

    /** The attempt, locked, if it is still PENDING under {@code claim}. */
    Optional<WebhookDelivery> lockClaimed(UUID id, UUID claim);

    /** Writes back an attempt's outcome and releases its claim. */
    void update(WebhookDelivery delivery);

    /** The attempts for one endpoint, newest first, paged. */
    Page<WebhookDelivery> listFor(WebhookId endpoint, PageRequest page);

    /**
     * Deletes at most {@code limit} attempts that finished (SUCCEEDED or FAILED) before {@code cutoff}; how many it
     * deleted. An attempt stored without its finishing time counts from its creation. PENDING attempts, claimed or
     * not, are never deleted; attempts another transaction holds locked are skipped, not waited for.
     */
    int purgeFinishedBefore(Instant cutoff, int limit);
}
