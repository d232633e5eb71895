package dev.herald.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.inmemory.InMemoryOwnerNotifier;
import dev.herald.adapter.persistence.JdbiPersistence;
import dev.herald.application.config.HeraldSettings;
import dev.herald.application.port.out.ForRecordingMetrics;
import dev.herald.application.port.out.ForSendingHttp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The embedding facade's builder: wrong input is named at once, and a failed build leaves nothing open. */
class HeraldBuilderTest {
    private static final ForSendingHttp NO_NETWORK = request -> new CompletableFuture<>();

    @Test
    void aWrongSettingIsRefusedByName() {
        assertNames("database", () -> Herald.builder().database("postgres://db/herald", "", ""));
        assertNames("dataSource", () -> Herald.builder().dataSource(null));
        assertNames("retrySchedule", () -> Herald.builder().retrySchedule(null));
        assertNames("connectTimeout", () -> Herald.builder().timeouts(Duration.ZERO, Duration.ofSeconds(1)));
        assertNames("deliveryTimeout", () -> Herald.builder().timeouts(Duration.ofSeconds(1), null));
        assertNames("deliveryLease", () -> Herald.builder().deliveryLease(Duration.ofSeconds(-1)));
        assertNames("batchSize", () -> Herald.builder().deliveryWorkers(0, 10, Duration.ofMillis(10)));
        assertNames("pollInterval", () -> Herald.builder().deliveryWorkers(10, 10, Duration.ZERO));
        assertNames("tenantLimits", () -> Herald.builder().tenantLimits(null));
        assertNames("clock", () -> Herald.builder().clock(null));
        assertNames("httpSender", () -> Herald.builder().httpSender(null));
        assertNames("ownerNotifier", () -> Herald.builder().ownerNotifier(null));
        assertNames("encryptionKey", () -> Herald.builder().encryptionKey("dG9vIHNob3J0"));
        assertNames("encryptionKey", () -> Herald.builder().encryptionKey(null));
        assertNames("encryptionKeys", () -> Herald.builder().encryptionKeys(null));
    }

    @Test
    void aReplacedSenderCannotSilentlyDropTheTimeouts() {
        HeraldBuilder builder = Herald.builder().database(memoryDatabase(), "", "")
                .timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)).httpSender(NO_NETWORK);
        assertNames("timeouts", builder::build);
    }

    @Test
    void aDatabaseAndADataSourceAreNotBothTaken() {
        HeraldBuilder builder = Herald.builder().database(memoryDatabase(), "", "")
                .dataSource(new org.h2.jdbcx.JdbcDataSource());
        assertNames("dataSource", builder::build);
    }

    @Test
    void aFailedBuildClosesThePoolItOpened() {
        AtomicReference<JdbiPersistence> opened = new AtomicReference<>();
        IllegalStateException failure = new IllegalStateException("the sender cannot start");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> HeraldAssembly.assemble(
                HeraldSettings.defaults(), () -> {
                    opened.set(JdbiPersistence.connect(memoryDatabase(), "", ""));
                    return opened.get();
                }, Clock.systemUTC(), () -> {
                    throw failure;
                }, new InMemoryOwnerNotifier(), ForRecordingMetrics.NONE));

        assertSame(failure, thrown);
        assertTrue(opened.get().databaseProbe().problem().isPresent(), "the pool Herald opened is closed again");
    }

    @Test
    void aBuiltHeraldAnswersUntilClosed() {
        Herald herald = Herald.builder().database(memoryDatabase(), "", "").httpSender(NO_NETWORK).build();
        assertTrue(herald.health().isHealthy());
        herald.close();
        assertFalse(herald.health().isHealthy());
    }

    @Test
    void theVersionIsTheMavenProjectsAndNamesTheUserAgent() {
        assertEquals(System.getProperty("herald.expectedVersion"), Herald.VERSION);
        assertEquals("Herald/" + System.getProperty("herald.expectedVersion"), Herald.USER_AGENT);
    }

    private static void assertNames(String setting, Executable wrong) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, wrong);
        assertTrue(e.getMessage().contains(setting), "the message names " + setting + ": " + e.getMessage());
    }

    private static String memoryDatabase() {
        return "jdbc:h2:mem:builder-" + UUID.randomUUID();
    }
}
