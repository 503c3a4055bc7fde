package org.openreferral.application.integration.port.out;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openreferral.domain.model.webhook.WebhookUrl;

/**
 * Out-port: sends one delivery: a POST of {@code body} to {@code url}, connected to {@code address} (the one the
 * SSRF guard checked, never resolved again) with the URL's host in the Host header and TLS SNI; bounded by the
 * connect and response timeouts. Called outside any transaction and never on a request thread.
 */
public interface WebhookSender {

    SendResult send(WebhookRequest request);

    /** What to send, and where. */
    record WebhookRequest(WebhookUrl url, InetAddress address, Map<String, String> headers, String body) {

        public WebhookRequest {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(address, "address");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(body, "body");
        }
    }

    /** The receiver's status, if an answer came, how long it took, and why there was none. */
    record SendResult(Optional<Integer> status, Duration took, Optional<String> failure) {

        public SendResult {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(took, "took");
            Objects.requireNonNull(failure, "failure");
        }

        public static SendResult answered(int status, Duration took) {
            return new SendResult(Optional.of(status), took, Optional.empty());
        }

        public static SendResult failed(String failure, Duration took) {
            return new SendResult(Optional.empty(), took, Optional.of(failure));
        }
    }
}
