package org.openreferral.bootstrap.integration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a delivery, written from the Standard Webhooks specification (not the service's signer):
 * the signed content is {@code id.timestamp.body}, the key the base64-decoded part of the secret after
 * {@code whsec_}, and the header holds space-separated {@code v1,<base64 HMAC-SHA256>} signatures.
 */
final class StandardWebhooksVerifier {

    private StandardWebhooksVerifier() {
    }

    /** Whether any signature of the header was made with {@code secret}. */
    static boolean verifies(String secret, String id, String timestamp, String body, String signatureHeader)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String signature : signatureHeader.split(" ")) {
            String[] parts = signature.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }
}
