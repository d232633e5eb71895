package dev.herald.adapter.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * An H2 file holds every webhook's signing secret: only its owner may read it. A directory Herald creates for it is
 * owner-only (0700), and the database's own files ({@code herald.mv.db}, its trace and lock files) are made 0600.
 * A directory that already exists keeps its permissions (it may be the user's own).
 */
final class H2FilePermissions {
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private H2FilePermissions() {
    }

    /** The database's path without H2's suffixes ({@code ./data/herald}), for a file URL. */
    static Optional<Path> databasePath(String jdbcUrl) {
        if (!H2Urls.isH2File(jdbcUrl)) {
            return Optional.empty();
        }
        String location = jdbcUrl.substring(jdbcUrl.startsWith("jdbc:h2:file:") ? "jdbc:h2:file:".length()
                : "jdbc:h2:".length()).split(";", 2)[0];
        if (location.startsWith("~")) {
            location = System.getProperty("user.home") + location.substring(1);
        }
        return Optional.of(Path.of(location).toAbsolutePath());
    }

    /** Before H2 creates anything: the directory, owner-only, if it does not exist yet. */
    static void prepareDirectory(Path database) {
        Path directory = database.getParent();
        if (directory == null || Files.exists(directory) || !isPosix(directory.getRoot())) {
            return;
        }
        try {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database directory " + directory, e);
        }
    }

    /** After H2 opened the database: its files, owner-only. */
    static void protectFiles(Path database) {
        Path directory = database.getParent();
        if (directory == null || !isPosix(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, database.getFileName() + ".*")) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot protect the database files in " + directory, e);
        }
    }

    private static boolean isPosix(Path path) {
        return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
