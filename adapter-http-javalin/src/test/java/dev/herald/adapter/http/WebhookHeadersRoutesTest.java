package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.adapter.http.HttpApiFixture.Answer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A webhook's own headers (docs/API.md §4.1, §4.2, §4.4) through the HTTP API: kept, shown, replaced, refused. */
class WebhookHeadersRoutesTest extends AcmeApiTest {
    private static final String CREATE = "{\"url\":\"https://example.com/a\",\"subscriptions\":[\"PATIENT_CREATED\"],"
            + "\"headers\":%s}";

    @Test
    void headersGivenOnCreateAreShownInTheirOrderByEveryRoute() {
        JsonNode created = create("{\"X-Zeta\":\"z\",\"Authorization\":\"Bearer a.b: \\\"c\\\"\",\"x-empty\":\"\"}")
                .json();
        String id = created.get("id").asText();

        assertEquals("{\"X-Zeta\":\"z\",\"Authorization\":\"Bearer a.b: \\\"c\\\"\",\"x-empty\":\"\"}",
                created.get("headers").toString());
        assertEquals(created.get("headers"), get(id).get("headers"));
        assertEquals(created.get("headers"), api.call("GET", "/v1/webhook/list").as(acme).send().json().get(0)
                .get("headers"));
        assertEquals("{}", api.webhook(acme, "https://example.com/b").get("headers").toString(), "none: {}");
    }

    @Test
    void updateReplacesTheHeadersWholeClearsThemWithNullOrEmptyAndLeavesThemWhenAbsent() {
        String id = create("{\"X-A\":\"1\",\"X-B\":\"2\"}").json().get("id").asText();

        assertEquals("{\"X-C\":\"3\"}", update(id, "{\"headers\":{\"X-C\":\"3\"}}").get("headers").toString());
        assertEquals("{\"X-C\":\"3\"}", update(id, "{\"url\":\"https://example.com/b\"}").get("headers").toString(),
                "absent: unchanged");
        assertEquals("{}", update(id, "{\"headers\":null}").get("headers").toString(), "null: cleared");
        update(id, "{\"headers\":{\"X-D\":\"4\"}}");
        assertEquals("{}", update(id, "{\"headers\":{}}").get("headers").toString(), "{}: cleared");
        assertEquals("{}", get(id).get("headers").toString());
    }

