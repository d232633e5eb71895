package dev.herald.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The CLI's tenant commands, sent to the admin API of the server running on the same H2 file. */
final class RunningServerAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningServerAdmin() {
    }

    /**
     * Runs {@code tenant create NAME} or {@code tenant rotate-key NAME} on the running server and prints as the CLI
     * does; the exit code, or empty when no server answers there.
     */
    static Optional<Integer> tenantCommand(LocalServerFile.Endpoint server, String command, String name,
                                           PrintStream out, PrintStream err) {
        String path = command.equals("create") ? "/admin/v1/tenant/create"
                : "/admin/v1/tenant/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/api-key/rotate";
        String body = command.equals("create") ? json(Map.of("tenant", name)) : "";
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("ADMIN-KEY", server.adminKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() == 200) {
                out.println(answer.get("apiKey").asText()); // alone on stdout, so scripts can capture it
                err.println("API key of tenant '" + answer.get("tenant").asText() + "' (shown once: store it now)");
                return Optional.of(0);
            }
            JsonNode detail = answer.get("detail");
            err.println(detail.isArray() ? detail.get(0).get("msg").asText() : detail.asText());
            return Optional.of(1);
        } catch (ConnectException gone) {
            return Optional.empty();
        } catch (IOException e) {
            err.println("the server on this database did not answer: " + e.getMessage());
            return Optional.of(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(1);
        }
    }

    private static String json(Map<String, String> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
