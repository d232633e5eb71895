package dev.herald.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.adapter.http.ValidationErrorBody.Problem;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** The JSON type a body field must have; converts a node or records why it cannot. */
@FunctionalInterface
interface JsonKind<T> {
    /** The value of {@code node}, or {@code null} after adding a violation at {@code location} to {@code problems}. */
    T read(JsonNode node, List<Object> location, List<Problem> problems);

    JsonKind<String> STRING = simple(JsonNode::isTextual, JsonNode::textValue, "a string", "type_error.str");

    JsonKind<Long> INTEGER = simple(node -> node.isIntegralNumber() && node.canConvertToLong(), JsonNode::longValue,
            "an integer", "type_error.integer");

    JsonKind<Boolean> BOOLEAN = simple(JsonNode::isBoolean, JsonNode::booleanValue, "true or false",
            "type_error.bool");

    /** An ISO-8601 date-time in a string (docs/API.md §1). */
    JsonKind<Instant> DATE_TIME = (node, location, problems) -> {
        try {
            if (node.isTextual()) {
                return ApiTime.parse(node.textValue());
            }
        } catch (DateTimeException notATime) {
            // reported below
        }
        problems.add(new Problem(location, location.get(location.size() - 1) + " must be " + ApiTime.EXPECTED,
                "value_error.datetime"));
        return null;
    };

    JsonKind<ObjectNode> OBJECT = simple(JsonNode::isObject, node -> (ObjectNode) node, "a JSON object",
            "type_error.dict");

    /** An array of strings; each bad element is its own violation, at its index. */
    JsonKind<List<String>> STRING_LIST = (node, location, problems) -> {
        if (!node.isArray()) {
            problems.add(wrongType(location, "an array of strings", "type_error.list"));
            return null;
        }
        List<String> values = new ArrayList<>(node.size());
        int problemsBefore = problems.size();
        for (int i = 0; i < node.size(); i++) {
            List<Object> at = new ArrayList<>(location);
            at.add(i);
            values.add(STRING.read(node.get(i), at, problems));
        }
        return problems.size() == problemsBefore ? values : null;
    };

    /** An object of strings, in its order; each value that is not a string is its own violation, at its name. */
    JsonKind<Map<String, String>> STRING_MAP = (node, location, problems) -> {
        if (!node.isObject()) {
            problems.add(wrongType(location, "a JSON object of strings", "type_error.dict"));
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        int problemsBefore = problems.size();
        node.fields().forEachRemaining(field -> {
            List<Object> at = new ArrayList<>(location);
            at.add(field.getKey());
            values.put(field.getKey(), STRING.read(field.getValue(), at, problems));
        });
        return problems.size() == problemsBefore ? values : null;
    };

    private static <T> JsonKind<T> simple(Predicate<JsonNode> accepts,
                                          Function<JsonNode, T> convert,
                                          String expected, String type) {
        return (node, location, problems) -> {
            if (accepts.test(node)) {
                return convert.apply(node);
            }
            problems.add(wrongType(location, expected, type));
            return null;
        };
    }

    private static Problem wrongType(List<Object> location, String expected, String type) {
        return new Problem(location, location.get(location.size() - 1) + " must be " + expected, type);
    }
}
