package dev.herald.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.herald.adapter.http.ValidationErrorBody.Problem;
import dev.herald.domain.event.JsonStrings;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** The one Jackson mapper of the adapter: strict when reading requests, plain when writing answers. */
final class Json {
    static final String CONTENT_TYPE = "application/json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)   // {"url":1,"url":2} is ambiguous: reject it
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // "{}garbage" is not JSON
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // keep event data numbers exact
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private Json() {
    }

    /** A request body as a tree; anything that is not one JSON document is a 422 at {@code ["body"]}. */
    static JsonNode parseRequest(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InvalidRequestException(new Problem(List.of("body"), "field required", "value_error.missing"));
            }
            if (holdsHalfASurrogatePair(node)) {
                throw new InvalidRequestException(new Problem(List.of("body"),
                        "body is not valid JSON: a string holds half a surrogate pair", "value_error.jsondecode"));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(new Problem(List.of("body"),
                    "body is not valid JSON: " + e.getOriginalMessage(), "value_error.jsondecode"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a string of the tree holds half a surrogate pair ({@code "\\uD800"}): Jackson refuses one in a name but
     * not in a value, which would then be stored as something else, or not be writable as UTF-8 in an answer
     * (docs/API.md §3.1, {@code value_error.jsondecode}). The core refuses it in event data published in-process too.
     */
    private static boolean holdsHalfASurrogatePair(JsonNode node) {
        if (node.isTextual()) {
            return JsonStrings.hasUnpairedSurrogate(node.textValue());
        }
        for (JsonNode child : node) {
            if (holdsHalfASurrogatePair(child)) {
                return true;
            }
        }
        return false;
    }

    /** The canonical text of a tree: what Jackson writes for it. */
    static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree can always be written", e);
        }
    }

    /** Answers {@code body} as JSON with {@code status}. */
    static void respond(Context ctx, int status, Object body) {
        ctx.status(status).contentType(CONTENT_TYPE).result(bytes(body));
    }

    /** An answer body as JSON bytes. */
    static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write answer " + body.getClass().getSimpleName(), e);
        }
    }

    static void ok(Context ctx, Object body) {
        respond(ctx, 200, body);
    }

    /**
     * Answers 200 with a JSON array written item by item as {@code items} yields them: a long answer is never held
     * whole in memory. Whatever can fail before the first item (not found, bad query) must fail before this call.
     */
    static void okStreamed(Context ctx, Stream<?> items) {
        ctx.status(200).contentType(CONTENT_TYPE);
        try (items; SequenceWriter array = MAPPER.writer().writeValuesAsArray(ctx.outputStream())) {
            for (Iterator<?> it = items.iterator(); it.hasNext(); ) {
                array.write(it.next());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // The items are read from the database as they are written: when it goes away midway (docs/API.md §3.2),
            // the array begun so far must not precede the 503's body. Once sent, the answer can only be cut short.
            if (!ctx.res().isCommitted()) {
                ctx.res().resetBuffer();
            }
            throw e;
        }
    }
}
