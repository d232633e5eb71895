package dev.herald.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * How the CLI reaches a server running on an H2 file. H2 lets one process open the file, so while the server runs,
 * {@code tenant create} goes through the server's admin API: the server writes its port and an admin key to a file
 * next to the database ({@code ./data/herald.server}), readable by its owner only, and deletes it when it stops.
 */
final class LocalServerFile {
    private static final String PORT = "port";
    private static final String ADMIN_KEY = "adminKey";

    private final Path path;

    private LocalServerFile(Path path) {
        this.path = path;
    }

    /** Where a server would write it for this database; empty unless the database is an H2 file. */
    static Optional<LocalServerFile> forDatabase(String jdbcUrl) {
        String location = jdbcUrl.startsWith("jdbc:h2:file:") ? jdbcUrl.substring("jdbc:h2:file:".length())
                : jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.matches("jdbc:h2:(mem|tcp|ssl):.*")
                ? jdbcUrl.substring("jdbc:h2:".length()) : null;
        if (location == null) {
            return Optional.empty();
        }
        String database = location.split(";", 2)[0];
        if (database.startsWith("~")) {
            database = System.getProperty("user.home") + database.substring(1);
        }
        return Optional.of(new LocalServerFile(Path.of(database + ".server")));
    }

    /** A running server's address and the admin key it accepts. */
    record Endpoint(int port, String adminKey) {
        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }
    }

    /** A fresh admin key, for a server that was not given one: only this file hands it out. */
    static String newAdminKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    void write(Endpoint endpoint) {
        Properties properties = new Properties();
        properties.setProperty(PORT, Integer.toString(endpoint.port()));
        properties.setProperty(ADMIN_KEY, endpoint.adminKey());
        try {
            Files.deleteIfExists(path); // a killed server's: recreate it owner-only
            createOwnerOnly();
            try (var out = Files.newOutputStream(path, StandardOpenOption.TRUNCATE_EXISTING)) {
                properties.store(out, "Herald server on this database (deleted when it stops)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    private void createOwnerOnly() throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(path);
        } catch (FileAlreadyExistsException raced) {
            throw new IOException("another server is writing " + path, raced);
        }
    }

    /** The endpoint a server wrote, if the file is there (it may be a killed server's: the caller finds out). */
    Optional<Endpoint> read() {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var in = Files.newInputStream(path)) {
            properties.load(in);
            return Optional.of(new Endpoint(Integer.parseInt(properties.getProperty(PORT)),
                    properties.getProperty(ADMIN_KEY)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a leftover file is harmless: the CLI finds no server behind it and opens the database itself
        }
    }
}
