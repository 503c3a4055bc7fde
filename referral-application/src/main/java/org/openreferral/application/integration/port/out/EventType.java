package org.openreferral.application.integration.port.out;

import java.util.Arrays;
import java.util.Optional;

/** The event types of the contract ("Events and webhooks"), each with its wire slug. */
public enum EventType {
    USER_REGISTERED("user.registered"),
    USER_EMAIL_VERIFIED("user.email_verified"),
    CODE_CREATED("code.created"),
    CODE_REVOKED("code.revoked"),
    REFERRAL_CREATED("referral.created"),
    REFERRAL_FLAGGED("referral.flagged"),
    REFERRAL_QUALIFIED("referral.qualified"),
    REFERRAL_REWARDED("referral.rewarded"),
    REFERRAL_VOIDED("referral.voided"),
    WEBHOOK_TEST("webhook.test");

    private final String slug;

    EventType(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /** The type with this slug, if there is one. */
    public static Optional<EventType> ofSlug(String slug) {
        return Arrays.stream(values()).filter(type -> type.slug.equals(slug)).findFirst();
    }
}
