package org.openreferral.bootstrap.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default database asks for its generated password, and keeps both password and data across restarts. */
class EmbeddedPostgresLauncherTest {

    @TempDir
    Path dataDir;

    @Test
    void newDatabaseRefusesConnectionsWithoutTheGeneratedPassword() throws Exception {
        EmbeddedPostgresLauncher.Running running = EmbeddedPostgresLauncher.launch(dataDir);
        try {
            String url = running.datasource().get("quarkus.datasource.jdbc.url");
            assertThatThrownBy(() -> connect(url, null).close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(url, "not-the-password").close()).isInstanceOf(SQLException.class);
            try (Connection connection = connect(running.datasource())) {
                assertThat(connection.isValid(2)).isTrue();
            }
            Path passwordFile = dataDir.resolve(EmbeddedPostgresLauncher.PASSWORD_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(running.datasource().get("quarkus.datasource.password"));
            assertThat(authLines(dataDir.resolve("postgres"))).isNotEmpty().noneMatch(line -> line.endsWith("trust"));
        } finally {
            running.postgres().close();
        }
    }

    @Test
    void restartReusesThePasswordAndKeepsTheData() throws Exception {
        EmbeddedPostgresLauncher.Running first = EmbeddedPostgresLauncher.launch(dataDir);
        try (Connection connection = connect(first.datasource()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (v text)");
            statement.execute("INSERT INTO kept VALUES ('still here')");
        } finally {
            first.postgres().close();
        }
        EmbeddedPostgresLauncher.Running second = EmbeddedPostgresLauncher.launch(dataDir);
        try (Connection connection = connect(second.datasource()); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT v FROM kept")) {
            assertThat(second.datasource().get("quarkus.datasource.password"))
                    .isEqualTo(first.datasource().get("quarkus.datasource.password"));
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        } finally {
            second.postgres().close();
        }
    }

    @Test
    void databaseMadeWithTrustByAnOlderVersionGetsThePassword() throws Exception {
        // What earlier versions left in the data directory: zonky's initdb with "-A trust", no password file.
        EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres")).setCleanDataDirectory(false)
                .start().close();
        assertThat(authLines(dataDir.resolve("postgres"))).anyMatch(line -> line.endsWith("trust"));

        EmbeddedPostgresLauncher.Running running = EmbeddedPostgresLauncher.launch(dataDir);
        try {
            String url = running.datasource().get("quarkus.datasource.jdbc.url");
            assertThat(authLines(dataDir.resolve("postgres"))).noneMatch(line -> line.endsWith("trust"));
            // pg_reload_conf() signals the postmaster; new connections follow once it has re-read pg_hba.conf.
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThatThrownBy(() -> connect(url, null).close())
                            .isInstanceOf(SQLException.class));
            try (Connection connection = connect(running.datasource())) {
                assertThat(connection.isValid(2)).isTrue();
            }
        } finally {
            running.postgres().close();
        }
    }

    @Test
    void passwordFileOthersMayReadIsRefused() throws IOException {
        Path passwordFile = dataDir.resolve(EmbeddedPostgresLauncher.PASSWORD_FILE);
        Files.writeString(passwordFile, "a".repeat(43) + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> EmbeddedPostgresLauncher.launch(dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(passwordFile.toAbsolutePath().toString())
                .hasMessageContaining("chmod 600");
    }

    @Test
    void passwordFileThatIsASymlinkIsRefused() throws IOException {
        Path elsewhere = Files.writeString(dataDir.resolve("elsewhere"), "a".repeat(43) + "\n");
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(dataDir.resolve(EmbeddedPostgresLauncher.PASSWORD_FILE), elsewhere);

        assertThatThrownBy(() -> EmbeddedPostgresLauncher.launch(dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("symbolic link");
    }

    private static Connection connect(Map<String, String> datasource) throws SQLException {
        return connect(datasource.get("quarkus.datasource.jdbc.url"), datasource.get("quarkus.datasource.password"));
    }

    private static Connection connect(String url, String password) throws SQLException {
        Properties properties = new Properties();
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    private static List<String> authLines(Path postgresData) throws IOException {
        return Files.readAllLines(postgresData.resolve("pg_hba.conf")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }
}
