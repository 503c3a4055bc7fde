package org.openreferral.bootstrap;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Entry point. Without a configured JDBC URL it first starts the embedded PostgreSQL (JVM builds only);
 * with one, nothing embedded starts and the configured database is used.
 */
@QuarkusMain
public final class ReferralApplication {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String DATA_DIR = "referral.data-dir";
    /** Set by this class when it started the embedded PostgreSQL: the embedded default runs (not an operator setting). */
    public static final String EMBEDDED_DATABASE = "referral.embedded-database";
    private static final String LAUNCHER = "org.openreferral.bootstrap.embedded.EmbeddedPostgresLauncher";

    private ReferralApplication() {
    }

    public static void main(String... args) {
        if (setting(JDBC_URL).isEmpty()) {
            startEmbeddedPostgres().forEach(System::setProperty);
            System.setProperty(EMBEDDED_DATABASE, "true");
        }
        Quarkus.run(args);
    }

    /** A setting from a system property or its environment-variable form, as SmallRye Config would read it. */
    static Optional<String> setting(String name) {
        String property = System.getProperty(name);
        if (property != null && !property.isBlank()) {
            return Optional.of(property);
        }
        String env = System.getenv(name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(env);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> startEmbeddedPostgres() {
        Path dataDirectory = Path.of(setting(DATA_DIR).orElse("data"));
        try {
            // Looked up by name: the launcher and zonky's binaries are absent from the native build.
            return (Map<String, String>) Class.forName(LAUNCHER).getMethod("start", Path.class).invoke(null, dataDirectory);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("No database configured: set " + JDBC_URL
                    + " (QUARKUS_DATASOURCE_JDBC_URL); this build has no embedded PostgreSQL.", e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
