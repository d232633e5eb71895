package dev.herald.application.contract;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.T0;
import static dev.herald.application.contract.ContractFixtures.event;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.out.ForSendingHttp.HttpResult;
import dev.herald.application.port.out.ForSendingHttp.OutboundRequest;
import dev.herald.application.port.out.ForSendingHttp;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryBody;
import dev.herald.domain.event.EventType;
import dev.herald.domain.webhook.WebhookId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ForSendingHttp} does, seen from the receiving end: any answer is a status (2xx or not), no
 * answer is an error; the body and headers go out as given; the start of the response body is kept, up to 4 KiB;
 * Retry-After is read; redirects are not followed; blocked addresses are refused; the future never fails.
 */
public abstract class HttpSenderContract {
    /** How much of a response body a sender keeps (the port's promise). */
    public static final int KEPT_RESPONSE_BYTES = 4096;
    /** Herald's own, and a tenant's (docs/API.md §6.1): a value may hold spaces, quotes and colons, or be empty. */
    private static final Map<String, String> HEADERS = Map.of(
            "Content-Type", "application/json", "User-Agent", "Herald/contract", "webhook-id", "msg_contract1",
            "webhook-signature", "v1,c2lnbmF0dXJl", "Authorization", "Bearer t0k3n", "X-Tenant-Header",
            "a  b \"c\": ~d", "X-Empty", "");
    /** Sent in parts, as a delivery's head, shared data and tail are. */
    private static final DeliveryBody BODY = DeliveryBody.of(
            Delivery.of(event(ACME, EventType.PATIENT_CREATED, T0), new WebhookId("wh_contract1")),
            "{\"patientId\":\"p-1\",\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8));

    /** A sender and a network of receivers it can reach, which the test sets up. */
    protected abstract Network network();

    /** Receivers for one test, each behind its own URL. Closed after the test. */
    public interface Network extends AutoCloseable {
        ForSendingHttp sender();

        /** A receiver that answers every POST with this status, headers and body. */
        URI answering(int status, Map<String, String> headers, String body);

        /** Where nothing listens: the connection is refused. */
        URI refusingConnections();

        /** A receiver that takes longer to answer than the sender's request timeout. */
        URI tooSlowToAnswer();

        /** A URL the sender must refuse to connect to (a blocked or ambiguous address), with a receiver behind it. */
        URI blockedAddress();

        /** The POSTs that reached the receiver at {@code url}, in order. */
        List<Received> receivedAt(URI url);

        @Override
        void close();
    }

    /** One request as the receiver got it: header names in lower case, the body's bytes. */
    public record Received(String method, Map<String, String> headers, byte[] body) {
    }

    private Network network;

    @BeforeEach
    void setUp() {
        network = network();
    }

    @AfterEach
    void tearDown() {
        network.close();
    }

    private HttpResult post(URI url) throws Exception {
        return network.sender().post(new OutboundRequest(url, HEADERS, BODY)).get(30, TimeUnit.SECONDS);
    }

    @Test
    void a2xxIsAStatusWithTheStartOfTheBody() throws Exception {
        HttpResult result = post(network.answering(202, Map.of(), "thanks"));

        assertEquals(Optional.of(202), result.status());
        assertEquals(Optional.empty(), result.error());
        assertEquals(Optional.of("thanks"), result.responseBody());
        assertTrue(result.durationMs() >= 0);
    }

    @Test
    void aNon2xxIsAStatusTooNotAnError() throws Exception {
        for (int status : new int[] {400, 410, 500, 503}) {
            HttpResult result = post(network.answering(status, Map.of(), "down for maintenance"));

            assertEquals(Optional.of(status), result.status());
            assertEquals(Optional.empty(), result.error());
            assertEquals(Optional.of("down for maintenance"), result.responseBody());
        }
    }

    @Test
    void anEmptyResponseBodyIsNoBody() throws Exception {
        assertEquals(Optional.empty(), post(network.answering(204, Map.of(), "")).responseBody());
    }

    @Test
    void theReceiverGetsAPostWithTheBodyAndHeadersAsGiven() throws Exception {
        URI url = network.answering(200, Map.of(), "");

        post(url);

        List<Received> received = network.receivedAt(url);
        assertEquals(1, received.size());
        assertEquals("POST", received.get(0).method());
        assertArrayEquals(BODY.text().getBytes(StandardCharsets.UTF_8), received.get(0).body());
        HEADERS.forEach((name, value) ->
                assertEquals(value, received.get(0).headers().get(name.toLowerCase(Locale.ROOT)), name));
    }

    @Test
    void aLongResponseBodyIsKeptOnlyUpTo4KiB() throws Exception {
        String body = "a".repeat(KEPT_RESPONSE_BYTES) + "b".repeat(1024 * 1024);

        HttpResult result = post(network.answering(500, Map.of(), body));

        assertEquals(Optional.of(500), result.status());
        assertEquals(Optional.of("a".repeat(KEPT_RESPONSE_BYTES)), result.responseBody());
    }

    @Test
    void retryAfterIsSurfacedWhenTheReceiverSendsIt() throws Exception {
        HttpResult busy = post(network.answering(429, Map.of("Retry-After", "120"), ""));
        HttpResult plain = post(network.answering(503, Map.of(), ""));

        assertEquals(Optional.of(Duration.ofSeconds(120)), busy.retryAfter());
        assertEquals(Optional.empty(), plain.retryAfter());
    }

    @Test
    void aRedirectIsAStatusAndIsNotFollowed() throws Exception {
        URI elsewhere = network.answering(200, Map.of(), "");
        URI moved = network.answering(302, Map.of("Location", elsewhere.toString()), "");

        HttpResult result = post(moved);

        assertEquals(Optional.of(302), result.status());
        assertEquals(List.of(), network.receivedAt(elsewhere));
    }

    @Test
    void aRefusedConnectionIsAnErrorSayingSo() throws Exception {
        HttpResult result = post(network.refusingConnections());

        assertEquals(Optional.empty(), result.status());
        assertTrue(result.error().orElseThrow().contains("refused"), result.error().orElseThrow());
        assertEquals(Optional.empty(), result.responseBody());
    }

    @Test
    void aReceiverSlowerThanTheTimeoutIsAnErrorSayingSo() throws Exception {
        HttpResult result = post(network.tooSlowToAnswer());

        assertEquals(Optional.empty(), result.status());
        assertTrue(result.error().orElseThrow().contains("timed out"), result.error().orElseThrow());
    }

    @Test
    void aBlockedAddressIsRefusedBeforeAnythingIsSent() throws Exception {
        URI blocked = network.blockedAddress();

        HttpResult result = post(blocked);

        assertEquals(Optional.empty(), result.status());
        assertEquals(Optional.of(ForSendingHttp.DESTINATION_NOT_ALLOWED), result.error());
        assertEquals(List.of(), network.receivedAt(blocked));
    }
}
