package dev.herald.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.herald.domain.tenant.TenantId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example host: Herald embedded on H2 delivers, and the host's classpath holds only what an embedding needs. */
class EmbeddedOnH2Test {
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch delivered = new CountDownLatch(1);
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            delivered.countDown();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void heraldEmbeddedOnH2DeliversTheHostsEvents() throws InterruptedException {
        try (PatientService service = new PatientService("jdbc:h2:mem:example-" + UUID.randomUUID(), true)) {
            TenantId clinic = service.onboard("clinic");
            service.subscribe(clinic, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
            String eventId = service.createPatient(clinic, 42);

            assertTrue(delivered.await(10, TimeUnit.SECONDS), "no delivery within 10 s");
            assertEquals(1, received.size(), "one delivery reached the receiver");
            assertTrue(received.get(0).contains(eventId) && received.get(0).contains("\"patientId\":42"),
                    received.get(0));
        }
    }

    @Test
    void theHostGetsNoHttpServerNoMailNoLoggingBindingAndNoOtherDriver() {
        for (String absent : List.of("io.javalin.Javalin", "org.eclipse.jetty.server.Server",
                "org.eclipse.angus.mail.smtp.SMTPTransport", "jakarta.mail.Session", "org.slf4j.simple.SimpleLogger",
                "ch.qos.logback.classic.Logger", "org.postgresql.Driver", "dev.herald.adapter.http.HeraldHttpApi", "dev.herald.server.Main")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(absent), absent + " is on the classpath");
        }
    }
}
