package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.adapter.http.HttpApiFixture.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every answer, whether a route, Javalin or Jetty itself wrote it, forbids sniffing, caching and loading or framing
 * anything in a browser, and names no version (docs/API.md §1).
 */
class ResponseHeadersTest extends AcmeApiTest {
    @Test
    void everyAnswerOfTheApiCarriesThem() {
        for (Answer answer : List.of(
                api.call("GET", "/v1/webhook/list").as(acme).send(),
                api.call("POST", "/admin/v1/tenant/create").admin().body("{\"tenant\":\"globex\"}").send(),
                api.call("GET", "/health").send(),
                api.call("GET", "/v1/webhook/list").send(),
                api.call("GET", "/v1/webhook/get/wh_doesnotexist").as(acme).send(),
                api.call("GET", "/nope").send(),
                api.call("DELETE", "/health").send(),
                api.call("POST", "/v1/webhook/create").as(acme).body("{}").send(),
                api.call("POST", "/v1/webhook/create").as(acme).body("{\"url\":\"" + "x".repeat(70_000) + "\"}")
                        .send())) {
            assertStandardHeaders(answer);
        }
    }

    @Test
    void answersJettyWritesItselfCarryThemToo() {
        for (String request : List.of(
                "GET /v1/webhook/get/wh_%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "PUT /v1/webhook/delete/%C0%AE%C0%AE HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
                "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n")) {
            assertStandardHeaders(api.raw(request, new byte[0]));
        }
    }

    static void assertStandardHeaders(Answer answer) {
        assertEquals(List.of("Herald"), answer.headers().allValues("Server"), answer.toString());
        assertEquals(List.of("nosniff"), answer.headers().allValues("X-Content-Type-Options"), answer.toString());
        assertEquals(List.of("no-store"), answer.headers().allValues("Cache-Control"), answer.toString());
        assertEquals(List.of(StandardResponseHeaders.CONTENT_SECURITY_POLICY),
                answer.headers().allValues("Content-Security-Policy"), answer.toString());
    }
}
