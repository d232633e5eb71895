package dev.herald.adapter.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.out.ForSendingHttp.HttpResult;
import dev.herald.application.port.out.ForSendingHttp.OutboundRequest;
import dev.herald.domain.delivery.DeliveryBody;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender against a real local receiver (private networks allowed, as in local development). */
class JdkHttpSenderTest {
    private static final Map<String, String> HEADERS = Map.of(
            "Content-Type", "application/json", "User-Agent", "Herald/test", "webhook-id", "msg_1");
    private static final OutboundHttpSettings LOCAL = OutboundHttpSettings.defaults().withAllowPrivateNetworks(true);

    private TestReceiver receiver;
    private JdkHttpSender sender;

    @BeforeEach
    void start() throws Exception {
        receiver = TestReceiver.http();
        sender = new JdkHttpSender(LOCAL, NameMap.of("receiver.test", "127.0.0.1"), SSLContext.getDefault());
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void a2xxIsReportedWithItsBodyAndTheReceiverGetsThePostAsSent() throws Exception {
        receiver.on("/hook", exchange -> TestReceiver.respond(exchange, 202, "thanks"));

        HttpResult result = post("http://127.0.0.1:" + receiver.port() + "/hook");

        assertEquals(Optional.of(202), result.status());
        assertEquals(Optional.empty(), result.error());
        assertEquals(Optional.of("thanks"), result.responseBody());
        TestReceiver.Received got = receiver.received().get(0);
        assertEquals("POST", got.method());
        assertEquals("{\"id\":\"msg_1\"}", got.body());
        assertEquals("Herald/test", got.userAgent());
        assertEquals("msg_1", got.webhookId());
    }

    @Test
    void a5xxIsAResultNotAnError() throws Exception {
        receiver.on("/hook", exchange -> TestReceiver.respond(exchange, 503, "down for maintenance"));

        HttpResult result = post("http://127.0.0.1:" + receiver.port() + "/hook");

        assertEquals(Optional.of(503), result.status());
        assertEquals(Optional.empty(), result.error());
        assertEquals(Optional.of("down for maintenance"), result.responseBody());
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        receiver.on("/hook", exchange -> {
            exchange.getResponseHeaders().add("Location", "/elsewhere");
            TestReceiver.respond(exchange, 302, "");
        });
        receiver.on("/elsewhere", TestReceiver.status(200));

        HttpResult result = post("http://127.0.0.1:" + receiver.port() + "/hook");

        assertEquals(Optional.of(302), result.status());
        assertEquals(0, receiver.hits("/elsewhere"));
    }

    @Test
    void aReceiverSlowerThanTheRequestTimeoutGivesATimeoutError() throws Exception {
        receiver.on("/slow", exchange -> {
            awaitRelease();
            TestReceiver.respond(exchange, 200, "");
        });
        JdkHttpSender impatient = new JdkHttpSender(LOCAL.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)),
                HostResolver.system(), SSLContext.getDefault());

        HttpResult result = impatient.post(request("http://127.0.0.1:" + receiver.port() + "/slow"))
                .get(10, TimeUnit.SECONDS);

