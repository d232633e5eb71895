package dev.herald.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.net.httpserver.HttpServer;
import dev.herald.server.support.ChildServer;
import dev.herald.server.support.HeraldClient;
import dev.herald.server.support.Poll;
import dev.herald.server.support.TestReceiver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The fan-out attack of a hostile tenant, replayed against the real server under the README's heap bound: 500 webhooks
 * on one event type, whose endpoint answers 500, and one event with data just under the size limit. The limits that
 * would refuse it are raised here, to show that the node itself holds: a batch holds each event's data once, however
 * many deliveries share it. The server stays healthy, a bystander tenant is served and delivered to, and a server
 * started again on the same database (which rebuilds the queue with the same deliveries) is just as healthy.
 */
class HostileTenantTest {
    private static final int WEBHOOKS = 500;
    private static final int DATA_BYTES = 261_000;
    private static final Pattern BREAKDOWN = Pattern.compile("OutOfMemoryError|(already|has been) closed");

    @Test
    void aWideFanOutOfAMaximalEventLeavesTheServerHealthyAndARestartClean() throws Exception {
        Path directory = ChildServerSetup.workDirectory("hostile-tenant");
        Map<String, String> environment = ChildServerSetup.environment(directory, Map.of(
                "HERALD_MAX_WEBHOOKS_PER_TENANT", "1000",
                "HERALD_MAX_SUBSCRIBERS_PER_EVENT_TYPE", "1000",
                "HERALD_MAX_FANOUT_BYTES", Long.toString(1L << 30)));
        try (FailingEndpoint failing = new FailingEndpoint(); TestReceiver bystanderReceiver = new TestReceiver()) {
            HeraldClient bystander;
            Path firstLog = directory.resolve("first.log");
            try (ChildServer server = ChildServer.start(environment, firstLog, "256m")) {
                HeraldClient hostile = HeraldClient.at(server.baseUrl()).newTenant(ChildServerSetup.ADMIN_KEY, "mallory");
                for (int i = 0; i < WEBHOOKS; i++) {
                    hostile.createWebhook(failing.url() + i, List.of("PATIENT_CREATED"), null);
                }
                bystander = HeraldClient.at(server.baseUrl()).newTenant(ChildServerSetup.ADMIN_KEY, "bystander");
                bystander.createWebhook(bystanderReceiver.url("/hook"), List.of("PATIENT_CREATED"), null);

                String data = "{\"blob\":\"" + "x".repeat(DATA_BYTES - 11) + "\"}";
                assertEquals(WEBHOOKS, hostile.publish("PATIENT_CREATED", data).get("deliveryCount").asInt());

                // Two rounds of attempts (the first and the immediate retry) of all 500 deliveries, 261 KB each.
                staysHealthyWhile(server, bystander, bystanderReceiver,
                        () -> failing.requests.get() >= 2 * WEBHOOKS, "two attempts of every hostile delivery");
                server.kill(); // as a crash would: the queue is rebuilt from the delivery log at the next start
            }
            assertFalse(BREAKDOWN.matcher(Files.readString(firstLog)).find(), "no OutOfMemoryError, no closed database");

            int before = failing.requests.get();
            Path secondLog = directory.resolve("restarted.log");
            try (ChildServer again = ChildServer.start(environment, secondLog, "256m")) {
                staysHealthyWhile(again, bystander.on(again.baseUrl()), bystanderReceiver,
                        () -> failing.requests.get() >= before + WEBHOOKS, "the rebuilt queue's attempts");
            }
            assertFalse(BREAKDOWN.matcher(Files.readString(secondLog)).find(), "the restart holds too");
        }
    }

    /**
     * Until {@code done}: the health check answers UP every time, and each bystander event is accepted and delivered.
     */
    private static void staysHealthyWhile(ChildServer server, HeraldClient bystander, TestReceiver receiver,
                                          BooleanSupplier done, String what) {
        HeraldClient anonymous = HeraldClient.at(server.baseUrl());
        AtomicInteger published = new AtomicInteger();
        Poll.until(Duration.ofSeconds(90), () -> {
            assertEquals(200, anonymous.get("/health").status(), "health while " + what);
            String id = bystander.publish("PATIENT_CREATED", "{\"n\":" + published.incrementAndGet() + "}")
                    .get("id").asText();
            TestReceiver.await(Duration.ofSeconds(20), () -> receiver.acceptedEventIds().contains(id),
                    "the bystander's event " + id);
            return done.getAsBoolean();
        }, Boolean::booleanValue, what);
    }

    /** An endpoint that reads each request whole, keeps nothing, and answers 500. */
    private static final class FailingEndpoint implements AutoCloseable {
        final AtomicInteger requests = new AtomicInteger();
        private final ExecutorService threads = Executors.newFixedThreadPool(16);
        private final HttpServer server;

        FailingEndpoint() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            server.setExecutor(threads);
            server.createContext("/", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    body.transferTo(OutputStream.nullOutputStream());
                }
                requests.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/";
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
