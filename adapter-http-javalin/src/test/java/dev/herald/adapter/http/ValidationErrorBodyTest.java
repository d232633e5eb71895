package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.adapter.http.ValidationErrorBody.Problem;
import dev.herald.domain.Violation;
import dev.herald.domain.Violation.Rule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The core names a field and a rule; the API answers FastAPI's {@code loc} and {@code type} for them. */
class ValidationErrorBodyTest {
    @Test
    void everyRuleHasTheTypeTheApiAnswers() {
        Map<Rule, String> expected = Map.ofEntries(
                Map.entry(Rule.REQUIRED, "value_error.missing"),
                Map.entry(Rule.ID_INVALID, "value_error.id"),
                Map.entry(Rule.URL_INVALID, "value_error.url"),
                Map.entry(Rule.EMAIL_INVALID, "value_error.email"),
                Map.entry(Rule.TENANT_NAME_INVALID, "value_error.tenant"),
                Map.entry(Rule.TEXT_INVALID, "value_error.str"),
                Map.entry(Rule.TOO_LONG, "value_error.any_str.max_length"),
                Map.entry(Rule.TOO_FEW_ITEMS, "value_error.list.min_items"),
                Map.entry(Rule.TOO_MANY_ENTRIES, "value_error.dict.max_items"),
                Map.entry(Rule.HEADER_NAME_INVALID, "value_error.header.name"),
                Map.entry(Rule.HEADER_NAME_RESERVED, "value_error.header.reserved"),
                Map.entry(Rule.HEADER_NAME_DUPLICATE, "value_error.header.duplicate"),
                Map.entry(Rule.HEADER_VALUE_INVALID, "value_error.header.value"),
                Map.entry(Rule.UNKNOWN_EVENT_TYPE, "type_error.enum"),
                Map.entry(Rule.NOT_A_JSON_OBJECT, "type_error.dict"),
                Map.entry(Rule.OUT_OF_RANGE, "value_error.number.not_in_range"),
                Map.entry(Rule.TOO_SMALL, "value_error.number.not_ge"),
                Map.entry(Rule.SCHEMA_MISMATCH, "value_error.schema"));
        assertEquals(Rule.values().length, expected.size(), "every rule is answered");
        expected.forEach((rule, type) ->
                assertEquals(type, Problem.inBody(new Violation("url", rule, "m")).type(), rule.name()));
    }

    @Test
    void coreFieldsAreLocatedWhereTheRequestGivesThem() {
        assertEquals(List.of("body", "url"), loc("url"));
        assertEquals(List.of("body", "subscriptions", 2), loc("subscriptions[2]"));
        assertEquals(List.of("body", "headers", "X-Api-Key"), loc(Violation.entry("headers", "X-Api-Key")));
        assertEquals(List.of("body", "headers", "7"), loc(Violation.entry("headers", "7")), "a key, not an index");
        assertEquals(List.of("body", "headers", "a\"][0]\r\n"), loc(Violation.entry("headers", "a\"][0]\r\n")),
                "any key, verbatim");
        assertEquals(List.of("body", "id"), loc("idempotencyKey"));
        assertEquals(List.of("body", "graceSeconds"), loc("grace"));
        assertEquals(List.of("body", "data"), loc("data"));
        assertEquals(List.of("body", "data", "patientId"), loc("data.patientId"));
        assertEquals(List.of("body", "data", "items", 0, "amount"), loc("data.items[0].amount"));
        assertEquals(List.of("body", "data", "id"), loc("data.id"), "only a top-level name is renamed");
        assertEquals(List.of("path", "webhook_id"), loc("webhookId"));
        assertEquals(List.of("path", "webhook_delivery_attempt_id"), loc("deliveryId"));
        assertEquals(List.of("query", "event_type"),
                Problem.inQuery("event_type", new Violation("type", Rule.UNKNOWN_EVENT_TYPE, "m")).loc());
    }

    @Test
    void theAnswerIsWrittenAsBefore() {
        ValidationErrorBody body = ValidationErrorBody.fromCore(List.of(
                new Violation("subscriptions[1]", Rule.UNKNOWN_EVENT_TYPE, "unknown event type 'NOPE'"),
                new Violation("notificationEmail", Rule.EMAIL_INVALID, "bad")));
        assertEquals("{\"detail\":[{\"loc\":[\"body\",\"subscriptions\",1],\"msg\":\"unknown event type 'NOPE'\","
                + "\"type\":\"type_error.enum\"},{\"loc\":[\"body\",\"notificationEmail\"],\"msg\":\"bad\","
                + "\"type\":\"value_error.email\"}]}", new String(Json.bytes(body), StandardCharsets.UTF_8));
    }

    private static List<Object> loc(String field) {
        return Problem.inBody(new Violation(field, Rule.REQUIRED, "field required")).loc();
    }
}
