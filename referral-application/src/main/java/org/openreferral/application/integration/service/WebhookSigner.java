package org.openreferral.application.integration.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openreferral.domain.model.webhook.WebhookSecret;

/**
 * Standard Webhooks signatures: {@code v1,} and the base64 HMAC-SHA256 of {@code {id}.{timestamp}.{body}} keyed
 * with the secret's decoded bytes; one per secret, space-separated, while two secrets overlap.
 */
public final class WebhookSigner {

    private WebhookSigner() {
    }

    /** The {@code webhook-signature} header value for a message signed by every one of {@code secrets}. */
    public static String sign(List<WebhookSecret> secrets, String messageId, long timestamp, String body) {
        byte[] content = (messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
        return secrets.stream().map(secret -> "v1," + hmac(secret.key(), content)).collect(Collectors.joining(" "));
    }

    private static String hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
