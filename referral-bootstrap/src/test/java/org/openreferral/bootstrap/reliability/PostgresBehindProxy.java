package org.openreferral.bootstrap.reliability;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * A throwaway PostgreSQL that the app reaches only through a {@link TcpProxy}, so a test can take the
 * database away and give it back. Tests read the truth directly, around the proxy, with {@link #direct()}.
 */
public class PostgresBehindProxy implements QuarkusTestResourceLifecycleManager {

    static volatile TcpProxy proxy;
    private static volatile String directUrl;
    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            directUrl = postgres.getJdbcUrl("postgres", "postgres");
            proxy = TcpProxy.forPostgres(postgres.getPort());
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres",
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "",
                    "referral.data-dir", Files.createTempDirectory("referral-outage-data").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Started after the global PostgresTestResource, so that this URL is the one the app gets.
    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection straight to the database, not through the proxy. */
    static Connection direct() throws SQLException {
        return DriverManager.getConnection(directUrl, "postgres", "");
    }
}
