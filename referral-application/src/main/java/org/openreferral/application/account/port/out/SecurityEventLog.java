package org.openreferral.application.account.port.out;

/**
 * Out-port: the security event log, one structured entry per event (lockouts, refresh-token reuse, password resets,
 * admin actions). Returns at once and never throws. An event holds ids and masked data only (see
 * {@link SecurityEvent}), never a password, a token or a full email address.
 */
public interface SecurityEventLog {

    void record(SecurityEvent event);
}
