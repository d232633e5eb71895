package dev.herald.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The Maven project's version, written into {@code herald-version.properties} when the jar is built. */
final class HeraldVersion {
    private static final String RESOURCE = "herald-version.properties";

    private HeraldVersion() {
    }

    static String read() {
        try (InputStream in = HeraldVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from Herald's jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
