package org.openreferral.domain.model.webhook;

/** Where one delivery attempt stands: waiting (or in flight), done, or failed. */
public enum DeliveryStatus {
    PENDING, SUCCEEDED, FAILED
}
