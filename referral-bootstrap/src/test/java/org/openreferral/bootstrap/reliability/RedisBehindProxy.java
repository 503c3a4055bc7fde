package org.openreferral.bootstrap.reliability;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openreferral.bootstrap.support.LocalRedis;

/**
 * A real Redis (embedded-redis binaries) configured as the app's cache, reached through a {@link TcpProxy}:
 * tests stop and start the server, or freeze the network to it, and read what it holds with {@link #keys}.
 */
public class RedisBehindProxy implements QuarkusTestResourceLifecycleManager {

    static volatile TcpProxy proxy;
    private static LocalRedis redis;

    @Override
    public Map<String, String> start() {
        redis = new LocalRedis();
        redis.start();
        proxy = new TcpProxy(redis.port());
        return Map.of(
                "quarkus.redis.hosts", "redis://127.0.0.1:" + proxy.port(),
                "referral.cache.backend", "redis",
                "referral.cache.key-secret", "reliability-test-secret");
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        redis.stop();
    }

    /** Starts the server, unless it runs already. */
    static void startServer() {
        redis.start();
    }

    static void stopServer() {
        redis.stop();
    }

    /** The keys matching a pattern, read straight from the server (not through the proxy). */
    static List<String> keys(String pattern) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), redis.port())) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(("*2\r\n$4\r\nKEYS\r\n$" + pattern.length() + "\r\n" + pattern + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String header = in.readLine();
            if (header == null || header.charAt(0) != '*') {
                throw new IllegalStateException("unexpected Redis reply " + header);
            }
            List<String> keys = new ArrayList<>();
            for (int i = Integer.parseInt(header.substring(1)); i > 0; i--) {
                in.readLine(); // $length
                keys.add(in.readLine());
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
