package org.openreferral.application.account.port.in;

/**
 * Use case: an instance whose deny-list is its own (no Redis) takes the sessions that any instance revoked since its
 * last pull into that list, so their access tokens are refused here too, within one pull period.
 */
public interface PullRevokedSessionsUseCase {

    void pull();
}
