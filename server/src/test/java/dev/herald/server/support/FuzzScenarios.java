package dev.herald.server.support;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.server.HeraldConfig;
import dev.herald.server.HeraldServer;
import dev.herald.server.support.ApiRoutes.Route;
import dev.herald.server.support.HostileRequests.Fuzzed;
import dev.herald.server.support.HostileRequests.Known;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route of the server's own {@code /openapi.json} (so a new route is fuzzed as soon as it is documented) gets a
 * few hundred generated requests over real HTTP, most of them broken ({@link HostileRequests}). Each answer is a 2xx
 * or 4xx, never a 5xx, and every 4xx is the JSON error of docs/API.md §3, never a stack trace. Nothing is
 * half-written: a refused request leaves the webhook it names as it was, and after the run the webhooks and events the
 * API lists are exactly those that successful answers reported. The database is the subclass's.
 *
 * <p>The seed is new each run and printed; {@code -Dherald.fuzz.seed=<seed>} replays its choices,
 * {@code -Dherald.fuzz.requests=<n>} sets the requests per route (150) and {@code -Dherald.fuzz.seconds=<s>} the time
 * they may take at most (30). Regression tests of what the fuzz found run on the same server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FuzzScenarios {
    protected static final String ADMIN_KEY = "fuzz-admin-key-0123456789abcdef";
    private static final int REQUESTS_PER_ROUTE = Integer.getInteger("herald.fuzz.requests", 150);
    private static final int PROBLEMS_SHOWN = 8;
    /** An id Herald made: a type prefix and 24 letters and digits (docs/API.md §1). */
    private static final Pattern ID = Pattern.compile("[a-z]+_[A-Za-z0-9]{24}");
    /**
     * Reads answers. An event's data may be nested 1,000 levels deep (docs/API.md §9), and a list wraps it in two
     * more, past the 1,000 that Jackson allows by default.
     */
    private static final ObjectMapper ANSWERS = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2_000).build()).build());
    private static final Pattern STACK_TRACE = Pattern.compile("Exception|\\tat |\\bat (java|dev\\.herald|org)\\.");

    /** The server's configuration on a fresh database, its admin API on with {@code adminKey}. */
    protected abstract HeraldConfig config(String adminKey);

    private final List<String> problems = new ArrayList<>();
    private final Set<String> reportedBySuccess = new TreeSet<>();
    private HeraldServer server;
    private TestReceiver receiver;
    private int port;
    private Known known;

    @Test
    void everyRouteAnswersOnly2xxOr4xxAndLeavesNothingHalfWritten() throws IOException {
        long seed = Long.getLong("herald.fuzz.seed", System.nanoTime());
        port = server().port();
        known = new Known(ADMIN_KEY, receiver.url("/fuzz"));
        signIn("fuzzer");
        List<Route> routes = ApiRoutes.of(HeraldClient.JSON.readTree(send(plainGet("/openapi.json")).body()));
        assertTrue(routes.size() >= 20, "the routes of /openapi.json: " + routes);

        long deadline = System.nanoTime() + SECONDS.toNanos(Long.getLong("herald.fuzz.seconds", 30));
        List<HostileRequests> generators = new ArrayList<>();
        for (Route route : routes) {
            generators.add(new HostileRequests(new Random(seed * 31 + route.toString().hashCode()), known));
        }
        // Round-robin, so that webhooks deleted by one route are replaced by another's creates meanwhile. The time
        // bound keeps a build on a loaded machine short: fewer rounds, the same choices in each.
        int rounds = 0;
        while (rounds < REQUESTS_PER_ROUTE && problems.size() < PROBLEMS_SHOWN && System.nanoTime() < deadline) {
            for (int r = 0; r < routes.size(); r++) {
                fuzz(generators.get(r).next(routes.get(r)));
            }
            rounds++;
        }
        System.out.println("fuzz seed " + seed + ": " + rounds + " requests to each of " + routes.size() + " routes");
        if (problems.isEmpty()) {
            listsHoldExactlyWhatSuccessesReported();
        }
        assertTrue(problems.isEmpty(), "fuzz seed " + seed + " (replay with -Dherald.fuzz.seed=" + seed + "), round "
                + rounds + ", " + problems.size() + " problem(s):\n\n" + String.join("\n\n", problems));
    }

    /** Found by the fuzz on PostgreSQL: a time past its timestamps' range failed in the query (a 500). */
    @Test
    void aTimeOutsideTheYears0001To9999Is422AndOneInsideIsAccepted() {
        HeraldClient tenant = HeraldClient.at("http://localhost:" + server().port()).newTenant(ADMIN_KEY, "times");
        String webhook = tenant.createWebhook(receiver.url("/times"), List.of("PATIENT_CREATED"), null)
                .get("id").asText();

        assertInvalidTime(tenant.get("/v1/event/list?created_after=%2B999999999-12-31T23:59:59Z"),
                "[\"query\",\"created_after\"]");
        assertInvalidTime(tenant.get("/v1/webhook/" + webhook + "/delivery-attempts/list"
                + "?delivery_date_before=-999999999-01-01T00:00:00Z"), "[\"query\",\"delivery_date_before\"]");
        assertInvalidTime(tenant.post("/v1/webhook/recover/" + webhook, "{\"since\":\"+10000-01-01T00:00:00Z\"}"),
                "[\"body\",\"since\"]");

        tenant.get("/v1/event/list?created_after=9999-12-31T23:59:59.999Z").expect(200);
        tenant.get("/v1/event/list?created_before=0001-01-01T00:00:00Z").expect(200);
        tenant.post("/v1/webhook/recover/" + webhook, "{\"since\":\"0001-01-01T00:00:00Z\"}").expect(200);
    }

    /**
     * Found by the fuzz on H2: half a surrogate pair in event data was stored, and every later list or get of the
     * event failed writing it (a 500); PostgreSQL stored a '?' instead. Now it is refused, in any string of any body.
     */
    @Test
    void halfASurrogatePairInAStringIs422AndStoresNothing() {
        HeraldClient tenant = HeraldClient.at("http://localhost:" + server().port()).newTenant(ADMIN_KEY, "surrogates");

        for (HeraldClient.Answer answer : List.of(
                tenant.post("/v1/event/create", "{\"type\":\"PATIENT_CREATED\",\"data\":{\"k\":\"\\ud800\"}}"),
                tenant.post("/v1/event/create", "{\"type\":\"PATIENT_CREATED\",\"data\":{},\"id\":\"x\\udc00\"}"),
                tenant.post("/v1/webhook/create", "{\"url\":\"" + receiver.url("/s") + "\",\"subscriptions\":"
                        + "[\"PATIENT_CREATED\"],\"notificationEmail\":\"ops\\ud800@example.com\"}"))) {
            JsonNode problem = answer.expect(422).get("detail").get(0);
            assertEquals("[\"body\"]", problem.get("loc").toString());
            assertEquals("value_error.jsondecode", problem.get("type").asText());
        }
        assertEquals("[]", tenant.get("/v1/event/list").expect(200).toString());
        assertEquals("[]", tenant.get("/v1/webhook/list").expect(200).toString());
        tenant.post("/v1/event/create", "{\"type\":\"PATIENT_CREATED\",\"data\":{\"k\":\"\\ud83d\\ude00\"}}")
                .expect(200);
        assertEquals("\ud83d\ude00", tenant.get("/v1/event/list").expect(200).get(0).get("data").get("k").asText());
    }

    private static void assertInvalidTime(HeraldClient.Answer answer, String location) {
        JsonNode problem = answer.expect(422).get("detail").get(0);
        assertEquals(location, problem.get("loc").toString());
        assertEquals("value_error.datetime", problem.get("type").asText());
    }

    /** The server, started at first use and shared by the tests of the class. */
    private HeraldServer server() {
        if (server == null) {
            try {
                receiver = new TestReceiver();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = HeraldServer.start(config(ADMIN_KEY));
        }
        return server;
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
            receiver.close();
        }
        afterServerStopped();
    }

    /** Called once the server has stopped, to drop what {@link #config} made. */
    protected void afterServerStopped() {
    }

    private void signIn(String tenant) {
        JsonNode credentials = HeraldClient.at(baseUrl()).asAdmin(ADMIN_KEY)
                .post("/admin/v1/tenant/create", Map.of("tenant", tenant)).expect(200);
        known.tenant = tenant;
        known.tenantKeys.put(tenant, credentials.get("apiKey").asText());
    }

    private void fuzz(Fuzzed fuzzed) {
        RawHttp.Request request = fuzzed.request();
        JsonNode before = fuzzed.webhookInPath() != null && !request.method().equals("GET")
                ? webhook(fuzzed.webhookInPath()) : null;
        RawHttp.Response answer;
        try {
            answer = send(request);
        } catch (UncheckedIOException e) {
            problems.add("no answer (" + e.getCause() + ") to\n" + request.describe());
            return;
        }
        String problem = problemWith(request, answer);
        if (problem != null) {
            problems.add(problem + "\n" + request.describe() + "\nanswer " + answer.status() + " "
                    + shortened(answer.text()));
            return;
        }
        if (answer.status() < 300) {
            learnFrom(fuzzed, answer);
        } else if (before != null) {
            JsonNode after = webhook(fuzzed.webhookInPath());
            if (!before.equals(after)) {
                problems.add("a refused request changed its webhook: " + before + " became " + after + "\n"
                        + request.describe() + "\nanswer " + answer.status() + " " + shortened(answer.text()));
            }
        }
    }

    /** What is wrong with an answer, or null: docs/API.md §3 (a 5xx, or an error that is not its JSON shape). */
    private static String problemWith(RawHttp.Request request, RawHttp.Response answer) {
        int status = answer.status();
        if (status < 200 || status >= 500 || (status >= 300 && status < 400)) {
            return "status " + status;
        }
        if (STACK_TRACE.matcher(answer.text()).find()) {
            return "a stack trace in the body";
        }
        if (status < 400 || request.method().equals("HEAD")) {
            return null;
        }
        if (!answer.headers().getOrDefault("content-type", "").startsWith("application/json")) {
            return "an error that is not JSON: " + answer.headers().get("content-type");
        }
        JsonNode detail;
        try {
            detail = ANSWERS.readTree(answer.body()).get("detail");
        } catch (IOException e) {
            return "an error body that does not parse";
        }
        if (status != 422) {
            return detail != null && detail.isTextual() && !detail.asText().isBlank() ? null : "no {\"detail\": …}";
        }
        if (detail == null || !detail.isArray() || detail.isEmpty()) {
            return "a 422 without its list of problems";
        }
        for (JsonNode entry : detail) {
            if (!entry.path("loc").isArray() || !entry.path("msg").isTextual() || !entry.path("type").isTextual()) {
                return "a 422 entry without loc, msg and type: " + entry;
            }
        }
        return null;
    }

    /** Keeps the ids, tenants and cursors of a successful answer, for the requests to come and the final check. */
    private void learnFrom(Fuzzed fuzzed, RawHttp.Response answer) {
        String cursor = answer.headers().get("herald-next-cursor");
        if (cursor != null && known.cursors.size() < 50) {
            known.cursors.add(cursor);
        }
        if (!answer.headers().getOrDefault("content-type", "").startsWith("application/json")
                || fuzzed.request().method().equals("HEAD")) {
            return;
        }
        JsonNode body;
        try {
            body = ANSWERS.readTree(answer.body());
        } catch (IOException e) {
            problems.add("a success whose JSON does not parse (" + e.getMessage() + ")\n" + fuzzed.request().describe());
            return;
        }
        boolean writes = !fuzzed.request().method().equals("GET");
        collectIds(body, writes);
        if (body.has("apiKey") && body.has("tenant")) {
            known.tenantKeys.put(body.get("tenant").asText(), body.get("apiKey").asText());
        }
        if (fuzzed.request().method().equals("DELETE") && fuzzed.webhookInPath() != null) {
            known.liveWebhooks.remove(fuzzed.webhookInPath());
        }
    }

    private void collectIds(JsonNode node, boolean reportedCreated) {
        if (node.isTextual() && ID.matcher(node.asText()).matches()) {
            known.remember(node.asText());
            if (reportedCreated) {
                reportedBySuccess.add(node.asText());
            }
        }
        node.forEach(child -> collectIds(child, reportedCreated));
    }

    /** Every webhook and event the API lists was reported by a successful answer, and every one reported is listed. */
    private void listsHoldExactlyWhatSuccessesReported() {
        Set<String> listed = new TreeSet<>();
        for (String tenant : known.tenantKeys.keySet()) {
            HeraldClient client = HeraldClient.at(baseUrl()).asTenant(tenant, known.tenantKeys.get(tenant));
            client.get("/v1/webhook/list?include_archived=true").expect(200)
                    .forEach(webhook -> listed.add(webhook.get("id").asText()));
            String next = "/v1/event/list?limit=1000";
            while (next != null) {
                RawHttp.Response page = send(new RawHttp.Request("GET", next.getBytes(StandardCharsets.US_ASCII),
                        List.of(("TENANT: " + tenant).getBytes(StandardCharsets.US_ASCII),
                                ("API-KEY: " + known.tenantKeys.get(tenant)).getBytes(StandardCharsets.US_ASCII)),
                        null, InetAddress.getLoopbackAddress()));
                assertEquals(200, page.status(), page.text());
                try {
                    ANSWERS.readTree(page.body()).forEach(event -> listed.add(event.get("id").asText()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                String cursor = page.headers().get("herald-next-cursor");
                next = cursor == null ? null : "/v1/event/list?limit=1000&cursor=" + cursor;
            }
        }
        Set<String> reported = new TreeSet<>();
        reportedBySuccess.stream().filter(id -> id.startsWith("wh_") || id.startsWith("evt_")).forEach(reported::add);
        assertTrue(listed.stream().anyMatch(id -> id.startsWith("wh_")), "the fuzz created webhooks: " + listed);
        if (!listed.equals(reported)) {
            Set<String> unreported = new TreeSet<>(listed);
            unreported.removeAll(reported);
            Set<String> lost = new TreeSet<>(reported);
            lost.removeAll(listed);
            problems.add("listed but never reported by a 2xx (half-written): " + unreported
                    + "\nreported by a 2xx but not listed (lost): " + lost);
        }
    }

    /** The webhook as GET answers it, without its health (which deliveries change meanwhile); null once gone. */
    private JsonNode webhook(String id) {
        HeraldClient.Answer answer = HeraldClient.at(baseUrl())
                .asTenant(known.tenant, known.tenantKeys.get(known.tenant)).get("/v1/webhook/get/" + id);
        if (answer.status() != 200) {
            return HeraldClient.JSON.getNodeFactory().textNode("HTTP " + answer.status());
        }
        ObjectNode webhook = (ObjectNode) answer.json();
        webhook.remove("health");
        return webhook;
    }

    private RawHttp.Request plainGet(String path) {
        return new RawHttp.Request("GET", path.getBytes(StandardCharsets.US_ASCII), List.of(), null,
                InetAddress.getLoopbackAddress());
    }

    private RawHttp.Response send(RawHttp.Request request) {
        return RawHttp.send(port, request);
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    private static String shortened(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
