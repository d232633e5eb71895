package dev.herald.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.server.support.ChildServer;
import dev.herald.server.support.HeraldClient;
import dev.herald.server.support.ReceiverSignatures;
import dev.herald.server.support.TestReceiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The CLI's tenant commands on the default H2 file: through the running server's admin API while it runs (only one
 * process may open the file), directly on the file when no server runs. No admin key is configured: the server hands
 * one to the CLI in an owner-only file next to the database.
 */
class CommandLineTest {
    private record Run(int exitCode, String out, String err) {
    }

    @Test
    void tenantCommandsWorkWhileTheServerRunsAndAfterItStops() throws Exception {
        Path work = ChildServerSetup.workDirectory("command-line");
        Path directory = work.resolve("data");
        Map<String, String> environment = Map.of("HERALD_DB_URL", "jdbc:h2:file:" + directory.resolve("herald"));
        String firstKey;
        try (ChildServer server = ChildServer.start(environment, work.resolve("server.log"))) {
            assertEquals("rwx------", permissions(directory), "the database directory Herald made is owner-only");
            assertEquals("rw-------", permissions(directory.resolve("herald.mv.db")));
            assertEquals("rw-------", permissions(directory.resolve("herald.server")));

            Run created = cli(environment, "tenant", "create", "acme");
            assertEquals(0, created.exitCode(), created.err());
            firstKey = created.out().strip();
            assertTrue(firstKey.startsWith("hk_"), created.out());
            HeraldClient acme = HeraldClient.at(server.baseUrl()).asTenant("acme", firstKey);
            assertEquals(200, acme.get("/v1/webhook/list").status(), "the new key works at once");

            Run again = cli(environment, "tenant", "create", "acme");
            assertEquals(1, again.exitCode());
            assertTrue(again.err().contains("exists"), again.err());
            assertEquals(401, HeraldClient.at(server.baseUrl()).asAdmin("guess")
                    .post("/admin/v1/tenant/create", Map.of("tenant", "x")).status(), "the admin key is not guessable");

            assertEquals(0, server.terminate(Duration.ofSeconds(30)));
        }
        assertFalse(Files.exists(directory.resolve("herald.server")), "a stopped server leaves no file behind");

        Run rotated = cli(environment, "tenant", "rotate-key", "acme");
        assertEquals(0, rotated.exitCode(), rotated.err());
        assertNotEquals(firstKey, rotated.out().strip());
    }

    @Test
    void aKilledServersLeftoverFileDoesNotStopTheCommandLine() throws Exception {
        Path directory = ChildServerSetup.workDirectory("command-line-killed");
        Map<String, String> environment = Map.of("HERALD_DB_URL", "jdbc:h2:file:" + directory.resolve("herald"));
        try (ChildServer server = ChildServer.start(environment, directory.resolve("server.log"))) {
            server.kill();
        }
        assertTrue(Files.exists(directory.resolve("herald.server")));

        Run created = cli(environment, "tenant", "create", "acme");
        assertEquals(0, created.exitCode(), created.err());
        assertTrue(created.out().strip().startsWith("hk_"));
    }

    @Test
    void keysAreGeneratedCheckedAndRotatedAndAStartWithoutTheKeyIsRefused() throws Exception {
        Run generated = cli(Map.of(), "keys", "generate");
        assertEquals(0, generated.exitCode(), generated.err());
        assertEquals(32, Base64.getDecoder().decode(generated.out().strip()).length);
        String k1 = "k1:" + generated.out().strip();
        String k2 = "k2:" + cli(Map.of(), "keys", "generate").out().strip();

        String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.UTF_8));
        for (String badKey : List.of(shortKey, "k1:not base64!")) {
            Run refused = cli(Map.of("HERALD_ENCRYPTION_KEY", badKey));
            assertEquals(2, refused.exitCode());
            assertTrue(refused.err().contains("HERALD_ENCRYPTION_KEY is not valid"), refused.err());
            assertFalse(refused.err().contains(badKey) || refused.err().contains(shortKey), "the key is not shown");
        }

        Path directory = ChildServerSetup.workDirectory("command-line-keys");
        Map<String, String> clear = ChildServerSetup.environment(directory, Map.of());
        Map<String, String> underK1 = ChildServerSetup.environment(directory, Map.of("HERALD_ENCRYPTION_KEY", k1));
        String secret;
        HeraldClient acme;
        try (TestReceiver receiver = new TestReceiver()) {
            try (ChildServer server = ChildServer.start(underK1, directory.resolve("k1.log"))) {
                acme = HeraldClient.at(server.baseUrl()).newTenant(ChildServerSetup.ADMIN_KEY, "acme");
                secret = acme.createWebhook(receiver.url("/hook"), List.of("PATIENT_CREATED"), null)
                        .get("secret").asText();
                assertEquals(0, server.terminate(Duration.ofSeconds(30)));
            }
            Run withoutKey = cli(clear);
            assertEquals(2, withoutKey.exitCode(), "the server refuses to start: it could not sign");
            assertTrue(withoutKey.err().contains("cannot start: 1 webhook(s) have encrypted signing secrets"),
                    withoutKey.err());

            Run noKeyToRotateTo = cli(clear, "keys", "rotate");
            assertEquals(2, noKeyToRotateTo.exitCode());
            assertTrue(noKeyToRotateTo.err().contains("set HERALD_ENCRYPTION_KEY"), noKeyToRotateTo.err());

            Run rotated = cli(ChildServerSetup.environment(directory,
                    Map.of("HERALD_ENCRYPTION_KEY", k2, "HERALD_ENCRYPTION_OLD_KEYS", k1)), "keys", "rotate");
            assertEquals(0, rotated.exitCode(), rotated.err());
            assertEquals("1", rotated.out().strip(), "the webhook's one secret");

            Map<String, String> onlyK2 = ChildServerSetup.environment(directory, Map.of("HERALD_ENCRYPTION_KEY", k2));
            try (ChildServer server = ChildServer.start(onlyK2, directory.resolve("k2.log"))) {
                acme.on(server.baseUrl()).publish("PATIENT_CREATED", "{}");
                TestReceiver.await(Duration.ofSeconds(10), () -> receiver.requests().size() == 1, "the delivery");
                ReceiverSignatures.verifyStandardWebhooks(secret, receiver.requests().get(0));
                assertEquals(0, server.terminate(Duration.ofSeconds(30)));
            }
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** {@code java -cp … dev.herald.server.Main ARGS} in a child JVM, as a user runs the jar. */
    private static Run cli(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.herald.server.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the CLI finished");
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }
}
