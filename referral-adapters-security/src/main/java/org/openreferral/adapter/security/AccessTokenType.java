package org.openreferral.adapter.security;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The {@code typ} header of this service's access tokens, {@code at+jwt} (RFC 9068, explicit typing as RFC 8725
 * section 3.11 asks): issued on every access token, required of every bearer token, so that no other JWT signed with
 * the same key could pass for one.
 */
public final class AccessTokenType {

    /** The header value the issuer writes. */
    public static final String TYPE = "at+jwt";

    private AccessTokenType() {
    }

    /** Whether the compact JWS {@code rawToken} says it is an access token ({@code at+jwt}, case-insensitive). */
    public static boolean isAccessToken(String rawToken) {
        if (rawToken == null) {
            return false;
        }
        int dot = rawToken.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        try (JsonReader reader = Json.createReader(new StringReader(new String(
                Base64.getUrlDecoder().decode(rawToken.substring(0, dot)), StandardCharsets.UTF_8)))) {
            JsonObject header = reader.readObject();
            JsonValue typ = header.get("typ");
            if (!(typ instanceof JsonString text)) {
                return false;
            }
            // A media type may be written in full ("application/at+jwt"); media types are case-insensitive.
            String type = text.getString().toLowerCase(Locale.ROOT);
            return type.equals(TYPE) || type.equals("application/" + TYPE);
        } catch (IllegalArgumentException | JsonException | ClassCastException e) {
            return false;
        }
    }
}
