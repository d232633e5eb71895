package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.adapter.http.HttpApiFixture.Answer;
import dev.herald.adapter.http.HttpApiFixture.Tenant;
import dev.herald.domain.webhook.UrlPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken, mistyped, oversized and malicious requests: each gets its 4xx, never a 500, and changes nothing. */
class HostileInputTest extends AcmeApiTest {
    private String existingId;
    private String listBefore;

    @BeforeEach
    void start() {
        existingId = api.webhook(acme, "https://example.com/kept").get("id").asText();
        listBefore = list();
    }

    @AfterEach
    void nothingChanged() {
        assertEquals(listBefore, list(), "a rejected request must not change anything");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"url\":}", "not json", "{\"url\":\"https://example.com\"} trailing",
            "{'url':'https://example.com'}", "{\"url\":\"https://example.com\",}", "\u0000", ""})
    void malformedJsonIs422AtBody(String body) {
        Answer answer = create(body);

        assertProblems(answer, "[\"body\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"text\"", "42", "null", "[{\"url\":\"https://example.com\"}]"})
    void aBodyThatIsNotAnObjectIs422AtBody(String body) {
        assertProblems(create(body), "[\"body\"]");
    }

    @Test
    void aDuplicatedFieldIs422() {
        assertProblems(create("{\"url\":\"https://a.example.com\",\"url\":\"https://b.example.com\","
                + "\"subscriptions\":[\"PATIENT_CREATED\"]}"), "[\"body\"]");
    }

    @Test
    void invalidUtf8Is422() {
        byte[] body = "{\"url\":\"https://example.com/\u00e9\",\"subscriptions\":[\"PATIENT_CREATED\"]}"
                .getBytes(StandardCharsets.ISO_8859_1);

        Answer answer = api.call("POST", "/v1/webhook/create").as(acme).chunkedBody(body).send();

        assertProblems(answer, "[\"body\"]");
    }

    @Test
    void deeplyNestedJsonIs422() {
        String nested = "[".repeat(5_000) + "]".repeat(5_000);

        assertProblems(create("{\"url\":" + nested + "}"), "[\"body\"]");
    }

    @Test
    void missingRequiredFieldsAreEachReported() {
        Answer answer = create("{}");

        assertProblems(answer, "[\"body\",\"url\"]", "[\"body\",\"subscriptions\"]");
        assertEquals("value_error.missing", answer.json().get("detail").get(0).get("type").asText());
        assertEquals("field required", answer.json().get("detail").get(0).get("msg").asText());
    }

    @Test
    void wrongJsonTypesAreEachReportedAtTheirField() {
        Answer answer = create("{\"url\":5,\"subscriptions\":\"PATIENT_CREATED\",\"notificationEmail\":true}");

        assertProblems(answer, "[\"body\",\"url\"]", "[\"body\",\"subscriptions\"]",
                "[\"body\",\"notificationEmail\"]");
        assertEquals("type_error.str", answer.json().get("detail").get(0).get("type").asText());
        assertEquals("type_error.list", answer.json().get("detail").get(1).get("type").asText());
    }

    @Test
    void aSubscriptionThatIsNotAStringIsReportedAtItsIndex() {
        Answer answer = create("{\"url\":\"https://example.com\",\"subscriptions\":[\"PATIENT_CREATED\",7,null]}");

        assertProblems(answer, "[\"body\",\"subscriptions\",1]", "[\"body\",\"subscriptions\",2]");
    }

    @Test
    void unknownEventTypesAreReportedAtTheirIndex() {
        Answer answer = create("{\"url\":\"https://example.com\",\"subscriptions\":[\"PATIENT_CREATED\",\"NOPE\"]}");

        assertProblems(answer, "[\"body\",\"subscriptions\",1]");
        assertEquals("type_error.enum", answer.json().get("detail").get(0).get("type").asText());
    }

    @Test
    void emptySubscriptionsAre422OnCreateAndUpdate() {
        assertProblems(create("{\"url\":\"https://example.com\",\"subscriptions\":[]}"), "[\"body\",\"subscriptions\"]");
        assertProblems(update("{\"subscriptions\":[]}"), "[\"body\",\"subscriptions\"]");
    }

    @Test
    void domainProblemsOfSeveralFieldsAreReportedTogether() {
        Answer answer = create("{\"url\":\"ftp://example.com\",\"subscriptions\":[\"NOPE\"],"
                + "\"notificationEmail\":\"not-an-address\"}");

        assertProblems(answer, "[\"body\",\"url\"]", "[\"body\",\"subscriptions\",0]",
                "[\"body\",\"notificationEmail\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "ftp://example.com/hook", "http://example.com/hook",
            "https://user:password@example.com/hook", "https://user@example.com/hook", "https://127.0.0.1/hook",
            "https://[::1]/hook", "https://10.1.2.3/hook", "https://169.254.169.254/latest/meta-data",
            "https://[::ffff:127.0.0.1]/hook", "https://0.0.0.0/hook", "https://0177.0.0.1/hook", "https://127.1/hook",
            "relative/path", "https://", "", "file:///etc/passwd", "https://example.com/hook#fragment",
            "https://exa mple.com/"})
    void unacceptableUrlsAre422AtUrl(String url) {
        assertProblems(create("{\"url\":" + quoted(url) + ",\"subscriptions\":[\"PATIENT_CREATED\"]}"),
                "[\"body\",\"url\"]");
        assertProblems(update("{\"url\":" + quoted(url) + "}"), "[\"body\",\"url\"]");
    }

    @Test
    void aUrlOver2048CharactersIs422() {
        String url = "https://example.com/" + "a".repeat(2049 - "https://example.com/".length());

        assertProblems(create("{\"url\":\"" + url + "\",\"subscriptions\":[\"PATIENT_CREATED\"]}"),
                "[\"body\",\"url\"]");
    }

    @Test
    void aUrlOfExactly2048CharactersIsAccepted() {
        String url = "https://example.com/" + "a".repeat(2048 - "https://example.com/".length());

        Answer answer = create("{\"url\":\"" + url + "\",\"subscriptions\":[\"PATIENT_CREATED\"]}");

        assertEquals(200, answer.status(), answer.body());
        listBefore = list();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-address", "a@b", "two@@example.com", "spaces in@example.com", "@example.com",
            "x@example.com\nBcc: victim@example.com"})
    void implausibleEmailsAre422(String email) {
        assertProblems(create("{\"url\":\"https://example.com\",\"subscriptions\":[\"PATIENT_CREATED\"],"
                + "\"notificationEmail\":" + quoted(email) + "}"), "[\"body\",\"notificationEmail\"]");
    }

    @Test
    void anEmailOver254CharactersIs422() {
        String email = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".com";
        assertTrue(email.length() > 254);

        assertProblems(create("{\"url\":\"https://example.com\",\"subscriptions\":[\"PATIENT_CREATED\"],"
                + "\"notificationEmail\":\"" + email + "\"}"), "[\"body\",\"notificationEmail\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope", "wh_", "wh_!!", "msg_abc", "WH_abc", "wh_abc%20def", "wh_%2e%2e",
            "wh_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void malformedWebhookIdsAnswer404LikeMissingOnes(String id) {
        Answer missing = api.call("GET", "/v1/webhook/get/wh_doesnotexist").as(acme).send();

        for (Answer answer : List.of(
                api.call("GET", "/v1/webhook/get/" + id).as(acme).send(),
                api.call("PUT", "/v1/webhook/update/" + id).as(acme).body("{}").send(),
                api.call("DELETE", "/v1/webhook/delete/" + id).as(acme).send(),
                api.call("POST", "/v1/webhook/rotate-secret/" + id).as(acme).send(),
                api.call("GET", "/v1/webhook/" + id + "/delivery-attempts/list").as(acme).send())) {
            assertDetail(answer, 404);
            assertEquals(missing.body(), answer.body());
        }
        assertEquals("{\"detail\":\"Webhook not found\"}", missing.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope", "msg_", "msg_!!", "wh_abc", "msg_doesnotexist"})
    void malformedOrUnknownDeliveryIdsAnswer404(String id) {
        for (Answer answer : List.of(
                api.call("GET", "/v1/webhook/events/" + id).as(acme).send(),
                api.call("POST", "/v1/webhook/events/" + id + "/send").as(acme).send())) {
            assertEquals(404, answer.status());
            assertEquals("{\"detail\":\"Delivery not found\"}", answer.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/index.html", "/docs/nope", "/openapi.yaml", "/v1", "/v1/nope", "/v1/webhook",
            "/v1/webhook/get", "/v2/webhook/list", "/admin/v1/nope", "/health/deep"})
    void unknownRoutesAre404NotFound(String path) {
        for (Answer answer : List.of(api.call("GET", path).send(), api.call("GET", path).as(acme).send())) {
            assertEquals(404, answer.status(), path);
            assertEquals("{\"detail\":\"Not Found\"}", answer.body());
            assertTrue(answer.contentType().startsWith("application/json"));
        }
    }

    @Test
    void wrongMethodsAre405() {
        for (Answer answer : List.of(
                api.call("GET", "/v1/webhook/create").as(acme).send(),
                api.call("DELETE", "/v1/webhook/get/" + existingId).as(acme).send(),
                api.call("PATCH", "/v1/webhook/update/" + existingId).as(acme).body("{}").send(),
                api.call("POST", "/v1/webhook/list").as(acme).send(),
                api.call("PUT", "/v1/event/create").as(acme).send(),
                api.call("DELETE", "/v1/webhook/events/msg_x/send").send(),
                api.call("GET", "/v1/webhook/events/msg_x/send").send(),
                api.call("GET", "/v1/webhook/events/msg_x/send").as(acme).send(),
                api.call("POST", "/v1/webhook/delete/" + existingId).as(acme).send(),
                api.call("POST", "/health").send())) {
            assertEquals(405, answer.status());
            assertEquals("{\"detail\":\"Method Not Allowed\"}", answer.body());
            assertTrue(answer.contentType().startsWith("application/json"));
        }
    }

    @Test
    void aBodyOverTheLimitIs413ByContentLength() {
        String padding = "x".repeat(70_000);

        Answer answer = create("{\"url\":\"https://example.com/" + padding + "\",\"subscriptions\":[\"PATIENT_CREATED\"]}");

        assertDetail(answer, 413);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413ByTheBytesRead() {
        byte[] body = ("{\"url\":\"https://example.com/" + "x".repeat(70_000) + "\",\"subscriptions\":[\"PATIENT_CREATED\"]}")
                .getBytes(StandardCharsets.UTF_8);

        Answer answer = api.call("POST", "/v1/webhook/create").as(acme).chunkedBody(body).send();

        assertDetail(answer, 413);
    }

    @Test
    void aHugeDeclaredBodyIs413BeforeItIsRead() {
        String head = "POST /v1/event/create HTTP/1.1\r\nHost: localhost\r\nTENANT: acme\r\nAPI-KEY: " + acme.apiKey()
                + "\r\nContent-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n";

        assertDetail(api.raw(head, "{\"type\":\"PATIENT_CREATED\",\"data\":{".getBytes(StandardCharsets.UTF_8)), 413);
    }

    @Test
    void aHugeChunkedBodyIs413() {
        String head = "PUT /v1/webhook/update/" + existingId + " HTTP/1.1\r\nHost: localhost\r\nTENANT: acme\r\n"
                + "API-KEY: " + acme.apiKey() + "\r\nTransfer-Encoding: chunked\r\n\r\n";
        byte[] chunk = ("4000\r\n" + " ".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[chunk.length * 512]; // 8 MiB of white space, never terminated
        for (int i = 0; i < 512; i++) {
            System.arraycopy(chunk, 0, body, i * chunk.length, chunk.length);
        }

        assertDetail(api.raw(head, body), 413);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "delete", "PUT", "GET"})
    void aMethodOverrideHeaderHasNoEffect(String override) {
        Answer post = api.call("POST", "/v1/webhook/delete/" + existingId).as(acme)
                .header("X-HTTP-Method-Override", override).send();
        Answer get = api.call("GET", "/v1/webhook/list").as(acme).header("X-HTTP-Method-Override", override).send();

        assertEquals(405, post.status());
        assertEquals("{\"detail\":\"Method Not Allowed\"}", post.body());
        assertEquals(200, get.status(), "the header is ignored, not refused");
        // and nothing was deleted: checked after each test
    }

    /** Requests java.net.http cannot send, refused by Jetty before any route: each still answers the JSON shape. */
    static Stream<Arguments> requestsJettyRefuses() {
        return Stream.of(
                Arguments.of(400, "PUT /v1/webhook/delete/%C0%AE%C0%AE HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n"),
                Arguments.of(400, "DELETE /v1/webhook/delete/wh_%00 HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n"),
                Arguments.of(404, "OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                Arguments.of(426, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
                Arguments.of(400, "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n"),
                Arguments.of(505, "GET /health HTTP/3.0\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                Arguments.of(431, "PUT /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n"));
    }

    @ParameterizedTest
    @MethodSource("requestsJettyRefuses")
    void requestsJettyRefusesAnswerJsonWhateverTheMethod(int status, String request) {
        Answer answer = api.raw(request, new byte[0]);

        assertDetail(answer, status);
        assertEquals("{\"detail\":\"" + org.eclipse.jetty.http.HttpStatus.getMessage(status) + "\"}", answer.body());
    }

    @Test
    void aBrokenChunkedBodyIs400() {
        String head = "POST /v1/webhook/create HTTP/1.1\r\nHost: localhost\r\nTENANT: acme\r\nAPI-KEY: " + acme.apiKey()
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";

        Answer answer = api.raw(head, "ZZZ\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertDetail(answer, 400);
        assertEquals("{\"detail\":\"Bad Request\"}", answer.body());
    }

    @Test
    void aPathJettyRefusesStillAnswersJson() {
        Answer answer = api.call("GET", "/v1/webhook/get/wh_%00").as(acme).send();

        assertDetail(answer, 400);
    }

    @Test
    void updateRefusesWrongTypesButAcceptsNullForUnchanged() {
        assertProblems(update("{\"url\":1,\"subscriptions\":{},\"notificationEmail\":[]}"), "[\"body\",\"url\"]",
                "[\"body\",\"subscriptions\"]", "[\"body\",\"notificationEmail\"]");

        Answer unchanged = update("{\"url\":null,\"subscriptions\":null}");

        assertEquals(200, unchanged.status(), unchanged.body());
        listBefore = list(); // only updatedDate moved
    }

    @Test
    void anUnsupportedNumberForGraceIs422() {
        Answer answer = api.call("POST", "/v1/webhook/rotate-secret/" + existingId).as(acme)
                .body("{\"graceSeconds\": 99999999999999999999999}").send();

        assertProblems(answer, "[\"body\",\"graceSeconds\"]");
    }

    @Test
    void httpUrlsAndPrivateAddressesAreAcceptedWhenTheOperatorAllowsThem() {
        try (HttpApiFixture permissive = HttpApiFixture.start(new UrlPolicy(true, true))) {
            Tenant tenant = permissive.tenant("dev");

            assertEquals("http://127.0.0.1:9000/hook", permissive.webhook(tenant, "http://127.0.0.1:9000/hook")
                    .get("url").asText());
        }
    }

    /** Java reads 0177.0.0.1 as 177.0.0.1, C libraries as 127.0.0.1: such hosts are refused, whatever the operator allows. */
    @ParameterizedTest
    @ValueSource(strings = {"https://0177.0.0.1/hook", "https://0x7f000001/hook", "https://2130706433/hook",
            "https://127.1/hook", "https://0177.1/hook"})
    void ambiguousNumericHostsAre422EvenWhenPrivateNetworksAreAllowed(String url) {
        try (HttpApiFixture permissive = HttpApiFixture.start(new UrlPolicy(true, true))) {
            Tenant tenant = permissive.tenant("dev");
            Answer answer = permissive.call("POST", "/v1/webhook/create").as(tenant)
                    .body("{\"url\":" + quoted(url) + ",\"subscriptions\":[\"PATIENT_CREATED\"]}").send();

            assertProblems(answer, "[\"body\",\"url\"]");
            JsonNode problem = answer.json().get("detail").get(0);
            assertEquals("value_error.url", problem.get("type").asText());
            assertEquals("url host must be a name or a canonical IPv4/IPv6 address", problem.get("msg").asText());
            assertEquals("[]", permissive.call("GET", "/v1/webhook/list").as(tenant).send().body());
        }
    }

    private Answer create(String body) {
        return api.call("POST", "/v1/webhook/create").as(acme).body(body).send();
    }

    private Answer update(String body) {
        return api.call("PUT", "/v1/webhook/update/" + existingId).as(acme).body(body).send();
    }

    private String list() {
        return api.call("GET", "/v1/webhook/list?include_archived=true").as(acme).send().body();
    }

    private static String quoted(String text) {
        try {
            return HttpApiFixture.JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 422 naming exactly these locations (as JSON arrays), in order, each with a message and a type. */
    static void assertProblems(Answer answer, String... locations) {
        assertEquals(422, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/json"));
        List<String> found = new ArrayList<>();
        for (JsonNode problem : answer.json().get("detail")) {
            found.add(problem.get("loc").toString());
            assertFalse(problem.get("msg").asText().isBlank());
            assertFalse(problem.get("type").asText().isBlank());
        }
        assertEquals(List.of(locations), found, answer.body());
    }

    /** An error answer with {@code status} and a {@code {"detail": "..."}} body. */
    static void assertDetail(Answer answer, int status) {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/json"));
        assertEquals(List.of("detail"), WebhookRoutesTest.fieldNames(answer.json()));
        assertTrue(answer.json().get("detail").isTextual());
    }
}
