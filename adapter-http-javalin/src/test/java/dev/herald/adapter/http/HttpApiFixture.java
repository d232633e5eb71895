package dev.herald.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.application.FakeClock;
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
import dev.herald.application.port.out.ForNotifyingOwners.FailureNotice;
import dev.herald.application.port.out.ForSendingHttp.HttpResult;
import dev.herald.application.port.out.ForSendingHttp;
import dev.herald.application.service.CoreRuntime;
import dev.herald.application.service.DrivenPorts;
import dev.herald.application.service.HeraldCore;
import dev.herald.domain.webhook.UrlPolicy;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The real HTTP API on a free port, wired by {@link HeraldCore} to the real application services over in-memory adapters. The receiver of
 * deliveries is a stub answering {@link #receiverStatus}; failure e-mails land in {@link #notices}; the windows of
 * failed authentications follow {@link #authClock}, which only tests move.
 */
final class HttpApiFixture implements AutoCloseable {
    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();

    final InMemoryWebhookStore webhookStore = new InMemoryWebhookStore();
    final InMemoryEventStore eventStore = new InMemoryEventStore();
    final InMemoryDeliveryQueue queue = new InMemoryDeliveryQueue(eventStore, webhookStore);
    final InMemoryDatabaseProbe database = new InMemoryDatabaseProbe();
    final AtomicInteger receiverStatus = new AtomicInteger(200);
    /** How long the stub receiver says each attempt took. */
    final AtomicInteger receiverMillis = new AtomicInteger(7);
    /** What the stub receiver answers in its body. */
    final AtomicReference<String> receiverBody = new AtomicReference<>("ok");
    final InMemoryTenantStore tenantStore = new InMemoryTenantStore();
    final InMemoryOwnerNotifier owners = new InMemoryOwnerNotifier();
    final List<FailureNotice> notices = owners.received();
    final FakeClock authClock = new FakeClock(Instant.parse("2026-11-27T05:00:00Z"));

    private final Javalin app;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    private HttpApiFixture(HttpApiSettings settings, UrlPolicy urlPolicy, UnaryOperator<HttpApiPorts> portsOverride) {
        ForSendingHttp receiver = request -> CompletableFuture.completedFuture(new HttpResult(
                Optional.of(receiverStatus.get()), Optional.empty(), Optional.of(receiverBody.get()), Optional.empty(),
                receiverMillis.get()));
        DrivenPorts driven = new DrivenPorts(tenantStore, webhookStore, eventStore, queue, queue,
                new InMemoryTransactions(), new InMemoryNoticeThrottle(), queue, database, receiver, owners,
                new NoSchemaChecks());
        HeraldCore core = HeraldCore.wire(driven, HeraldSettings.defaults().withAllowHttp(urlPolicy.allowHttp())
                        .withAllowPrivateNetworks(urlPolicy.allowPrivateNetworks()),
                new CoreRuntime(Clock.systemUTC(), new Random(1), Runnable::run, "Herald/test"));
        HttpApiPorts ports = new HttpApiPorts(core.webhooks(), core.events(), core.deliveries(), core.authentication(),
                core.tenants(), core.health(), core.eventTypes());
        app = HeraldHttpApi.create(portsOverride.apply(ports), settings, authClock).start("127.0.0.1", 0);
        baseUrl = "http://127.0.0.1:" + app.port();
    }

    /** Admin API on, strict URL policy. */
    static HttpApiFixture start() {
        return start(HttpApiSettings.defaults().withAdminKey(ADMIN_KEY));
    }

    static HttpApiFixture start(HttpApiSettings settings) {
        return new HttpApiFixture(settings, UrlPolicy.strict(), UnaryOperator.identity());
    }

    static HttpApiFixture start(UrlPolicy urlPolicy) {
        return new HttpApiFixture(HttpApiSettings.defaults().withAdminKey(ADMIN_KEY), urlPolicy,
                UnaryOperator.identity());
    }

    /** With some ports replaced, e.g. by failing ones. */
    static HttpApiFixture start(UnaryOperator<HttpApiPorts> portsOverride) {
        return new HttpApiFixture(HttpApiSettings.defaults().withAdminKey(ADMIN_KEY), UrlPolicy.strict(),
                portsOverride);
    }

    @Override
    public void close() {
        app.stop();
    }

    /** A new tenant, made through the admin API. */
    Tenant tenant(String name) {
        Answer answer = call("POST", "/admin/v1/tenant/create").admin().body("{\"tenant\":\"" + name + "\"}").send();
        if (answer.status() != 200) {
            throw new IllegalStateException("cannot create tenant " + name + ": " + answer);
        }
        return new Tenant(name, answer.json().get("apiKey").asText());
    }

    /** A webhook of {@code tenant} subscribed to PATIENT_CREATED, as its JSON summary. */
    JsonNode webhook(Tenant tenant, String url) {
        Answer answer = call("POST", "/v1/webhook/create").as(tenant)
                .body("{\"url\":\"" + url + "\",\"subscriptions\":[\"PATIENT_CREATED\"]}").send();
        if (answer.status() != 200) {
            throw new IllegalStateException("cannot create webhook: " + answer);
        }
        return answer.json();
    }

    /** Publishes a PATIENT_CREATED event for {@code tenant}. */
    JsonNode event(Tenant tenant, String dataJson) {
        Answer answer = call("POST", "/v1/event/create").as(tenant)
                .body("{\"type\":\"PATIENT_CREATED\",\"data\":" + dataJson + "}").send();
        if (answer.status() != 200) {
            throw new IllegalStateException("cannot publish: " + answer);
        }
        return answer.json();
    }

    /**
     * Writes {@code head} and as much of {@code body} as the server takes over a plain socket, then reads the answer
     * (to the end of the connection: ask for {@code Connection: close} unless the server closes anyway). For what
     * java.net.http cannot send or report: bodies so large that the server answers before reading them, request lines
     * it refuses to write.
     */
    Answer raw(String head, byte[] body) {
        return raw(loopback(1), head, body);
    }

    /** {@link #raw(String, byte[])} from another client address, such as {@code loopback(2)}. */
    Answer raw(InetAddress from, String head, byte[] body) {
        try (Socket socket = open(from)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                for (int offset = 0; offset < body.length; offset += 16_384) {
                    out.write(body, offset, Math.min(16_384, body.length - offset));
                }
                out.flush();
            } catch (IOException closedEarly) {
                // the server answered and stopped reading; its answer is still to be read
            }
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyStart = text.indexOf("\r\n\r\n") + 4;
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line : text.substring(0, bodyStart).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(line.substring(0, colon).trim(), name -> new java.util.ArrayList<>())
                            .add(line.substring(colon + 1).trim());
                }
            }
            return new Answer(status, text.substring(bodyStart), HttpHeaders.of(headers, (name, value) -> true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain connection to the API from {@code from}, for clients java.net.http cannot imitate. */
    Socket open(InetAddress from) throws IOException {
        return new Socket(loopback(1), app.port(), from, 0);
    }

    /** 127.0.0.{@code last}: the API listens on 127.0.0.1, and on Linux every address of 127/8 can reach it. */
    static InetAddress loopback(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The absolute URL of {@code path} on this server, for clients other than {@link #call}, such as a browser. */
    String url(String path) {
        return baseUrl + path;
    }

    Call call(String method, String path) {
        return new Call(method, path);
    }

    record Tenant(String name, String apiKey) {
    }

    record Answer(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("answer is not JSON: " + body, e);
            }
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    /** One request being built. */
    final class Call {
        private final HttpRequest.Builder request;
        private final String method;
        private BodyPublisher body = BodyPublishers.noBody();

        private Call(String method, String path) {
            this.method = method;
            this.request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
        }

        Call header(String name, String value) {
            request.header(name, value);
            return this;
        }

        /** With a portal session's token instead of TENANT and API-KEY (docs/API.md §2.4). */
        Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Call as(Tenant tenant) {
            return header("TENANT", tenant.name()).header("API-KEY", tenant.apiKey());
        }

        Call admin() {
            return header("ADMIN-KEY", ADMIN_KEY);
        }

        Call body(String json) {
            body = BodyPublishers.ofString(json);
            return header("Content-Type", "application/json");
        }

        /** A body sent with chunked transfer encoding: no Content-Length, so only the bytes read can tell its size. */
        Call chunkedBody(byte[] bytes) {
            body = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
            return this;
        }

        Answer send() {
            try {
                var response = client.send(request.method(method, body).build(), BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.body(), response.headers());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
