package org.openreferral.bootstrap.integration;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openreferral.application.integration.port.out.WebhookSignatures;
import org.openreferral.domain.model.webhook.WebhookSecret;

/** Standard Webhooks signatures with the JDK's HmacSHA256: one {@code v1,} signature per secret, in order. */
@ApplicationScoped
public class HmacWebhookSignatures implements WebhookSignatures {

    @Override
    public String sign(List<WebhookSecret> secrets, String messageId, long timestamp, String body) {
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
