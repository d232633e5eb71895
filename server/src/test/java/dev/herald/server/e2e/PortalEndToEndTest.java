package dev.herald.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.server.HeraldServer;
import dev.herald.server.support.HeraldClient;
import dev.herald.server.support.LocalServerConfig;
import dev.herald.server.support.Poll;
import dev.herald.server.support.TestReceiver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The standalone server's portal sessions over real HTTP (docs/API.md §2.4, §12): a session stored in the server's
 * database works on /v1 until the tenant's key is replaced, and /portal may be framed by the configured origins only.
 */
class PortalEndToEndTest {
    private static final String ADMIN_KEY = "portal-admin-key-0123456789";
    private static final Duration SOON = Duration.ofSeconds(10);

    @Test
    void aSessionActsForItsTenantUntilTheKeyIsReplaced() throws IOException, InterruptedException {
        try (TestReceiver receiver = new TestReceiver();
             HeraldServer server = HeraldServer.start(LocalServerConfig.of("portal", ADMIN_KEY,
                     Map.of("HERALD_PORTAL_FRAME_ANCESTORS", "https://app.example.com")))) {
            receiver.answer(request -> 200);
            String base = "http://localhost:" + server.port();
            HeraldClient clinic = HeraldClient.at(base).newTenant(ADMIN_KEY, "clinic");
            JsonNode session = clinic.post("/v1/portal/session", Map.of("expiresInSeconds", 600)).expect(200);
            HeraldClient portal = HeraldClient.at(base).asSession(session.get("token").asText());

            String webhook = portal.createWebhook(receiver.url("/hook"), List.of("PATIENT_CREATED"), null)
                    .get("id").asText();
            portal.publish("PATIENT_CREATED", "{\"patientId\":\"pat_1\"}");
            JsonNode delivered = Poll.until(SOON,
                    () -> portal.get("/v1/webhook/" + webhook + "/delivery-attempts/list").expect(200),
                    list -> list.size() == 1 && list.get(0).get("status").asText().equals("DELIVERED"),
                    "the delivery made through the session delivered");
            assertEquals(200, delivered.get(0).get("attempts").get(0).get("status").asInt());
            assertEquals(403, portal.post("/v1/portal/session").status(), "no session from a session");

            HeraldClient.at(base).asAdmin(ADMIN_KEY).post("/admin/v1/tenant/clinic/api-key/rotate").expect(200);
            assertEquals(401, portal.get("/v1/webhook/list").status(), "a replaced key ends its sessions");

            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/portal")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(policy.contains("frame-ancestors https://app.example.com;"), policy);
        }
    }
}
