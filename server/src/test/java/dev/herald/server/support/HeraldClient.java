package dev.herald.server.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls Herald's HTTP API the way a client does: {@code java.net.http}, JSON bodies, and the {@code ADMIN-KEY} or
 * {@code TENANT}/{@code API-KEY} headers. Immutable: {@link #asAdmin} and {@link #asTenant} return signed-in copies.
 * A call that cannot reach the server throws {@link UncheckedIOException}.
 */
public final class HeraldClient {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** One response: its status, body and headers. */
    public record Answer(int status, String body, HttpHeaders headers) {
        /** The first value of the header {@code name}, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The body as JSON, after checking the status. */
        public JsonNode expect(int expectedStatus) {
            if (status != expectedStatus) {
                throw new AssertionError("expected HTTP " + expectedStatus + " but got " + status + ": " + body);
            }
            return json();
        }
    }

    private final String baseUrl;
    private final Map<String, String> headers;

    private HeraldClient(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
    }

    /** A client of the server at {@code baseUrl}, e.g. {@code http://localhost:8080}, not signed in. */
    public static HeraldClient at(String baseUrl) {
        return new HeraldClient(baseUrl, Map.of());
    }

    /** The same credentials against another server (e.g. the node that replaced this one). */
    public HeraldClient on(String otherBaseUrl) {
        return new HeraldClient(otherBaseUrl, headers);
    }

    public HeraldClient asAdmin(String adminKey) {
        return new HeraldClient(baseUrl, Map.of("ADMIN-KEY", adminKey));
    }

    public HeraldClient asTenant(String tenant, String apiKey) {
        return new HeraldClient(baseUrl, Map.of("TENANT", tenant, "API-KEY", apiKey));
    }

    /** Signed in with a portal session's token instead of TENANT and API-KEY (docs/API.md §2.4). */
    public HeraldClient asSession(String token) {
        return new HeraldClient(baseUrl, Map.of("Authorization", "Bearer " + token));
    }

    /** Creates {@code tenant} through the admin API; a client signed in as the new tenant. */
    public HeraldClient newTenant(String adminKey, String tenant) {
        JsonNode credentials = asAdmin(adminKey).post("/admin/v1/tenant/create", Map.of("tenant", tenant)).expect(200);
        return asTenant(tenant, credentials.get("apiKey").asText());
    }

    /** {@code POST /v1/webhook/create}; the {@code WebhookSummary}. */
    public JsonNode createWebhook(String url, List<String> subscriptions, String notificationEmail) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("subscriptions", subscriptions);
        body.put("notificationEmail", notificationEmail);
        return post("/v1/webhook/create", body).expect(200);
    }

    /** {@code POST /v1/event/create} with {@code data} (a JSON object's text); the answer, whatever its status. */
    public Answer tryPublish(String type, String dataJson) {
        return post("/v1/event/create", "{\"type\":\"" + type + "\",\"data\":" + dataJson + "}");
    }

    /** Publishes and expects 200; {@code {"id": "evt_…", "type", "createdDate", "deliveryCount"}}. */
    public JsonNode publish(String type, String dataJson) {
        return tryPublish(type, dataJson).expect(200);
    }

    /** {@code GET /v1/webhook/events/{id}}: the {@code WebhookDeliveryAttemptSummary}. */
    public JsonNode delivery(String deliveryId) {
        return get("/v1/webhook/events/" + deliveryId).expect(200);
    }

    public Answer get(String path) {
        return call("GET", path, null);
    }

    public Answer post(String path) {
        return call("POST", path, null);
    }

    public Answer post(String path, Map<String, ?> body) {
        return post(path, toJson(body));
    }

    public Answer post(String path, String jsonBody) {
        return call("POST", path, jsonBody);
    }

    public Answer put(String path, Map<String, ?> body) {
        return call("PUT", path, toJson(body));
    }

    public Answer delete(String path) {
        return call("DELETE", path, null);
    }

    /** Any call; {@code jsonBody} may be null for none. */
    public Answer call(String method, String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .method(method, jsonBody == null ? BodyPublishers.noBody() : BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            var response = HTTP.send(request.build(), BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    /** A query string from name/value pairs, e.g. {@code query("limit", 2, "offset", 4)} is {@code ?limit=2&offset=4}. */
    public static String query(Object... namesAndValues) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.put(namesAndValues[i].toString(), namesAndValues[i + 1].toString());
        }
        StringBuilder text = new StringBuilder();
        pairs.forEach((name, value) -> text.append(text.length() == 0 ? '?' : '&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return text.toString();
    }

    private static String toJson(Map<String, ?> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
