package dev.herald.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which headers a tenant may have sent with its deliveries, and how each refusal is reported. */
class WebhookHeadersTest {
    @Test
    void validHeadersAreKeptInTheirOrderAsGiven() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("X-Zeta", "last? no, first");
        given.put("Authorization", "Bearer abc.def");
        given.put("x-empty", "");
        given.put("X-Symbols!#$%&'*+-.^_`|~", "a b  c: d \"quoted\" ~");

        WebhookHeaders headers = WebhookHeaders.of(given);

        assertEquals(List.copyOf(given.keySet()), List.copyOf(headers.values().keySet()));
        assertEquals(given, headers.values());
    }

    @Test
    void nullAndEmptyAreNone() {
        assertTrue(WebhookHeaders.of(null).isEmpty());
        assertTrue(WebhookHeaders.of(Map.of()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Type", "content-type", "CONTENT-LENGTH", "Content-Encoding", "User-Agent",
            "Decoda-Signature", "webhook-id", "WEBHOOK-TIMESTAMP", "Webhook-Signature", "webhook-anything", "Host",
            "Transfer-Encoding", "Connection", "Keep-Alive", "Proxy-Authorization", "proxy-connection", "TE",
            "Trailer", "Upgrade", "Expect", "HTTP2-Settings"})
    void reservedNamesAreRefusedInAnyCase(String name) {
        Violation violation = onlyViolation(Map.of(name, "x"));

        assertEquals(Violation.Rule.HEADER_NAME_RESERVED, violation.rule());
        assertEquals("headers[\"" + name + "\"]", violation.field());
        assertTrue(violation.message().contains(name), violation.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X Space", "X:Colon", "X(paren)", "X\"quote\"", "Zoë", "X\r\nInjected", "X\u0000",
            "X[0]", "X/Slash"})
    void namesThatAreNotTokensAreRefused(String name) {
        assertEquals(Violation.Rule.HEADER_NAME_INVALID, onlyViolation(Map.of(name, "x")).rule());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nX-Injected: 1", "a\rb", "a\nb", "a\u0000b", "a\u007fb", "caf\u00e9", "\u0100",
            " leading", "trailing ", "a\tb"})
    void valuesThatCouldBreakTheRequestOrNotArriveAsStoredAreRefused(String value) {
        Violation violation = onlyViolation(Map.of("X-Token", value));

        assertEquals(Violation.Rule.HEADER_VALUE_INVALID, violation.rule());
        assertEquals("headers[\"X-Token\"]", violation.field());
    }

    @Test
    void namesDifferingOnlyInCaseAreOneHeaderGivenTwice() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("X-Token", "a");
        given.put("x-token", "b");

        Violation violation = onlyViolation(given);

        assertEquals(Violation.Rule.HEADER_NAME_DUPLICATE, violation.rule());
        assertEquals("headers[\"x-token\"]", violation.field());
    }

    @Test
    void countLengthsAndTotalAreBounded() {
        Map<String, String> twenty = new LinkedHashMap<>();
        for (int i = 0; i < WebhookHeaders.MAX_COUNT; i++) {
            twenty.put("X-" + i, "v");
        }
        WebhookHeaders.of(twenty);
        twenty.put("X-One-Too-Many", "v");
        assertEquals(new Violation("headers", Violation.Rule.TOO_MANY_ENTRIES, "headers may hold at most 20 headers"),
                onlyViolation(twenty));

        WebhookHeaders.of(Map.of("X-" + "n".repeat(254), "v".repeat(4096)));
        assertEquals(Violation.Rule.TOO_LONG, onlyViolation(Map.of("X-" + "n".repeat(255), "v")).rule());
        Violation longValue = onlyViolation(Map.of("X-Long", "v".repeat(4097)));
        assertEquals(Violation.Rule.TOO_LONG, longValue.rule());
        assertEquals("headers[\"X-Long\"]", longValue.field());

        Map<String, String> large = Map.of("X-A", "a".repeat(4096), "X-B", "b".repeat(4096));
        Violation total = onlyViolation(large);
        assertEquals(Violation.Rule.TOO_LONG, total.rule());
        assertEquals("headers", total.field(), "8,198 characters in all");
    }

    @Test
    void everyProblemIsReported() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("Content-Type", "text/plain");
        given.put("Bad Name", "x");
        given.put("X-Ok", "x\ny");

        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> WebhookHeaders.of(given));

        assertEquals(List.of("headers[\"Content-Type\"]", "headers[\"Bad Name\"]", "headers[\"X-Ok\"]"),
                refused.violations().stream().map(Violation::field).toList());
    }

    private static Violation onlyViolation(Map<String, String> headers) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> WebhookHeaders.of(headers));
        assertEquals(1, refused.violations().size(), refused.violations().toString());
        return refused.violations().get(0);
    }
}
