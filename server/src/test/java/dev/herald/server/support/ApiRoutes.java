package dev.herald.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The routes an OpenAPI document describes, with what a request to each is made of: its path and query parameters,
 * its body's schema and example, and the credentials it needs. References ({@code $ref}, a single {@code allOf}) are
 * resolved, so each schema can be read as it stands.
 */
public final class ApiRoutes {
    /** How a route authenticates (docs/API.md §2). */
    public enum Auth { TENANT, ADMIN, NONE }

    /** One parameter: its name and resolved schema, and its description. */
    public record Parameter(String name, JsonNode schema, String description) {
    }

    /** One route: e.g. {@code PUT /v1/webhook/update/{webhook_id}}. {@code body} is null when it takes none. */
    public record Route(String method, String path, Auth auth, List<Parameter> pathParameters,
                        List<Parameter> queryParameters, JsonNode body, JsonNode example, boolean bodyRequired) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private final JsonNode document;

    private ApiRoutes(JsonNode document) {
        this.document = document;
    }

    /** Every route of {@code openApi}, in the document's order. */
    public static List<Route> of(JsonNode openApi) {
        return new ApiRoutes(openApi).routes();
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    routes.add(route(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), operation.getValue()));
                }
            }
        }
        return routes;
    }

    private Route route(String method, String path, JsonNode operation) {
        List<Parameter> inPath = new ArrayList<>();
        List<Parameter> inQuery = new ArrayList<>();
        for (JsonNode reference : operation.path("parameters")) {
            JsonNode parameter = resolve(reference);
            Parameter p = new Parameter(parameter.get("name").asText(), resolve(parameter.path("schema")),
                    parameter.path("description").asText(""));
            (parameter.get("in").asText().equals("path") ? inPath : inQuery).add(p);
        }
        JsonNode content = operation.path("requestBody").path("content").path("application/json");
        JsonNode body = content.isMissingNode() ? null : resolve(content.get("schema"));
        return new Route(method, path, auth(operation), inPath, inQuery, body,
                content.path("example").isMissingNode() ? JsonNodeFactory.instance.objectNode() : content.get("example"),
                operation.path("requestBody").path("required").asBoolean(false));
    }

    private static Auth auth(JsonNode operation) {
        String schemes = operation.path("security").toString();
        return schemes.contains("AdminKey") ? Auth.ADMIN : schemes.contains("ApiKey") ? Auth.TENANT : Auth.NONE;
    }

    /** The node a {@code $ref} (or a lone {@code allOf}) stands for, its properties resolved too. */
    public JsonNode resolve(JsonNode node) {
        if (node.has("$ref")) {
            JsonNode target = document;
            for (String step : node.get("$ref").asText().substring(2).split("/")) {
                target = target.get(step);
            }
            return resolve(target);
        }
        if (node.has("allOf") && node.get("allOf").size() == 1) {
            return resolve(node.get("allOf").get(0));
        }
        if (node.has("properties") || node.has("items") || node.has("additionalProperties")) {
            ObjectNode object = (ObjectNode) node.deepCopy();
            if (node.has("properties")) {
                ObjectNode properties = JsonNodeFactory.instance.objectNode();
                node.get("properties").properties().forEach(p -> properties.set(p.getKey(), resolve(p.getValue())));
                object.set("properties", properties);
            }
            if (node.has("items")) {
                object.set("items", resolve(node.get("items")));
            }
            if (node.get("additionalProperties") != null && node.get("additionalProperties").isObject()) {
                object.set("additionalProperties", resolve(node.get("additionalProperties")));
            }
            return object;
        }
        return node;
    }
}
