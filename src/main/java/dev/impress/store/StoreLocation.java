package dev.impress.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the store lives, from what a user types after {@code --db}: a file path (SQLite, the
 * default), a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL, or a
 * {@code postgresql://user@host:port/db} URL. A PostgreSQL password is never taken from the
 * command line; it comes from the URL's own password (discouraged) or from PGPASSWORD.
 */
public record StoreLocation(String jdbcUrl, Properties properties, Engine engine, String display) {
    public enum Engine { SQLITE, POSTGRESQL }

    public static final String DEFAULT_FILE = "impress.db";

    public static StoreLocation parse(String spec) {
        if (spec == null || spec.isBlank()) spec = DEFAULT_FILE;
        Properties props = new Properties();
        if (spec.startsWith("jdbc:sqlite:")) {
            return new StoreLocation(spec, props, Engine.SQLITE, spec.substring("jdbc:sqlite:".length()));
        }
        if (spec.startsWith("jdbc:postgresql:")) {
            passwordFromEnvironment(props);
            return new StoreLocation(spec, props, Engine.POSTGRESQL, redact(spec));
        }
        if (spec.startsWith("postgresql://") || spec.startsWith("postgres://")) {
            URI uri = URI.create(spec);
            String userInfo = uri.getUserInfo();
            if (userInfo != null) {
                int colon = userInfo.indexOf(':');
                props.setProperty("user", colon < 0 ? userInfo : userInfo.substring(0, colon));
                if (colon >= 0) props.setProperty("password", userInfo.substring(colon + 1));
            }
            if (!props.containsKey("password")) passwordFromEnvironment(props);
            String hostPort = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            String jdbc = "jdbc:postgresql://" + hostPort + uri.getRawPath() + query;
            return new StoreLocation(jdbc, props, Engine.POSTGRESQL, jdbc);
        }
        if (spec.startsWith("jdbc:")) {
            throw new IllegalArgumentException("--db: unsupported database URL '" + redact(spec)
                    + "': expected a file path, jdbc:sqlite:FILE, jdbc:postgresql://... or postgresql://...");
        }
        Path file = Path.of(spec).toAbsolutePath().normalize();
        return new StoreLocation("jdbc:sqlite:" + file, props, Engine.SQLITE, file.toString());
    }

    private static void passwordFromEnvironment(Properties props) {
        String pw = System.getenv("PGPASSWORD");
        if (pw != null && !pw.isEmpty()) props.setProperty("password", pw);
    }

    /** Hides a password= parameter so that the URL can be shown. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return display;
    }
}
