package dev.herald.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.adapter.http.ValidationErrorBody.Problem;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fields of a JSON object request body, read by type. Every problem is collected, so one 422 names them all;
 * call {@link #validate()} once every field has been read. Unknown fields are ignored.
 */
final class JsonFields {
    private final ObjectNode object;
    private final List<Problem> problems = new ArrayList<>();

    private JsonFields(ObjectNode object) {
        this.object = object;
    }

    /** The body of {@code ctx}, at most {@code limit} bytes, which must be a JSON object. */
    static JsonFields of(Context ctx, long limit) {
        return of(Json.parseRequest(BoundedBody.read(ctx, limit)));
    }

    /** Like {@link #of(Context, long)}, but an empty body is allowed and means "no fields". */
    static Optional<JsonFields> ofOptional(Context ctx, long limit) {
        byte[] body = BoundedBody.read(ctx, limit);
        return BoundedBody.isBlank(body) ? Optional.empty() : Optional.of(of(Json.parseRequest(body)));
    }

    static JsonFields of(JsonNode root) {
        if (!(root instanceof ObjectNode object)) {
            throw new InvalidRequestException(new Problem(List.of("body"), "body must be a JSON object",
                    "type_error.dict"));
        }
        return new JsonFields(object);
    }

    /** Whether the field is in the body at all, even as {@code null}. */
    boolean has(String name) {
        return object.has(name);
    }

    /** The field's value; absent or {@code null} is a violation. */
    <T> T required(String name, JsonKind<T> kind) {
        JsonNode node = object.get(name);
        if (node == null) {
            problems.add(new Problem(location(name), "field required", "value_error.missing"));
            return null;
        }
        if (node.isNull()) {
            problems.add(new Problem(location(name), name + " must not be null", "type_error.none.not_allowed"));
            return null;
        }
        return kind.read(node, location(name), problems);
    }

    /** The field's value, or {@code null} when it is absent or {@code null}. */
    <T> T optional(String name, JsonKind<T> kind) {
        JsonNode node = object.get(name);
        return node == null || node.isNull() ? null : kind.read(node, location(name), problems);
    }

    /** Throws one {@link InvalidRequestException} naming every problem found so far. */
    void validate() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private static List<Object> location(String name) {
        return List.of("body", name);
    }
}
