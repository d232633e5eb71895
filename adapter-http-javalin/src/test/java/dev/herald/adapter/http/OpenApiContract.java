package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.herald.adapter.http.HttpApiFixture.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * openapi.json as tests read it: which operations it documents, and whether a real answer is one it describes (its
 * status listed for that operation, its media type, its body valid against that response's schema, which is JSON
 * Schema 2020-12 as in OpenAPI 3.1, and the response's headers: each required one present, each present one valid).
 */
final class OpenApiContract {
    /** Where the document is registered for the schema validator; any IRI would do, nothing is fetched. */
    private static final String DOCUMENT_IRI = "https://herald.invalid/openapi.json";

    final String text = read();
    final JsonNode document = parse(text);
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(Map.of(DOCUMENT_IRI, text)));
    private final Set<String> answeredOperations = new TreeSet<>();

    /** {@code METHOD /path} of every operation the document describes, the path as its template. */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    /** Operations that {@link #assertDescribes} has seen answer a 2xx. */
    Set<String> answeredOperations() {
        return answeredOperations;
    }

    /**
     * Fails unless the document lists {@code answer}'s status for {@code method pathTemplate} with the answer's
     * media type, and the body is valid against the schema given there.
     */
    void assertDescribes(String method, String pathTemplate, Answer answer) {
        String operation = method + " " + pathTemplate;
        String operationPointer = "/paths/" + escape(pathTemplate) + "/" + method.toLowerCase(Locale.ROOT);
        if (document.at(operationPointer).isMissingNode()) {
            fail("openapi.json does not document " + operation);
        }
        String responsePointer = operationPointer + "/responses/" + answer.status();
        JsonNode response = document.at(responsePointer);
        if (response.isMissingNode()) {
            fail("openapi.json does not list status " + answer.status() + " for " + operation + "; the answer was "
                    + answer);
        }
        if (response.has("$ref")) {
            responsePointer = response.get("$ref").asText().substring(1);
            response = document.at(responsePointer);
        }
        String headersPointer = responsePointer + "/headers";
        response.path("headers").fieldNames().forEachRemaining(header ->
                assertHeader(operation + " " + answer.status(), headersPointer + "/" + escape(header), header, answer));
        String mediaType = answer.contentType().split(";")[0].trim();
        JsonNode media = response.path("content").path(mediaType);
        assertTrue(media.isObject(), operation + " " + answer.status() + " answered " + mediaType
                + ", which openapi.json does not list there (" + response.path("content") + ")");
        if (mediaType.equals(Json.CONTENT_TYPE)) {
            Schema schema = schemas.getSchema(SchemaLocation.of(
                    DOCUMENT_IRI + "#" + responsePointer + "/content/" + escape(mediaType) + "/schema"));
            List<Error> errors = schema.validate(answer.body(), InputFormat.JSON);
            assertEquals(List.of(), errors.stream().map(Error::toString).toList(), operation + " " + answer.status()
                    + " answered a body its schema in openapi.json does not describe: " + answer.body());
        }
        if (answer.status() / 100 == 2) {
            answeredOperations.add(operation);
        }
    }

    /**
     * A header that the response object lists: present when it is {@code required}, and when present its value valid
     * against the header's schema (an integer schema reads the value as a number, any other as a string).
     */
    private void assertHeader(String answered, String headerPointer, String header, Answer answer) {
        JsonNode declared = document.at(headerPointer);
        if (declared.has("$ref")) {
            headerPointer = declared.get("$ref").asText().substring(1);
            declared = document.at(headerPointer);
        }
        var value = answer.headers().firstValue(header);
        if (value.isEmpty()) {
            assertFalse(declared.path("required").asBoolean(false),
                    answered + " lacks the header " + header + " that openapi.json promises");
            return;
        }
        String json = declared.path("schema").path("type").asText().equals("integer")
                ? value.get() : HttpApiFixture.JSON.valueToTree(value.get()).toString();
        Schema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + headerPointer + "/schema"));
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), answered + " answered a header "
                + header + ": " + value.get() + " that its schema in openapi.json does not describe");
    }

    /** A JSON pointer token: {@code /v1/webhook/list} is {@code ~1v1~1webhook~1list}. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static String read() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(JavalinDiscoveryRoutes.OPENAPI_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return HttpApiFixture.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
