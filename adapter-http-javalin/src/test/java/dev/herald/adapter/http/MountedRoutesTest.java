package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.application.config.HeraldSettings;
import dev.herald.application.inmemory.InMemoryDatabaseProbe;
import dev.herald.application.inmemory.InMemoryDeliveryQueue;
import dev.herald.application.inmemory.InMemoryEventStore;
import dev.herald.application.inmemory.InMemoryNoticeThrottle;
import dev.herald.application.inmemory.InMemoryTenantStore;
import dev.herald.application.inmemory.InMemoryTransactions;
import dev.herald.application.inmemory.InMemoryOwnerNotifier;
import dev.herald.application.inmemory.InMemoryWebhookStore;
import dev.herald.application.inmemory.NoSchemaChecks;
import dev.herald.application.service.CoreRuntime;
import dev.herald.application.service.DrivenPorts;
import dev.herald.application.service.HeraldCore;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A host's own Javalin app with Herald's routes mounted in it: both answer, each with its own handlers. */
class MountedRoutesTest {
    @Test
    void heraldsRoutesAnswerBesideTheHostsOwn() throws Exception {
        InMemoryEventStore events = new InMemoryEventStore();
        InMemoryWebhookStore webhooks = new InMemoryWebhookStore();
        InMemoryDeliveryQueue queue = new InMemoryDeliveryQueue(events, webhooks);
        HeraldCore core = HeraldCore.wire(new DrivenPorts(new InMemoryTenantStore(), webhooks, events,
                        queue, queue, new InMemoryTransactions(), new InMemoryNoticeThrottle(), queue,
                        new InMemoryDatabaseProbe(), request -> new CompletableFuture<>(), new InMemoryOwnerNotifier(),
                        new NoSchemaChecks()),
                HeraldSettings.defaults(),
                new CoreRuntime(Clock.systemUTC(), new Random(1), Runnable::run, "Herald/test"));
        HttpApiPorts ports = new HttpApiPorts(core.webhooks(), core.events(), core.deliveries(), core.authentication(),
                core.tenants(), core.health(), core.eventTypes());
        Javalin host = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/host/ping", ctx -> ctx.result("pong"));
            HeraldHttpApi.mount(config, ports, HttpApiSettings.defaults());
        }).start("127.0.0.1", 0);
        try {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + host.port();
            HttpResponse<String> ping = client.send(HttpRequest.newBuilder(URI.create(base + "/host/ping")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> unauthenticated = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/v1/webhook/list")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals("pong", ping.body());
            assertEquals("{\"status\":\"UP\"}", health.body());
            assertEquals(401, unauthenticated.statusCode());
        } finally {
            host.stop();
        }
    }
}
