package org.openreferral.bootstrap.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import redis.embedded.RedisServer;

/**
 * A real Redis (6.2, the embedded-redis binaries) on a free local port, configured as the app's cache;
 * tests may stop and start it again to simulate an outage.
 */
public class RedisTestResource implements QuarkusTestResourceLifecycleManager {

    private static int port;
    private static RedisServer server;

    @Override
    public Map<String, String> start() {
        port = freePort();
        startRedis();
        return Map.of(
                "quarkus.redis.hosts", "redis://127.0.0.1:" + port,
                "referral.cache.key-secret", "test-secret-shared-by-instances");
    }

    @Override
    public void stop() {
        stopRedis();
    }

    public static synchronized void startRedis() {
        try {
            server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized void stopRedis() {
        try {
            if (server != null && server.isActive()) {
                server.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
