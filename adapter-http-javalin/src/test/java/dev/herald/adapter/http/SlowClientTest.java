package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.herald.adapter.http.HttpApiFixture.Tenant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client sending its request a byte at a time is cut off once the request timeout has passed, however steadily it
 * sends: the idle timeout alone would restart with every byte and keep the connection open for ever.
 */
class SlowClientTest {
    private static final Duration LIMIT = Duration.ofSeconds(2);
    /** How often the trickling client sends a byte: well inside Jetty's idle timeout. */
    private static final Duration PACE = Duration.ofMillis(100);

    private HttpApiFixture api;
    private Tenant acme;

    @BeforeEach
    void start() {
        api = HttpApiFixture.start(HttpApiSettings.defaults().withAdminKey(HttpApiFixture.ADMIN_KEY)
                .withRequestTimeout(LIMIT));
        acme = api.tenant("acme");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aClientTricklingItsHeadersIsDisconnected() throws IOException {
        try (Socket socket = api.open(HttpApiFixture.loopback(1))) {
            write(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\n");

            trickleUntilClosed(socket, "X-Slow: " + "a".repeat(300));
        }
    }

    @Test
    void aClientTricklingItsBodyIsDisconnected() throws IOException {
        String body = "{\"type\":\"PATIENT_CREATED\",\"data\":{\"padding\":\"" + "a".repeat(300) + "\"}}";
        try (Socket socket = api.open(HttpApiFixture.loopback(1))) {
            write(socket, "POST /v1/event/create HTTP/1.1\r\nHost: localhost\r\nTENANT: acme\r\nAPI-KEY: "
                    + acme.apiKey() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\n\r\n");

            trickleUntilClosed(socket, body);
        }
    }

    @Test
    void aKeptAliveConnectionTricklingItsNextRequestIsDisconnected() throws IOException {
        try (Socket socket = api.open(HttpApiFixture.loopback(1))) {
            write(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertEquals("{\"status\":\"UP\"}", readAnswerBody(socket), "a prompt request is answered");

            trickleUntilClosed(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + "a".repeat(300));
        }
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /**
     * Sends {@code text} a byte per {@link #PACE}, watching for the server to close the connection; fails if the
     * connection is still open when all of it has been sent (30 s and more, far beyond {@link #LIMIT}).
     */
    private static void trickleUntilClosed(Socket socket, String text) throws IOException {
        socket.setSoTimeout((int) PACE.toMillis());
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            try {
                out.write(b);
                out.flush();
                while (in.read() != -1) {
                    // an answer to the cut-off request, if any: read on to the end of the connection
                }
                return;
            } catch (SocketTimeoutException stillOpen) {
                // nothing from the server within the pace: send the next byte
            } catch (IOException reset) {
                return;
            }
        }
        fail("the connection stayed open for the whole trickled request");
    }

    /** The body of one answer on a kept-alive connection (by its Content-Length), leaving the connection open. */
    private static String readAnswerBody(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                fail("connection closed before the answer's head ended: " + head);
            }
            head.write(b);
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
