package org.openreferral.adapter.rest.account.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer to a request that is handled in the background and tells nothing more (202). */
// Only ever returned inside a Response, so native images need it registered explicitly.
@RegisterForReflection
public record AcceptedResponse(String message) {
}
