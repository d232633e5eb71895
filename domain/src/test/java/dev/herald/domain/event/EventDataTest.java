package dev.herald.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A publisher's data is exactly one JSON object (RFC 8259, strictly), kept in canonical form. */
class EventDataTest {
    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"a\":1}", "{\"a\":[1,2,{\"b\":null}],\"c\":true,\"d\":false}",
            "{\"name\":\"Zoë 😀\",\"path\":\"a/b\"}", "{\"n\":-12345678901234567890123}", "{\"x\":1.50}",
            "{\"e\":\"\\\"\\\\\\b\\t\\n\\f\\r\\u0001\\u001F\"}", "{\"\":\"\"}", "{\"a\":{\"a\":{\"a\":[]}}}",
            "{\"big\":1E+400,\"small\":1.5E-7,\"zero\":0.0}", "{\"del\":\"\u007f\",\"ls\":\"\u2028\"}",
            "{\"a pair: \uD83D\uDE00\":\"\uD83D\uDE00\"}"})
    void canonicalDataIsKeptExactly(String json) {
        assertEquals(json, EventData.parse(json).json());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"n\":-0}|{\"n\":0}",
            "{\"n\":-0.0}|{\"n\":0.0}",
            "{\"n\":1e3}|{\"n\":1E+3}",
            "{\"n\":1.0e3}|{\"n\":1.0E+3}",
            "{\"n\":2E-2}|{\"n\":0.02}",
            "{\"n\":0.0000001}|{\"n\":1E-7}",
            "{\"n\":1.5e+2}|{\"n\":1.5E+2}",
            "{\"s\":\"\\/\\u0041\\u00e9\\uD83D\\uDE00\"}|{\"s\":\"/Aé😀\"}",
            "{\"s\":\"\\u000b\\u007F\\u001f\"}|{\"s\":\"\\u000B\u007f\\u001F\"}"})
    void otherSpellingsOfTheSameDataBecomeTheCanonicalOne(String given, String canonical) {
        assertEquals(canonical, EventData.parse(given).json());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{oops}", "[1]", "{\"a\":1} trailing", "{\"a\":1}{}", "\"text\"", "1", "null",
            "{\"a\":1,}", "{\"a\":[1,]}", "{,}", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "{'a':1}", "{a:1}",
            "{\"a\":01}", "{\"a\":-}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":1e}", "{\"a\":0x10}",
            "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":tru}", "{\"a\":True}", "{\"a\":nul}", "{\"a\":\"x}",
            "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"tab\there\"}", "{\"a\":1",
            "{\"a\":1 /* no */}", "{\"a\":1} // no", "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}",
            "{\"\\u0061\":1,\"a\":2}", "\u000b{}", "{}\u00a0", "{\"a\":1e99999999999}", "{\"a\":[}", "{\"a\":]}",
            "{\"\\uD800\":1}", "{\"x\\uDC00\":1}", "{\"\uD800\":1}", "{\"a\":\"\\uD800\"}",
            "{\"a\":[\"x\uDC00\"]}", "{\"a\":\"\\uDC00\\uD800\"}"})
    void anythingButOneJsonObjectIsRefusedAsAViolationOfData(String text) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> EventData.parse(text));
        Violation violation = refused.violations().get(0);
        assertEquals("data", violation.field(), text);
        assertEquals(Violation.Rule.NOT_A_JSON_OBJECT, violation.rule(), text);
        assertTrue(violation.message().startsWith("data must be a JSON object"), violation.message());
    }

    @Test
    void whitespaceBetweenTokensIsDropped() {
        assertEquals("{\"a\":1,\"b\":[1,2]}", EventData.parse(" {\t\"a\" : 1 ,\r\n\"b\" :\n[ 1 , 2 ] }\r\n").json());
    }

    @Test
    void noTextIsRefusedToo() {
        assertEquals("data", assertThrows(InvalidInputException.class, () -> EventData.parse(null))
                .violations().get(0).field());
    }

    @Test
    void nestingIsBoundedSoAHostileTextCannotExhaustTheStack() {
        int depth = CanonicalJson.MAX_DEPTH;
        String deepest = "{\"a\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
        assertEquals(deepest, EventData.parse(deepest).json());
        String tooDeep = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        assertThrows(InvalidInputException.class, () -> EventData.parse(tooDeep));
        String hostile = "{\"a\":" + "[".repeat(100_000);
        assertThrows(InvalidInputException.class, () -> EventData.parse(hostile));
    }

    @Test
    void numbersAreBoundedInDigitsAsOnHttp() {
        String longest = "1".repeat(CanonicalJson.MAX_NUMBER_DIGITS);
        assertEquals("{\"n\":" + longest + "}", EventData.parse("{\"n\":" + longest + "}").json());
        assertEquals("{\"n\":0." + longest.substring(1) + "}",
                EventData.parse("{\"n\":0." + longest.substring(1) + "}").json());
        for (String tooLong : List.of(longest + "1", longest + ".5", "0." + longest)) {
            assertThrows(InvalidInputException.class, () -> EventData.parse("{\"n\":" + tooLong + "}"), tooLong);
        }
    }

    @Test
    void storedDataIsOnlyGuardedForShapeAndMessagesSayWhereTheTextBreaks() {
        assertEquals("{\"a\": 1}", new EventData(" {\"a\": 1} ").json(), "read back as stored");
        assertEquals("data", assertThrows(InvalidInputException.class, () -> new EventData("[1]"))
                .violations().get(0).field());
        assertEquals("data must be a JSON object (expected a name in quotes at character 1)",
                assertThrows(InvalidInputException.class, () -> EventData.parse("{oops}")).getMessage());
        assertEquals("data must be a JSON object (expected '}' at the end)",
                assertThrows(InvalidInputException.class, () -> EventData.parse("{\"a\":1")).getMessage());
    }
}
