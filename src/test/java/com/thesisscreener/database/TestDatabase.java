package com.thesisscreener.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which database the tests of this JVM run on. Maven's default test pass runs on H2; its second pass
 * ({@code -Dscreener.test.database=postgresql}, see pom.xml) reruns every {@link DatabaseTest} on PostgreSQL at
 * {@code SCREENER_TEST_POSTGRES_URL} ({@code _USER}, {@code _PASSWORD}), or at the database {@code .ci/run}
 * creates when those are not set. Each H2 in-memory database of a test becomes a schema of its own there, emptied
 * once per JVM, so tests stay as isolated from each other as they are on H2.
 */
public final class TestDatabase {

    static final String MODE_PROPERTY = "screener.test.database";
    static final String URL_VARIABLE = "SCREENER_TEST_POSTGRES_URL";
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/screener_test";
    private static final String DEFAULT_USER = "screener_test";

    private static final Set<String> resetSchemas = ConcurrentHashMap.newKeySet();
    private static volatile String unreachableBecause;
    private static volatile boolean probed;

    private TestDatabase() {
    }

    /** Whether this JVM runs the database tests on PostgreSQL rather than H2. */
    public static boolean onPostgres() {
        return "postgresql".equalsIgnoreCase(System.getProperty(MODE_PROPERTY, "h2"));
    }

    /** PostgreSQL counts as expected (a test fails rather than skips without it) when its URL is configured. */
    static boolean postgresExpected() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    static String postgresUrl() {
        return postgresExpected() ? System.getenv(URL_VARIABLE) : DEFAULT_URL;
    }

    static String postgresUser() {
        return env("SCREENER_TEST_POSTGRES_USER", DEFAULT_USER);
    }

    static String postgresPassword() {
        return env("SCREENER_TEST_POSTGRES_PASSWORD", DEFAULT_USER);
    }

    /** Null when PostgreSQL answers, otherwise why not; asked once per JVM. */
    static synchronized String whyPostgresIsUnreachable() {
        if (!probed) {
            try (Connection connection = connect(postgresUrl())) {
                connection.isValid(3);
            } catch (SQLException e) {
                unreachableBecause = e.getMessage();
            }
            probed = true;
        }
        return unreachableBecause;
    }

    /** A PostgreSQL schema name for the test database called {@code name} (an H2 in-memory name or a class name). */
    public static String schemaFor(String name) {
        String cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return "t_" + (cleaned.length() > 50 ? cleaned.substring(0, 50) : cleaned);
    }

    /**
     * The datasource settings for a test database called {@code name}: an H2 in-memory database that lives as long
     * as the JVM, or a PostgreSQL schema emptied the first time it is asked for. Two application contexts asking
     * for the same name share one database, as two service instances would.
     */
    public static Map<String, Object> properties(String name) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (!onPostgres()) {
            properties.put("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000");
            return properties;
        }
        String schema = schemaFor(name);
        resetOnce(schema);
        properties.put("spring.datasource.url", withSchema(postgresUrl(), schema));
        properties.put("spring.datasource.username", postgresUser());
        properties.put("spring.datasource.password", postgresPassword());
        properties.put("spring.test.database.replace", "none");
        return properties;
    }

    private static String withSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops and recreates the schema, once per JVM, so each run starts from an empty database as on H2. */
    private static void resetOnce(String schema) {
        if (!resetSchemas.add(schema)) return;
        try (Connection connection = connect(postgresUrl()); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            resetSchemas.remove(schema);
            throw new IllegalStateException("cannot prepare schema " + schema + " on " + postgresUrl() + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(url, postgresUser(), postgresPassword());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
