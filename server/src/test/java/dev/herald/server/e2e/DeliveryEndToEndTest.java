package dev.herald.server.e2e;

import dev.herald.server.support.LocalServerConfig;
import static dev.herald.server.support.HeraldClient.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.herald.bootstrap.Herald;
import dev.herald.server.HeraldConfig;
import dev.herald.server.HeraldServer;
import dev.herald.server.support.HeraldClient;
import dev.herald.server.support.Poll;
import dev.herald.server.support.ReceiverSignatures;
import dev.herald.server.support.TestReceiver;
import dev.herald.server.support.TestReceiver.Received;
import dev.herald.server.support.TestReceiver.Reply;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The standalone server in this JVM, called over real HTTP, delivering over real HTTP to a {@link TestReceiver},
 * with failure e-mails caught by GreenMail. Each test works in a tenant of its own.
 */
class DeliveryEndToEndTest {
    private static final String ADMIN_KEY = "e2e-admin-key-0123456789";
    /** Retries after 100 ms and 200 ms: three attempts in about a third of a second. */
    private static final String RETRY_SCHEDULE = "100ms,200ms";
    private static final int MAX_ATTEMPTS = 3;
    private static final Duration SOON = Duration.ofSeconds(5);
    private static final AtomicInteger TENANTS = new AtomicInteger();

    private static GreenMail mail;
    private static HeraldServer server;

    private TestReceiver receiver;
    private HeraldClient tenant;

    @BeforeAll
    static void startMailAndServer() {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        server = HeraldServer.start(config(Map.of()));
    }

    @AfterAll
    static void stopServerAndMail() {
        server.close();
        mail.stop();
    }

