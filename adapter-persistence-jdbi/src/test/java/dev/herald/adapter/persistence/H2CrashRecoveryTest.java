package dev.herald.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A killed process leaves the H2 file as it was at its last commit; Herald must start from that commit, even where
 * H2's own open would start from an older one (H2CrashRecovery says when).
 */
class H2CrashRecoveryTest {
    private static final int MOST_COMMITS = 500;

    @TempDir
    Path directory;

    /**
     * The file reuses free space at once (retention time 0, instead of after 45 s), and rows of changing sizes are
     * committed one at a time. After each commit the file is copied as a kill would leave it, until H2's own open of
     * a copy misses the last row; Herald's recovery step must then find it in the other copy.
     */
    @Test
    void aCommitH2sOwnOpenWouldMissIsFoundAfterAKill() throws SQLException, IOException {
        Path database = directory.resolve("herald");
        try (Connection connection = DriverManager.getConnection(url(database))) {
            reuseFreeSpaceAtOnce(connection);
            connection.createStatement()
                    .execute("CREATE TABLE rows_in_order (id INT PRIMARY KEY, body VARCHAR(10000))");
            PreparedStatement insert = connection.prepareStatement("INSERT INTO rows_in_order VALUES (?, ?)");
            PreparedStatement delete = connection.prepareStatement("DELETE FROM rows_in_order WHERE id = ?");
            for (int row = 1; row <= MOST_COMMITS; row++) {
                insert.setInt(1, row);
                insert.setString(2, "x".repeat(100 + row * 7919 % 9000));
                insert.executeUpdate();
                delete.setInt(1, row - 5);
                delete.executeUpdate();

                Path openedByH2 = killedCopy(database, "h2-" + row);
                Path openedByHerald = killedCopy(database, "herald-" + row);
                if (newestRow(openedByH2) < row) {
                    assertTrue(H2CrashRecovery.beforeOpening(openedByHerald, url(openedByHerald)),
                            "the copy was scanned");
                    assertEquals(row, newestRow(openedByHerald), "the newest commit after Herald's recovery step");
                    return;
                }
                Files.delete(file(openedByH2));
                Files.delete(file(openedByHerald));
            }
        }
        fail("H2's own open found every one of " + MOST_COMMITS + " commits: if H2 (upgraded) now marks its newest "
                + "chunk correctly, H2CrashRecovery may no longer be needed");
    }

    @Test
    void aFileH2ClosedItselfIsOpenedAsUsual() throws SQLException {
        Path database = directory.resolve("closed");
        try (Connection connection = DriverManager.getConnection(url(database))) {
            connection.createStatement().execute("CREATE TABLE one_row (id INT)");
            connection.createStatement().execute("INSERT INTO one_row VALUES (1)");
        }
        assertTrue(H2CrashRecovery.closedCleanly(file(database)), "closed by H2");
        assertFalse(H2CrashRecovery.beforeOpening(database, url(database)), "scanned");
    }

    @Test
    void aFileOpenHereIsLeftAlone() throws SQLException {
        Path database = directory.resolve("open");
        try (Connection connection = DriverManager.getConnection(url(database))) {
            connection.createStatement().execute("CREATE TABLE one_row (id INT)");
            assertFalse(H2CrashRecovery.closedCleanly(file(database)), "an open file is not marked closed");
            assertFalse(H2CrashRecovery.beforeOpening(database, url(database)), "scanned");
            connection.createStatement().execute("INSERT INTO one_row VALUES (1)");
        }
    }

    @Test
    void aFileNotThereYetIsLeftToH2() {
        assertFalse(H2CrashRecovery.beforeOpening(directory.resolve("new"), url(directory.resolve("new"))));
    }

    /** The URL Herald opens a file with; closed when its last connection closes (as a file URL is in Herald). */
    private static String url(Path database) {
        return H2Urls.withHeraldSettings("jdbc:h2:file:" + database);
    }

    private static void reuseFreeSpaceAtOnce(Connection connection) throws SQLException {
        MVStore store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
                .getMvStore();
        store.getFileStore().setRetentionTime(0);
    }

    private Path killedCopy(Path database, String name) throws IOException {
        Path copy = directory.resolve(name);
        Files.copy(file(database), file(copy));
        return copy;
    }

    private static Path file(Path database) {
        return database.resolveSibling(database.getFileName() + ".mv.db");
    }

    private static int newestRow(Path database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(database) + ";IFEXISTS=TRUE");
             ResultSet newest = connection.createStatement().executeQuery("SELECT MAX(id) FROM rows_in_order")) {
            newest.next();
            return newest.getInt(1);
        }
    }
}