        assertEquals(Optional.of("request timed out"), result.error());
        assertEquals(Optional.empty(), result.status());
        assertTrue(result.durationMs() >= 300 && result.durationMs() < 5_000, "took " + result.durationMs() + " ms");
    }

    @Test
    void aBodyThatTricklesForeverIsCutOffByTheRequestTimeout() throws Exception {
        receiver.on("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, never finished
            OutputStream out = exchange.getResponseBody();
            out.write('x');
            out.flush();
            awaitRelease();
        });
        JdkHttpSender impatient = new JdkHttpSender(LOCAL.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500)),
                HostResolver.system(), SSLContext.getDefault());

        HttpResult result = impatient.post(request("http://127.0.0.1:" + receiver.port() + "/trickle"))
                .get(10, TimeUnit.SECONDS);

        assertEquals(Optional.of("request timed out"), result.error());
    }

    @Test
    void aClosedPortGivesConnectionRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        HttpResult result = post("http://127.0.0.1:" + closedPort + "/hook");

        assertEquals(Optional.of("connection refused"), result.error());
        assertEquals(Optional.empty(), result.status());
    }

    @Test
    void anUnknownHostIsAReadableError() throws Exception {
        HttpResult result = post("http://nowhere.test/hook");

        assertEquals(Optional.of("unknown host nowhere.test"), result.error());
    }

    @Test
    void aLargeResponseBodyIsKeptOnlyUpTo4KiB() throws Exception {
        receiver.on("/big", exchange -> TestReceiver.respond(exchange, 200, "a".repeat(1024 * 1024)));

        HttpResult result = post("http://127.0.0.1:" + receiver.port() + "/big");

        assertEquals(Optional.of(200), result.status());
        assertEquals(4096, result.responseBody().orElseThrow().length());
    }

    @Test
    void anEndlessResponseBodyIsNotWaitedFor() throws Exception {
        receiver.on("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            byte[] chunk = "b".repeat(8192).getBytes();
            while (true) { // until the client hangs up
                out.write(chunk);
            }
        });

        HttpResult result = post("http://127.0.0.1:" + receiver.port() + "/endless");

        assertEquals(Optional.of(200), result.status());
        assertEquals("b".repeat(4096), result.responseBody().orElseThrow());
    }

    @Test
    void aTruncatedBodyDoesNotEndInAHalfCharacter() throws Exception {
        receiver.on("/utf8", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            TestReceiver.respond(exchange, 500, "x" + "é".repeat(5000)); // 'é' is two bytes: the cut splits one
        });

        HttpResult result = post("http://127.0.0.1:" + receiver.port() + "/utf8");

        assertEquals("x" + "é".repeat(2047), result.responseBody().orElseThrow());
    }

    @Test
    void retryAfterInSecondsIsRead() throws Exception {
        receiver.on("/busy", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "120");
            TestReceiver.respond(exchange, 429, "");
        });

        HttpResult result = post("http://127.0.0.1:" + receiver.port() + "/busy");

        assertEquals(Optional.of(429), result.status());
        assertEquals(Optional.of(Duration.ofSeconds(120)), result.retryAfter());
    }

    @Test
    void retryAfterAsAnHttpDateIsRead() throws Exception {
        String inNinetySeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(90));
        receiver.on("/busy", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", inNinetySeconds);
            TestReceiver.respond(exchange, 503, "");
        });

        Duration retryAfter = post("http://127.0.0.1:" + receiver.port() + "/busy").retryAfter().orElseThrow();

        assertTrue(retryAfter.compareTo(Duration.ofSeconds(80)) > 0
                && retryAfter.compareTo(Duration.ofSeconds(91)) <= 0, retryAfter.toString());
    }

    @Test
    void anUnreadableRetryAfterIsIgnored() throws Exception {
        receiver.on("/busy", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "soon");
            TestReceiver.respond(exchange, 503, "");
        });

        assertEquals(Optional.empty(), post("http://127.0.0.1:" + receiver.port() + "/busy").retryAfter());
    }

    @Test
    void connectingToTheCheckedAddressKeepsTheHostHeaderPathAndQuery() throws Exception {
        receiver.on("/hooks", TestReceiver.status(204));

        HttpResult result = post("http://receiver.test:" + receiver.port() + "/hooks/a%20b?x=1&y=%2F");

        assertTrue(JdkHttpSender.pinsCheckedAddress());
        assertEquals(Optional.of(204), result.status());
        TestReceiver.Received got = receiver.received().get(0);
        assertEquals(List.of("receiver.test:" + receiver.port()), got.hosts());
        assertEquals("/hooks/a%20b", got.uri().getRawPath());
        assertEquals("x=1&y=%2F", got.uri().getRawQuery());
    }

    private HttpResult post(String url) throws Exception {
        return sender.post(request(url)).get(20, TimeUnit.SECONDS);
    }

    static OutboundRequest request(String url) {
        return new OutboundRequest(URI.create(url), HEADERS, DeliveryBody.ofText("{\"id\":\"msg_1\"}"));
    }

    private void awaitRelease() throws IOException {
        try {
            receiver.released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
