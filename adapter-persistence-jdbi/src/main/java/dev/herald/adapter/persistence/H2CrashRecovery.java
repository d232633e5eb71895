package dev.herald.adapter.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the last commits of an H2 file that was not closed (a killed process) before H2 opens it.
 *
 * <p>Why: H2 2.5.252 (pinned) marks the newest chunk of the file in its header only when a chunk lands away from where
 * the one before it predicted, and then writes the position of the chunk before (its {@code FileStore} sets
 * {@code lastChunk} after {@code writeChunk}, which writes the header). H2's own open after a crash follows the header
 * and its chain of predictions, so once the file reuses free space (after its retention time) it can miss the
 * newest chunks: commits that were answered, and are in the file. H2's recovery mode reads every block of the file and
 * finds them. So when the header says the file was not closed, Herald opens it once in that mode and closes it
 * (which writes a header that points at the newest commit) before the database starts. It costs one read of the file,
 * only after a crash (docs/DECISIONS.md, "H2 after a crash").
 */
final class H2CrashRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(H2CrashRecovery.class);
    /** H2 writes its file header twice, in the first two blocks. */
    private static final int HEADER_BLOCK = 4096;

    private H2CrashRecovery() {
    }

    /**
     * Scans the file behind {@code database} (its path without H2's suffix) if it exists and was not closed; true if
     * it did. A file open in this or another process is left alone (H2's file lock says so), and so is an encrypted
     * one ({@code CIPHER}: only H2 holds its key) or one H2 does not lock ({@code FILE_LOCK=NO}: it may be open).
     */
    static boolean beforeOpening(Path database, String jdbcUrl) {
        Path file = database.resolveSibling(database.getFileName() + ".mv.db");
        String url = jdbcUrl.toUpperCase(Locale.ROOT);
        if (!Files.isRegularFile(file) || url.contains(";CIPHER=") || url.contains(";FILE_LOCK=NO")
                || closedCleanly(file)) {
            return false;
        }
        long started = System.nanoTime();
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(file.toString()).recoveryMode().open();
        } catch (MVStoreException e) {
            if (e.getErrorCode() != DataUtils.ERROR_FILE_LOCKED) {
                // H2's own open comes next, and says what is wrong with the file.
                LOG.warn("Could not read the H2 file {} in recovery mode; H2 opens it as usual", file, e);
            }
            return false;
        }
        long version = store.getCurrentVersion();
        store.close();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.warn("The H2 file {} was not closed (the process was stopped abruptly): read all of it in H2's recovery "
                + "mode, newest commit at version {}, in {} ms", file, version, millis);
        return true;
    }

    /** Both header blocks alike and marked {@code clean}: H2 closed the file itself. */
    static boolean closedCleanly(Path file) {
        byte[] headers = new byte[2 * HEADER_BLOCK];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(headers, 0, headers.length) < headers.length) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the H2 file " + file, e);
        }
        String first = headerText(Arrays.copyOfRange(headers, 0, HEADER_BLOCK));
        String second = headerText(Arrays.copyOfRange(headers, HEADER_BLOCK, headers.length));
        return first.equals(second) && ("," + first + ",").contains(",clean:1,");
    }

    /** A header block's text: {@code key:value} pairs separated by commas, up to the end of the line. */
    private static String headerText(byte[] block) {
        String text = new String(block, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        return end < 0 ? "" : text.substring(0, end);
    }
}
