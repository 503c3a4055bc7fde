package org.openreferral.application.integration.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openreferral.application.account.port.out.AccountEvents;
import org.openreferral.application.integration.port.out.EventOutbox;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.integration.port.out.OutboxEvent;
import org.openreferral.domain.model.user.User;

/**
 * The account slice's events as outbox events: {@code user.registered} and {@code user.email_verified}, with the
 * user's id and username (and the referrer's id), never the email address or the password hash.
 */
public final class AccountEventsService implements AccountEvents {

    private final EventOutbox outbox;

    public AccountEventsService(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void registered(User user, Instant now) {
        Map<String, Object> data = userData(user);
        data.put("referrerId", user.referredBy().map(referrer -> referrer.value().toString()).orElse(null));
        data.put("emailVerified", user.isEmailVerified());
        append(EventType.USER_REGISTERED, data, now);
    }

    @Override
    public void emailVerified(User user, Instant now) {
        append(EventType.USER_EMAIL_VERIFIED, userData(user), now);
    }

    private static Map<String, Object> userData(User user) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", user.id().value().toString());
        data.put("username", user.username().value());
        return data;
    }

    private void append(EventType type, Map<String, Object> data, Instant now) {
        outbox.append(new OutboxEvent(UUID.randomUUID(), type, now, data, Optional.empty()));
    }
}
