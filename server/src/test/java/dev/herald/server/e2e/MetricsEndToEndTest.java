package dev.herald.server.e2e;

import dev.herald.server.support.LocalServerConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.server.HeraldConfig;
import dev.herald.server.HeraldServer;
import dev.herald.server.support.HeraldClient;
import dev.herald.server.support.Poll;
import dev.herald.server.support.TestReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} of the standalone server, scraped over real HTTP (docs/API.md §8.5). */
class MetricsEndToEndTest {
    private static final String ADMIN_KEY = "metrics-admin-key-0123456789";
    private static final String TOKEN = "metrics-token-0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration SOON = Duration.ofSeconds(10);
    /** One Prometheus sample line: its name, its labels, its value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");

    private TestReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new TestReceiver();
        receiver.answer(request -> request.path().equals("/failing") ? 500 : 200);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void deliveriesPublishesRequestsPoolAndJvmShowInTheScrape() {
        try (HeraldServer server = HeraldServer.start(config(Map.of()))) {
            HeraldClient tenant = HeraldClient.at(base(server)).newTenant(ADMIN_KEY, "clinic");
            String working = tenant.createWebhook(receiver.url("/working"), List.of("PATIENT_CREATED"), null)
                    .get("id").asText();
            String failing = tenant.createWebhook(receiver.url("/failing"), List.of("PAYMENT_CREATED"), null)
                    .get("id").asText();
            List<String> eventIds = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                eventIds.add(tenant.publish("PATIENT_CREATED", "{\"n\":" + i + "}").get("id").asText());
            }
            eventIds.add(tenant.publish("PAYMENT_CREATED", "{}").get("id").asText());
            tenant.get("/v1/webhook/get/" + working).expect(200);
            assertEquals(404, HeraldClient.at(base(server)).get("/no/such/" + UUID.randomUUID()).status());

            List<Sample> scrape = Poll.until(SOON, () -> samples(scrape(server, null).body()),
                    s -> sum(s, "herald_deliveries_total", "outcome=\"finally_failed\"") == 1
                            && sum(s, "herald_deliveries_total", "outcome=\"delivered\"") == 3
                            && sum(s, "herald_queue_depth") == 0,
                    "3 delivered, 1 finally failed, and the queue empty");

            assertEquals(3, sum(scrape, "herald_deliveries_total", "outcome=\"delivered\"", "tenant=\"clinic\""));
            assertEquals(2, sum(scrape, "herald_deliveries_total", "outcome=\"failed_attempt\"", "tenant=\"clinic\""));
            assertEquals(1, sum(scrape, "herald_deliveries_total", "outcome=\"finally_failed\"", "tenant=\"clinic\""));
            assertEquals(6, sum(scrape, "herald_attempt_duration_seconds_count"), "3 + 3 attempts");
            assertEquals(0, sum(scrape, "herald_queue_oldest_due_age_seconds"));
            assertTrue(sum(scrape, "herald_attempt_duration_seconds_bucket") > 0, "a histogram, with buckets");
            assertEquals(4, sum(scrape, "herald_publish_duration_seconds_count"));
            assertEquals(4, sum(scrape, "http_server_requests_seconds_count",
                    "method=\"POST\"", "route=\"/v1/event/create\"", "status=\"200\""));
            assertEquals(1, sum(scrape, "http_server_requests_seconds_count",
                    "method=\"GET\"", "route=\"/v1/webhook/get/{webhook_id}\"", "status=\"200\""));
            assertEquals(1, sum(scrape, "http_server_requests_seconds_count", "route=\"UNMATCHED\"",
                    "status=\"404\""));
            for (String name : List.of("hikaricp_connections", "jvm_memory_used_bytes", "jvm_threads_live_threads",
                    "jvm_gc_memory_allocated_bytes_total", "process_cpu_usage", "system_cpu_count",
                    "process_uptime_seconds")) {
                assertTrue(scrape.stream().anyMatch(s -> s.name().equals(name)), name + " is in the scrape");
            }

            List<String> ids = new ArrayList<>(List.of(working, failing));
            ids.addAll(eventIds);
            receiver.requests().forEach(request -> ids.add(request.header("webhook-id")));
            for (Sample sample : scrape) {
                for (String id : ids) {
                    assertFalse(sample.labels().contains(id), "an id in a label: " + sample);
                }
                assertFalse(sample.labels().contains("/no/such/"), "a raw path in a label: " + sample);
            }
        }
    }

    @Test
    void theQueueGaugesShowDeliveriesWaitingBehindASlowEndpoint() {
        receiver.delay(Duration.ofSeconds(3));
        try (HeraldServer server = HeraldServer.start(config(Map.of("HERALD_ENDPOINT_CONCURRENCY", "1",
                "HERALD_DELIVERY_TIMEOUT", "10s")))) {
            HeraldClient tenant = HeraldClient.at(base(server)).newTenant(ADMIN_KEY, "slow");
            tenant.createWebhook(receiver.url("/slow"), List.of("PATIENT_CREATED"), null);
            tenant.publish("PATIENT_CREATED", "{\"n\":1}");
            tenant.publish("PATIENT_CREATED", "{\"n\":2}");

            // One is being sent (3 s), the other is due but waits for the endpoint's only slot.
            List<Sample> scrape = Poll.until(SOON, () -> samples(scrape(server, null).body()),
                    s -> sum(s, "herald_queue_oldest_due_age_seconds") > 0, "a due delivery waiting");
            assertEquals(2, sum(scrape, "herald_queue_depth"));

            Poll.until(SOON, () -> samples(scrape(server, null).body()),
                    s -> sum(s, "herald_deliveries_total", "outcome=\"delivered\"") == 2
                            && s.stream().anyMatch(one -> one.name().equals("herald_queue_depth"))
                            && sum(s, "herald_queue_depth") == 0
                            && sum(s, "herald_queue_oldest_due_age_seconds") == 0,
                    "both delivered and the queue empty again");
        }
    }

    @Test
    void theEndpointGaugesCountOpenCircuitsAndDisabledWebhooks() {
        try (HeraldServer server = HeraldServer.start(config(Map.of("HERALD_CIRCUIT_FAILURES", "2",
                "HERALD_CIRCUIT_COOLDOWN", "1h", "HERALD_RETRY_SCHEDULE", "1h")))) {
            HeraldClient tenant = HeraldClient.at(base(server)).newTenant(ADMIN_KEY, "circuits");
            String failing = tenant.createWebhook(receiver.url("/failing"), List.of("PATIENT_CREATED"), null)
                    .get("id").asText();
            tenant.createWebhook(receiver.url("/working"), List.of("PATIENT_CREATED"), null);
            List<Sample> before = samples(scrape(server, null).body());
            assertEquals(0, sum(before, "herald_circuits_open"));
            assertEquals(0, sum(before, "herald_webhooks_disabled"));
            assertTrue(before.stream().anyMatch(s -> s.name().equals("herald_circuits_open")), "the gauge is there");

            tenant.publish("PATIENT_CREATED", "{\"n\":1}");
            tenant.publish("PATIENT_CREATED", "{\"n\":2}");
            Poll.until(SOON, () -> samples(scrape(server, null).body()),
                    s -> sum(s, "herald_circuits_open") == 1 && sum(s, "herald_webhooks_disabled") == 0,
                    "two failed sends open the failing endpoint's circuit, and only its");

            tenant.put("/v1/webhook/update/" + failing, Map.of("isDisabled", true)).expect(200);
            Poll.until(SOON, () -> samples(scrape(server, null).body()),
                    s -> sum(s, "herald_webhooks_disabled") == 1 && sum(s, "herald_circuits_open") == 0,
                    "a disabled webhook is counted as disabled, its endpoint no longer as an open circuit");

            tenant.post("/v1/webhook/enable/" + failing).expect(200);
            Poll.until(SOON, () -> samples(scrape(server, null).body()),
                    s -> sum(s, "herald_webhooks_disabled") == 0 && sum(s, "herald_circuits_open") == 0,
                    "enabled again: a fresh start, its circuit closed");
        }
    }

    @Test
    void theScrapeIsPrometheusText() {
        try (HeraldServer server = HeraldServer.start(config(Map.of()))) {
            HttpResponse<String> answer = scrape(server, null);
            assertEquals(200, answer.statusCode());
            assertTrue(answer.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"),
                    answer.headers().toString());
            assertTrue(answer.body().contains("# TYPE jvm_memory_used_bytes gauge"), answer.body());
        }
    }

    @Test
    void withATokenTheScrapeNeedsItAsBearer() {
        try (HeraldServer server = HeraldServer.start(config(Map.of("HERALD_METRICS_TOKEN", TOKEN)))) {
            assertEquals(401, scrape(server, null).statusCode());
            assertEquals(401, scrape(server, "Bearer " + TOKEN + "x").statusCode());
            assertEquals(401, scrape(server, TOKEN).statusCode());
            HttpResponse<String> answer = scrape(server, "Bearer " + TOKEN);
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().contains("jvm_memory_used_bytes"));
        }
    }

    @Test
    void disabledThereIsNoScrape() {
        try (HeraldServer server = HeraldServer.start(config(Map.of("HERALD_METRICS_ENABLED", "false")))) {
            assertEquals(404, scrape(server, null).statusCode());
            assertEquals(200, HeraldClient.at(base(server)).get("/health").status());
        }
    }

    @Test
    void aShortTokenIsRefusedAtStartWithoutShowingIt() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> config(Map.of("HERALD_METRICS_TOKEN", "short-secret")));
        assertTrue(refused.getMessage().contains("HERALD_METRICS_TOKEN"), refused.getMessage());
        assertFalse(refused.getMessage().contains("short-secret"), refused.getMessage());
    }

    private record Sample(String name, String labels, double value) {
    }

    private static List<Sample> samples(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.matches()) {
                samples.add(new Sample(m.group(1), m.group(2) == null ? "" : m.group(2),
                        Double.parseDouble(m.group(3))));
            }
        }
        return samples;
    }

    /** The sum of the samples named {@code name} whose labels hold every one of {@code labels}. */
    private static double sum(List<Sample> samples, String name, String... labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && List.of(labels).stream().allMatch(s.labels()::contains))
                .mapToDouble(Sample::value).sum();
    }

    private static HttpResponse<String> scrape(HeraldServer server, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(server) + "/metrics"))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String base(HeraldServer server) {
        return "http://localhost:" + server.port();
    }

    private static HeraldConfig config(Map<String, String> overrides) {
        return LocalServerConfig.of("metrics", ADMIN_KEY,
                Map.of("HERALD_RETRY_SCHEDULE", "100ms,200ms", "HERALD_DELIVERY_TIMEOUT", "1s"), overrides);
    }
}
