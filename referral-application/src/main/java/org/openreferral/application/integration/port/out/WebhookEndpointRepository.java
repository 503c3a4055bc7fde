package org.openreferral.application.integration.port.out;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.webhook.WebhookEndpoint;
import org.openreferral.domain.model.webhook.WebhookId;

/** Out-port: the webhook endpoints; deleting one deletes its deliveries. */
public interface WebhookEndpointRepository {

    void add(WebhookEndpoint endpoint);

    Optional<WebhookEndpoint> findById(WebhookId id);

    /** The endpoint, locked until the transaction ends (changes to it are serialised). */
    Optional<WebhookEndpoint> lockById(WebhookId id);

    /** Writes back a changed endpoint read or locked in the same transaction. */
    void update(WebhookEndpoint endpoint);

    /** Endpoints oldest first (then by id), paged: all of them, or those of one owner client ({@code owner}). */
    Page<WebhookEndpoint> list(Optional<Optional<UUID>> owner, PageRequest page);

    /** Every enabled endpoint. */
    List<WebhookEndpoint> enabled();

    /** Removes the endpoint and its deliveries; whether there was one. */
    boolean delete(WebhookId id);
}
