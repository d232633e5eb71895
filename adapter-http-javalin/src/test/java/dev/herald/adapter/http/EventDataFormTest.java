package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.domain.InvalidInputException;
import dev.herald.domain.event.EventData;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The core's canonical form of event data is what this adapter's Jackson writes for the data it parsed, so data
 * published over HTTP is stored exactly as before and exactly as the same data published in-process; and what Jackson
 * refuses in a body, the core refuses in-process.
 */
class EventDataFormTest {
    @ParameterizedTest
    @ValueSource(strings = {"{}", "{ \"a\" : 1 }", "{\"n\":-0}", "{\"n\":-0.0}", "{\"n\":1e3}", "{\"n\":1.0E+3}",
            "{\"n\":2E-2}", "{\"n\":0.0000001}", "{\"n\":1.50}", "{\"n\":-12345678901234567890123}", "{\"n\":1E400}",
            "{\"n\":123456789012345678901234567890.123456789e-40}", "{\"s\":\"\\/\\u0041\\u00e9\\uD83D\\uDE00\"}",
            "{\"s\":\"\\u0000\\u0007\\b\\t\\n\\u000b\\f\\r\\u001f\\\"\\\\ \\u007f\\u2028\"}", "{\"Zoë\":\"😀\"}",
            "{\"a\":[true,false,null,[],{},[{}]],\"b\":{\"c\":{\"d\":\"e\"}}}", "{\"\\u0000\":0}",
            "{\"pair\":\"\\uD83D\\uDE00\",\"\\uD83D\\uDE00\":1}"})
    void jacksonsRenderingIsTheCanonicalForm(String data) {
        assertEquals(jackson(data), EventData.parse(data).json());
    }

    @Test
    void randomDataComesOutTheSameBothWays() {
        int refused = 0;
        for (long seed = 1; seed <= 1000; seed++) {
            String data = new RandomJson(new Random(seed)).object(0);
            String viaJackson;
            try {
                viaJackson = jackson(data);
            } catch (InvalidRequestException e) { // an unpaired surrogate in a name or a string
                assertThrows(InvalidInputException.class, () -> EventData.parse(data), data);
                refused++;
                continue;
            }
            assertEquals(viaJackson, EventData.parse(data).json(), data);
            assertEquals(viaJackson, EventData.parse(viaJackson).json(), "canonical text stays as it is");
        }
        assertTrue(refused < 100, "most random data is valid: " + refused + " refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{oops}", "{\"a\":1,}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":+1}", "{'a':1}",
            "{\"a\":NaN}", "{\"a\":\"\\x\"}", "{\"a\":\"tab\there\"}", "{\"a\":1,\"a\":2}", "{\"\\u0061\":1,\"a\":2}",
            "{\"a\":1 /* no */}", "{\"a\":[1,]}", "{\"a\":1e}", "{\"a\":tru}", "{\"a\":\"\\u12G4\"}",
            "{\"\\uD800\":1}", "{\"\\uDC00x\":1}", "{\"\\uD800\\u0041\":1}", "{\"a\":\"\\uD800\"}",
            "{\"a\":[\"x\\uDC00\"]}", "{\"a\":{\"b\":\"\\uDC00\\uD800\"}}"})
    void whatJacksonRefusesInABodyTheCoreRefusesInProcess(String data) {
        assertThrows(InvalidRequestException.class, () -> Json.parseRequest(body(data)));
        assertThrows(InvalidInputException.class, () -> EventData.parse(data));
    }

    /** What the adapter hands the core for {@code data} in a publish body. */
    private static String jackson(String data) {
        JsonNode node = Json.parseRequest(body(data)).get("data");
        return Json.text(node);
    }

    private static byte[] body(String data) {
        return ("{\"type\":\"PATIENT_CREATED\",\"data\":" + data + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** Random JSON spelled in the many ways RFC 8259 allows: whitespace, escapes, number forms. */
    private record RandomJson(Random random) {
        String object(int depth) {
            StringBuilder json = new StringBuilder(space()).append('{');
            int members = depth > 3 ? 0 : random.nextInt(5);
            for (int i = 0; i < members; i++) {
                json.append(i == 0 ? "" : ",").append(space()).append('"').append("k").append(i).append(chars())
                        .append('"').append(space()).append(':').append(value(depth + 1));
            }
            return json.append(space()).append('}').append(space()).toString();
        }

        private String value(int depth) {
            return switch (random.nextInt(depth > 3 ? 4 : 6)) {
                case 0 -> space() + '"' + chars() + '"' + space();
                case 1 -> space() + number() + space();
                case 2 -> space() + new String[] {"true", "false", "null"}[random.nextInt(3)] + space();
                case 3 -> space() + '"' + '"' + space();
                case 4 -> object(depth);
                default -> array(depth);
            };
        }

        private String array(int depth) {
            StringBuilder json = new StringBuilder(space()).append('[');
            int items = random.nextInt(4);
            for (int i = 0; i < items; i++) {
                json.append(i == 0 ? "" : ",").append(value(depth + 1));
            }
            return json.append(space()).append(']').toString();
        }

        private String number() {
            StringBuilder n = new StringBuilder(random.nextBoolean() ? "-" : "");
            n.append(random.nextInt(4) == 0 ? "0" : (1 + random.nextInt(9)) + digits(random.nextInt(25)));
            if (random.nextBoolean()) {
                n.append('.').append(random.nextInt(10)).append(digits(random.nextInt(20)));
            }
            if (random.nextInt(3) == 0) {
                n.append(random.nextBoolean() ? 'e' : 'E').append(new String[] {"", "+", "-"}[random.nextInt(3)])
                        .append(random.nextInt(400));
            }
            return n.toString();
        }

        private String digits(int count) {
            StringBuilder digits = new StringBuilder();
            for (int i = 0; i < count; i++) {
                digits.append(random.nextInt(10));
            }
            return digits.toString();
        }

        private String chars() {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                s.append(switch (random.nextInt(8)) {
                    case 0 -> String.format("\\u%04x", random.nextInt(0x80));
                    case 1 -> String.format("\\u%04X", random.nextInt(0x10000));
                    case 2 -> "\\" + "\"\\/bfnrt".charAt(random.nextInt(8));
                    case 3 -> "é😀\u2028\u007f";
                    default -> String.valueOf((char) ('#' + random.nextInt(90))).replace("\\", "/");
                });
            }
            return s.toString();
        }

        private String space() {
            return random.nextInt(3) == 0 ? new String[] {" ", "\t", "\n", "\r\n", "  "}[random.nextInt(5)] : "";
        }
    }
}
