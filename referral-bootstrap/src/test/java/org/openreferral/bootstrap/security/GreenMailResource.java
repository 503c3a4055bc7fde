package org.openreferral.bootstrap.security;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a free local port, configured as the app's mail server; tests may
 * stop and start it to simulate an outage. GreenMail accepts mail for any recipient.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static int port;
    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        port = freePort();
        startServer();
        return Map.of(
                "referral.mail.smtp-host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(port),
                "quarkus.mailer.start-tls", "DISABLED",
                // One connection per mail: a restarted server never meets a stale pooled connection.
                "quarkus.mailer.keep-alive", "false");
    }

    @Override
    public void stop() {
        stopServer();
    }

    /** The running server, to read what arrived. */
    static synchronized GreenMail server() {
        return server;
    }

    static synchronized void startServer() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    static synchronized void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