    @BeforeEach
    void newReceiverAndTenant() throws IOException {
        receiver = new TestReceiver();
        tenant = newTenant(server);
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    @Test
    void anEventReachesEveryLiveSubscribedWebhookOfItsTenantAndNoOther() {
        tenant.createWebhook(receiver.url("/first"), List.of("PATIENT_CREATED"), null);
        tenant.createWebhook(receiver.url("/second"), List.of("PAYMENT_CREATED", "PATIENT_CREATED"), null);
        tenant.createWebhook(receiver.url("/unsubscribed"), List.of("PAYMENT_CREATED"), null);
        String archived = tenant.createWebhook(receiver.url("/archived"), List.of("PATIENT_CREATED"), null)
                .get("id").asText();
        tenant.delete("/v1/webhook/delete/" + archived).expect(200);
        newTenant(server).createWebhook(receiver.url("/other-tenant"), List.of("PATIENT_CREATED"), null);

        long published = System.nanoTime();
        JsonNode event = tenant.publish("PATIENT_CREATED", "{\"patientId\":42}");
        assertEquals(2, event.get("deliveryCount").asInt());
        String eventId = event.get("id").asText();
        TestReceiver.await(Duration.ofSeconds(3),
                () -> pathsThatGot(eventId).containsAll(List.of("/first", "/second")), "both subscribed webhooks");
        System.out.printf("publish to delivery at both webhooks: %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - published));

        // A later event for "/second" and "/unsubscribed": once it is there, the first event had its chance too.
        String later = tenant.publish("PAYMENT_CREATED", "{}").get("id").asText();
        TestReceiver.await(SOON, () -> pathsThatGot(later).containsAll(List.of("/second", "/unsubscribed")),
                "the later event");
        assertEquals(List.of("/first", "/second"), pathsThatGot(eventId).stream().sorted().toList());
    }

    @Test
    void theBodyIsFixedWhenPublishedAndEveryAttemptIsSignedInBothSchemes() throws Exception {
        String secret = tenant.createWebhook(receiver.url("/hook"), List.of("PATIENT_CREATED"), null)
                .get("secret").asText();
        AtomicInteger answered = new AtomicInteger();
        receiver.answer(request -> answered.incrementAndGet() == 1 ? 500 : 200); // so that a retry follows

        JsonNode event = tenant.publish("PATIENT_CREATED", "{\"patientId\":42,\"name\":\"Zoë\"}");
        TestReceiver.await(SOON, () -> receiver.requests().size() == 2, "the first attempt and its retry");

        Received first = receiver.requests().get(0);
        Received retry = receiver.requests().get(1);
        String deliveryId = first.header("webhook-id");
        assertTrue(deliveryId.startsWith("msg_"), deliveryId);
        assertEquals("{\"id\":\"" + deliveryId + "\",\"type\":\"PATIENT_CREATED\","
                + "\"data\":{\"patientId\":42,\"name\":\"Zoë\"},"
                + "\"createdDate\":\"" + event.get("createdDate").asText() + "\","
                + "\"alertId\":\"" + event.get("id").asText() + "\"}", first.body());
        assertEquals(first.body(), retry.body(), "the same bytes on every attempt");
        assertEquals(deliveryId, retry.header("webhook-id"), "webhook-id is stable across attempts");
        for (Received attempt : List.of(first, retry)) {
            assertEquals("application/json", attempt.header("Content-Type"));
            assertEquals("Herald/" + Herald.VERSION, attempt.header("User-Agent"));
            assertEquals(ReceiverSignatures.decodaSignature(secret, attempt.body()), attempt.header("Decoda-Signature"));
            assertEquals(1, signatures(attempt).size());
            ReceiverSignatures.verifyStandardWebhooks(secret, attempt);
        }
    }

    @Test
    void duringASecretRotationDeliveriesVerifyWithTheOldAndTheNewSecret() throws Exception {
        JsonNode hook = tenant.createWebhook(receiver.url("/hook"), List.of("PATIENT_CREATED"), null);
        String oldSecret = hook.get("secret").asText();
        String newSecret = tenant.post("/v1/webhook/rotate-secret/" + hook.get("id").asText(),
                Map.of("graceSeconds", 3600)).expect(200).get("secret").asText();
        assertNotEquals(oldSecret, newSecret);

        tenant.publish("PATIENT_CREATED", "{}");
        TestReceiver.await(SOON, () -> receiver.requests().size() == 1, "the delivery");

        Received delivery = receiver.requests().get(0);
        assertEquals(2, signatures(delivery).size(), delivery.header("webhook-signature"));
        ReceiverSignatures.verifyStandardWebhooks(oldSecret, delivery);
        ReceiverSignatures.verifyStandardWebhooks(newSecret, delivery);
        assertEquals(ReceiverSignatures.decodaSignature(newSecret, delivery.body()), delivery.header("Decoda-Signature"));
    }

    @Test
    void aDeliveryThatKeepsFailingIsRetriedOnScheduleThenFailsAndTheOwnerIsEmailed() throws Exception {
        receiver.answer(request -> 500);
        String owner = "owner-" + UUID.randomUUID() + "@example.com";
        String url = receiver.url("/broken");
        tenant.createWebhook(url, List.of("PATIENT_CREATED"), owner);
        tenant.publish("PATIENT_CREATED", "{}");

        JsonNode delivery = awaitSettled(firstDeliveryId());
        assertEquals("FAILED", delivery.get("status").asText());
        assertEquals(MAX_ATTEMPTS, delivery.get("attemptCount").asInt());
        assertEquals(500, delivery.get("lastDeliveryAttemptStatus").asInt());
        assertTrue(delivery.get("deliveredDate").isNull());
        List<JsonNode> attempts = list(delivery.get("attempts"));
        assertEquals(List.of(1, 2, 3), attempts.stream().map(a -> a.get("number").asInt()).toList());
        assertEquals(List.of(500, 500, 500), attempts.stream().map(a -> a.get("status").asInt()).toList());

        List<Received> sent = receiver.requests();
        assertEquals(MAX_ATTEMPTS, sent.size());
        // The schedule's 100 ms and 200 ms, less the 20 % jitter.
        assertTrue(millisBetween(sent.get(0), sent.get(1)) >= 80, "first retry too early");
        assertTrue(millisBetween(sent.get(1), sent.get(2)) >= 160, "second retry too early");

        MimeMessage notice = Poll.until(SOON, () -> messagesTo(owner), messages -> !messages.isEmpty(),
                "the failure e-mail").get(0);
        String text = notice.getSubject() + "\n" + notice.getContent();
        for (String named : List.of(url, "PATIENT_CREATED", delivery.get("id").asText(), "HTTP 500")) {
            assertTrue(text.contains(named), "the e-mail names " + named + ":\n" + text);
        }
        assertEquals(1, messagesTo(owner).size());
    }

    @Test
    void goneStopsAtOnce() {
        receiver.answer(request -> 410);
        tenant.createWebhook(receiver.url("/gone"), List.of("PATIENT_CREATED"), null);
        tenant.publish("PATIENT_CREATED", "{}");

        JsonNode delivery = awaitSettled(firstDeliveryId());
        assertEquals("FAILED", delivery.get("status").asText());
        assertEquals(1, delivery.get("attemptCount").asInt());
        assertEquals(410, delivery.get("lastDeliveryAttemptStatus").asInt());
        assertEquals(1, receiver.requests().size());
    }

    @Test
    void aRedirectIsAFailureAndItsLocationIsNeverRequested() {
        receiver.reply(request -> request.path().equals("/moved")
                ? Reply.status(302).withHeader("Location", receiver.url("/new-home"))
                : Reply.status(200));
        tenant.createWebhook(receiver.url("/moved"), List.of("PATIENT_CREATED"), null);
        tenant.publish("PATIENT_CREATED", "{}");

        JsonNode delivery = awaitSettled(firstDeliveryId());
        assertEquals("FAILED", delivery.get("status").asText());
        assertEquals(List.of(302, 302, 302),
                list(delivery.get("attempts")).stream().map(a -> a.get("status").asInt()).toList());
        assertEquals(List.of(), receiver.requestsTo("/new-home"));
    }

    @Test
    void aReceiverSlowerThanTheDeliveryTimeoutGetsATimedOutAttempt() {
        receiver.delay(Duration.ofMillis(2500)); // HERALD_DELIVERY_TIMEOUT is 1 s
        String hook = tenant.createWebhook(receiver.url("/slow"), List.of("PATIENT_CREATED"), null)
                .get("id").asText();
        tenant.publish("PATIENT_CREATED", "{}");

        String deliveryId = Poll.until(SOON, () -> deliveriesOf(hook, ""), d -> !d.isEmpty(), "the delivery")
                .get(0).get("id").asText();
        JsonNode delivery = Poll.until(SOON, () -> tenant.delivery(deliveryId),
                d -> d.get("attemptCount").asInt() >= 1, "the first attempt");
        JsonNode attempt = delivery.get("attempts").get(0);
        assertTrue(attempt.get("status").isNull());
        assertTrue(attempt.get("error").asText().contains("timed out"), attempt.toString());
        assertTrue(attempt.get("durationMs").asLong() < 2000, attempt.toString());
    }

    @Test
    void theDeliveryLogCanBeFilteredSortedAndPaged() {
        receiver.answer(request -> request.body().contains("\"type\":\"PAYMENT_FAILED\"") ? 410 : 200);
        String hook = tenant.createWebhook(receiver.url("/log"), List.of("PATIENT_CREATED", "PAYMENT_FAILED"), null)
                .get("id").asText();
        for (int i = 0; i < 3; i++) {
            tenant.publish("PATIENT_CREATED", "{\"n\":" + i + "}");
        }
        for (int i = 0; i < 2; i++) {
            tenant.publish("PAYMENT_FAILED", "{\"n\":" + i + "}");
        }
        List<JsonNode> all = Poll.until(SOON, () -> deliveriesOf(hook, query("limit", 100)),
                d -> d.size() == 5 && d.stream().noneMatch(x -> x.get("status").asText().equals("PENDING")),
                "five settled deliveries");

        assertEquals(List.of("PATIENT_CREATED", "PATIENT_CREATED", "PATIENT_CREATED"),
                types(deliveriesOf(hook, query("event_type", "PATIENT_CREATED"))));
        List<JsonNode> delivered = deliveriesOf(hook, query("is_delivered", true));
        assertEquals(3, delivered.size());
        assertTrue(delivered.stream().allMatch(d -> d.get("status").asText().equals("DELIVERED")
                && !d.get("deliveredDate").isNull()));
        assertEquals(List.of("PAYMENT_FAILED", "PAYMENT_FAILED"), types(deliveriesOf(hook, query("is_delivered", false))));

        List<String> newestFirst = ids(all);
        List<String> oldestFirst = ids(deliveriesOf(hook, query("sort_by", "created_date", "sort_direction", "asc")));
        assertEquals(reversed(newestFirst), oldestFirst);
        assertTrue(isSorted(createdDates(deliveriesOf(hook, query("sort_direction", "asc")))));

        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 6; offset += 2) {
            paged.addAll(ids(deliveriesOf(hook, query("limit", 2, "offset", offset))));
        }
        assertEquals(newestFirst, paged);
        assertEquals(422, tenant.get(deliveryListPath(hook) + query("limit", 0)).status());
        assertEquals(422, tenant.get(deliveryListPath(hook) + query("sort_by", "size")).status());
    }

    @Test
    void aDeliveryCanBeSentAgainByHandWithPostButNotWithGet() {
        tenant.createWebhook(receiver.url("/again"), List.of("PATIENT_CREATED"), null);
        tenant.publish("PATIENT_CREATED", "{}");
        String deliveryId = firstDeliveryId();
        awaitSettled(deliveryId);

        assertEquals(405, tenant.get("/v1/webhook/events/" + deliveryId + "/send").status());
        JsonNode afterPost = tenant.post("/v1/webhook/events/" + deliveryId + "/send").expect(200);
        assertEquals(2, afterPost.get("attemptCount").asInt());
        JsonNode afterSecondPost = tenant.post("/v1/webhook/events/" + deliveryId + "/send").expect(200);
        assertEquals(3, afterSecondPost.get("attemptCount").asInt());
        assertEquals(List.of(200, 200, 200),
                list(afterSecondPost.get("attempts")).stream().map(a -> a.get("status").asInt()).toList());
        assertEquals("DELIVERED", afterSecondPost.get("status").asText());

        List<Received> sent = receiver.requests();
        assertEquals(3, sent.size());
        assertTrue(sent.stream().allMatch(r -> r.header("webhook-id").equals(deliveryId)
                && r.body().equals(sent.get(0).body())));
    }

    @Test
    void withoutPrivateNetworksALocalHostNameIsAcceptedButNeverDeliveredTo() {
        try (HeraldServer strict = HeraldServer.start(config(Map.of("HERALD_ALLOW_PRIVATE_NETWORKS", "false")))) {
            HeraldClient strictTenant = newTenant(strict);
            assertEquals(422, strictTenant.post("/v1/webhook/create", Map.of("url", receiver.url("/hook"),
                    "subscriptions", List.of("PATIENT_CREATED"))).status(), "a literal loopback address is refused");
            String hook = strictTenant.createWebhook("http://localhost:" + receiver.port() + "/hook",
                    List.of("PATIENT_CREATED"), null).get("id").asText();
            strictTenant.publish("PATIENT_CREATED", "{}");

            JsonNode delivery = Poll.until(SOON,
                    () -> deliveries(strictTenant, hook, query("is_delivered", false)),
                    d -> d.size() == 1 && d.get(0).get("status").asText().equals("FAILED"), "the failed delivery")
                    .get(0);
            assertEquals("destination address not allowed", delivery.get("lastDeliveryAttemptError").asText());
            assertEquals(List.of(), receiver.requests());
        }
    }

    private static HeraldConfig config(Map<String, String> overrides) {
        return LocalServerConfig.of("e2e", ADMIN_KEY, Map.of(
                "HERALD_RETRY_SCHEDULE", RETRY_SCHEDULE,
                "HERALD_DELIVERY_TIMEOUT", "1s",
                "HERALD_SMTP_HOST", "127.0.0.1",
                "HERALD_SMTP_PORT", Integer.toString(mail.getSmtp().getPort())), overrides);
    }

    private static HeraldClient newTenant(HeraldServer on) {
        return HeraldClient.at("http://localhost:" + on.port())
                .newTenant(ADMIN_KEY, "tenant-" + TENANTS.incrementAndGet());
    }

    /** The delivery id of the first request the receiver answered. */
    private String firstDeliveryId() {
        return Poll.until(SOON, receiver::requests, r -> !r.isEmpty(), "a first attempt").get(0).header("webhook-id");
    }

    /** The delivery once it is no longer pending. */
    private JsonNode awaitSettled(String deliveryId) {
        return Poll.until(SOON, () -> tenant.delivery(deliveryId),
                d -> !d.get("status").asText().equals("PENDING"), "delivery " + deliveryId + " to settle");
    }

    private List<String> pathsThatGot(String eventId) {
        return receiver.requests().stream().filter(r -> r.body().contains("\"alertId\":\"" + eventId + "\""))
                .map(Received::path).toList();
    }

    private List<JsonNode> deliveriesOf(String webhookId, String query) {
        return deliveries(tenant, webhookId, query);
    }

    private static List<JsonNode> deliveries(HeraldClient client, String webhookId, String query) {
        return list(client.get(deliveryListPath(webhookId) + query).expect(200));
    }

    private static String deliveryListPath(String webhookId) {
        return "/v1/webhook/" + webhookId + "/delivery-attempts/list";
    }

    private static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> to.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<String> signatures(Received received) {
        List<String> entries = List.of(received.header("webhook-signature").split(" "));
        assertTrue(entries.stream().allMatch(s -> s.startsWith("v1,")), entries.toString());
        return entries;
    }

    private static long millisBetween(Received earlier, Received later) {
        return TimeUnit.NANOSECONDS.toMillis(later.receivedAtNanos() - earlier.receivedAtNanos());
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> ids(List<JsonNode> deliveries) {
        return deliveries.stream().map(d -> d.get("id").asText()).toList();
    }

    private static List<String> types(List<JsonNode> deliveries) {
        return deliveries.stream().map(d -> d.get("type").asText()).toList();
    }

    private static List<String> createdDates(List<JsonNode> deliveries) {
        return deliveries.stream().map(d -> d.get("createdDate").asText()).toList();
    }

    private static boolean isSorted(List<String> values) {
        return values.equals(values.stream().sorted().toList());
    }

    private static <T> List<T> reversed(List<T> values) {
        List<T> copy = new ArrayList<>(values);
        Collections.reverse(copy);
        return copy;
    }
}