    @Test
    void eachBadHeaderIs422NamingItAndChangesNothing() {
        String id = create("{\"X-Kept\":\"kept\"}").json().get("id").asText();
        String longName = "X-" + "n".repeat(255);
        Map<String, List<String>> cases = new LinkedHashMap<>();
        // headers JSON -> [loc after "body", type]
        cases.put("{\"content-type\":\"text/plain\"}", List.of("headers,content-type", "value_error.header.reserved"));
        cases.put("{\"WEBHOOK-SIGNATURE\":\"v1,x\"}", List.of("headers,WEBHOOK-SIGNATURE", "value_error.header.reserved"));
        cases.put("{\"User-Agent\":\"Evil/1.0\"}", List.of("headers,User-Agent", "value_error.header.reserved"));
        cases.put("{\"host\":\"internal\"}", List.of("headers,host", "value_error.header.reserved"));
        cases.put("{\"Transfer-Encoding\":\"chunked\"}", List.of("headers,Transfer-Encoding",
                "value_error.header.reserved"));
        cases.put("{\"Proxy-Authorization\":\"x\"}", List.of("headers,Proxy-Authorization",
                "value_error.header.reserved"));
        cases.put("{\"X-A\":\"a\\r\\nX-Injected: 1\"}", List.of("headers,X-A", "value_error.header.value"));
        cases.put("{\"X-A\":\"a\\nb\"}", List.of("headers,X-A", "value_error.header.value"));
        cases.put("{\"X-A\":\"a\\u0000b\"}", List.of("headers,X-A", "value_error.header.value"));
        cases.put("{\"X-A\":\"café\"}", List.of("headers,X-A", "value_error.header.value"));
        cases.put("{\"X A\":\"v\"}", List.of("headers,X A", "value_error.header.name"));
        cases.put("{\"X:A\":\"v\"}", List.of("headers,X:A", "value_error.header.name"));
        cases.put("{\"\":\"v\"}", List.of("headers,", "value_error.header.name"));
        cases.put("{\"X-A\":\"1\",\"x-a\":\"2\"}", List.of("headers,x-a", "value_error.header.duplicate"));
        cases.put(manyHeaders(21), List.of("headers", "value_error.dict.max_items"));
        cases.put("{\"" + longName + "\":\"v\"}", List.of("headers," + longName, "value_error.any_str.max_length"));
        cases.put("{\"X-A\":\"" + "v".repeat(4097) + "\"}", List.of("headers,X-A", "value_error.any_str.max_length"));
        cases.put("{\"X-A\":\"" + "a".repeat(4000) + "\",\"X-B\":\"" + "b".repeat(4000) + "\",\"X-C\":\""
                + "c".repeat(200) + "\"}", List.of("headers", "value_error.any_str.max_length"));
        cases.put("{\"X-A\":1}", List.of("headers,X-A", "type_error.str"));
        cases.put("{\"X-A\":null}", List.of("headers,X-A", "type_error.str"));
        cases.put("{\"X-A\":[\"1\"]}", List.of("headers,X-A", "type_error.str"));
        cases.put("\"X-A: 1\"", List.of("headers", "type_error.dict"));
        cases.put("[[\"X-A\",\"1\"]]", List.of("headers", "type_error.dict"));

        cases.forEach((headers, expected) -> {
            for (Answer answer : List.of(create(headers), api.call("PUT", "/v1/webhook/update/" + id).as(acme)
                    .body("{\"url\":\"https://example.com/changed\",\"headers\":" + headers + "}").send())) {
                assertEquals(422, answer.status(), headers + " -> " + answer.body());
                JsonNode detail = answer.json().get("detail");
                assertEquals(1, detail.size(), answer.body());
                List<String> loc = new ArrayList<>();
                detail.get(0).get("loc").forEach(part -> loc.add(part.asText()));
                assertEquals("body," + expected.get(0), String.join(",", loc), headers);
                assertEquals(expected.get(1), detail.get(0).get("type").asText(), headers);
            }
        });

        JsonNode unchanged = get(id);
        assertEquals("{\"X-Kept\":\"kept\"}", unchanged.get("headers").toString());
        assertEquals("https://example.com/a", unchanged.get("url").asText());
        assertEquals(1, api.call("GET", "/v1/webhook/list").as(acme).send().json().size(), "no webhook was created");
    }

    @Test
    void everyBadHeaderIsReportedTogetherWithOtherFields() {
        Answer answer = api.call("POST", "/v1/webhook/create").as(acme).body("""
                {"url": "ftp://x", "subscriptions": ["PATIENT_CREATED"],
                 "headers": {"Content-Type": "x", "X-Ok": "fine", "Bad Name": "x", "X-Bad": "a\\rb"}}""").send();

        HostileInputTest.assertProblems(answer, "[\"body\",\"url\"]", "[\"body\",\"headers\",\"Content-Type\"]",
                "[\"body\",\"headers\",\"Bad Name\"]", "[\"body\",\"headers\",\"X-Bad\"]");
    }

    private Answer create(String headersJson) {
        return api.call("POST", "/v1/webhook/create").as(acme).body(CREATE.formatted(headersJson)).send();
    }

    private JsonNode update(String id, String body) {
        Answer answer = api.call("PUT", "/v1/webhook/update/" + id).as(acme).body(body).send();
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private JsonNode get(String id) {
        return api.call("GET", "/v1/webhook/get/" + id).as(acme).send().json();
    }

    private static String manyHeaders(int count) {
        ObjectNode headers = HttpApiFixture.JSON.createObjectNode();
        for (int i = 0; i < count; i++) {
            headers.put("X-" + i, "v");
        }
        return headers.toString();
    }
}
