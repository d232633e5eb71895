package dev.herald.adapter.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.herald.application.port.out.ForCheckingEventData;
import dev.herald.domain.Violation;
import dev.herald.domain.event.EventData;
import dev.herald.domain.event.EventType;
import dev.herald.domain.event.EventTypeDescription;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event data checked against its type's JSON Schema (2020-12) with networknt's validator (docs/API.md §5,
 * {@code HERALD_VALIDATE_EVENT_DATA}). Each schema is compiled once, on its type's first check.
 */
public final class NetworkntEventDataChecker implements ForCheckingEventData {
    /**
     * Above Herald's own bounds on data (1,000 levels, 1,000 digits, docs/API.md §9), so that every data Herald
     * accepted can be read here; Jackson's defaults are lower.
     */
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2_000).maxNumberLength(2_100)
                    .build())
            .build()).build();

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<EventType, Schema> schemas = new ConcurrentHashMap<>();

    @Override
    public List<Violation> violations(EventTypeDescription type, EventData data) {
        JsonNode node;
        try {
            node = JSON.readTree(data.json());
        } catch (JacksonException e) {
            return List.of(new Violation(EventData.FIELD, Violation.Rule.SCHEMA_MISMATCH,
                    "data could not be checked against the schema of " + type.type()));
        }
        Schema schema = schemas.computeIfAbsent(type.type(), t -> registry.getSchema(type.schema()));
        return schema.validate(node).stream().map(NetworkntEventDataChecker::violation).toList();
    }

    private static Violation violation(Error error) {
        String field = field(error.getInstanceLocation());
        // "required" (and its kin) is reported at the object that lacks the member; Herald names the member.
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            field = field + "." + error.getProperty();
        }
        return new Violation(field, Violation.Rule.SCHEMA_MISMATCH, field + ": " + error.getMessage());
    }

    /** {@code $.items[0].amount} as the core names it: {@code data.items[0].amount}. */
    private static String field(NodePath location) {
        StringBuilder field = new StringBuilder(EventData.FIELD);
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                field.append('[').append(index).append(']');
            } else {
                field.append('.').append(element);
            }
        }
        return field.toString();
    }
}
