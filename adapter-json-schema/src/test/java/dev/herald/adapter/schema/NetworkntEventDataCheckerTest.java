package dev.herald.adapter.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.Violation;
import dev.herald.domain.event.EventCatalog;
import dev.herald.domain.event.EventData;
import dev.herald.domain.event.EventType;
import dev.herald.domain.event.EventTypeDescription;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog's schemas as networknt reads them (docs/API.md §4.11), and what a failing check names. */
class NetworkntEventDataCheckerTest {
    private final NetworkntEventDataChecker checker = new NetworkntEventDataChecker();

    @Test
    void everyExampleOfTheCatalogIsValidAgainstItsOwnSchema() {
        List<EventTypeDescription> catalog = EventCatalog.all();
        assertEquals(28, catalog.size());
        for (EventTypeDescription type : catalog) {
            assertEquals(List.of(), checker.violations(type, type.example()), type.type().name());
        }
    }

    @Test
    void aMissingRequiredMemberIsNamedItself() {
        List<Violation> violations = check(EventType.PATIENT_CREATED, "{\"firstName\":\"Ada\"}");
        assertEquals(List.of("data.patientId"), fields(violations));
        assertEquals(Violation.Rule.SCHEMA_MISMATCH, violations.get(0).rule());
        assertTrue(violations.get(0).message().contains("patientId"), violations.get(0).message());
    }

    @Test
    void aMemberOfTheWrongTypeIsNamedAndEveryProblemIsReported() {
        List<Violation> violations = check(EventType.PAYMENT_CREATED,
                "{\"paymentId\":7,\"amount\":-1,\"currency\":\"usd\"}");
        assertEquals(List.of("data.amount", "data.currency", "data.paymentId"),
                fields(violations).stream().sorted().toList());
    }

    @Test
    void nestedPlacesAreNamedWithTheirIndexes() {
        List<Violation> violations = check(EventType.PATIENT_UPDATED,
                "{\"patientId\":\"p\",\"changedFields\":[\"phone\",3]}");
        assertEquals(List.of("data.changedFields[1]"), fields(violations));
    }

    @Test
    void membersTheSchemaDoesNotNameAreAllowed() {
        assertEquals(List.of(), check(EventType.PATIENT_CREATED, "{\"patientId\":\"p\",\"ward\":{\"bed\":4}}"));
    }

    @Test
    void dataAsDeepAsHeraldAcceptsIsCheckedWithoutFailing() {
        String deep = "{\"patientId\":\"p\",\"x\":" + "[".repeat(998) + "]".repeat(998) + "}";
        assertEquals(List.of(), check(EventType.PATIENT_CREATED, deep));
    }

    private List<Violation> check(EventType type, String data) {
        return checker.violations(EventCatalog.of(type), EventData.parse(data));
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }
}
