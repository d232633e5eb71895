package dev.herald.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog read from its data file (docs/API.md §4.11), and the two readings of JSON it needs. */
class EventCatalogTest {
    @Test
    void everyTypeHasAnEntryInTheOrderOfTheTypes() {
        List<EventTypeDescription> all = EventCatalog.all();
        assertEquals(Arrays.asList(EventType.values()), all.stream().map(EventTypeDescription::type).toList());
        for (EventTypeDescription entry : all) {
            assertFalse(entry.description().isBlank(), entry.type().name());
            assertEquals(entry.example(), EventData.parse(entry.example().json()), "canonical: " + entry.type());
            Map<String, String> schema = CanonicalJson.members(entry.schema());
            assertEquals("\"https://json-schema.org/draft/2020-12/schema\"", schema.get("$schema"), entry.type().name());
            assertEquals("true", schema.get("additionalProperties"), entry.type().name());
            assertTrue(schema.get("required").startsWith("[\""), entry.type() + " requires at least one member");
        }
        assertEquals(EventCatalog.all().get(0), EventCatalog.of(EventType.PATIENT_CREATED));
    }

    @Test
    void membersAreReadInOrderWithTheCanonicalTextOfTheirValues() {
        assertEquals(List.of(Map.entry("b", "[1,2]"), Map.entry("a", "{\"x\":1.50}"),
                        Map.entry("c", "\"é\\n\"")),
                List.copyOf(CanonicalJson.members(" {\"b\": [1, 2], \"a\": {\"x\": 1.50}, \"c\": \"\\u00e9\\n\"} ")
                        .entrySet()));
        assertEquals(Map.of(), CanonicalJson.members("{}"));
        assertThrows(CanonicalJson.Malformed.class, () -> CanonicalJson.members("{\"a\":1,\"a\":2}"));
    }

    @Test
    void aStringIsReadWithItsEscapes() {
        assertEquals("a \"quoted\" line\n", CanonicalJson.string("\"a \\\"quoted\\\" line\\n\""));
        assertThrows(CanonicalJson.Malformed.class, () -> CanonicalJson.string("\"open"));
        assertThrows(CanonicalJson.Malformed.class, () -> CanonicalJson.string("\"a\" b"));
    }
}
