package org.openreferral.domain.model.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.openreferral.domain.error.InvalidValueException;

/**
 * Where a webhook endpoint receives its deliveries: an absolute http(s) URL with a host and no user info, at most
 * {@value #MAX_LENGTH} characters. Whether its scheme and address are allowed is the SSRF guard's question.
 */
public record WebhookUrl(String value) {

    public static final int MAX_LENGTH = 2000;
    private static final String SUBJECT = "webhook URL";

    public WebhookUrl {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(SUBJECT, "is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException(SUBJECT, "must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidValueException(SUBJECT, "must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidValueException(SUBJECT, "must be an absolute http or https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidValueException(SUBJECT, "must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidValueException(SUBJECT, "must not have a fragment");
        }
    }

    public URI uri() {
        return URI.create(value);
    }

    /** Whether deliveries to it are encrypted. */
    public boolean https() {
        return uri().getScheme().equalsIgnoreCase("https");
    }

    /** The host, without the brackets of an IPv6 literal. */
    public String host() {
        String host = uri().getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The port, or the scheme's default. */
    public int port() {
        int port = uri().getPort();
        return port != -1 ? port : https() ? 443 : 80;
    }

    /** Path and query as sent in the request line ({@code /} when empty). */
    public String pathAndQuery() {
        URI uri = uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
