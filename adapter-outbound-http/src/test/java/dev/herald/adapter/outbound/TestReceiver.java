package dev.herald.adapter.outbound;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** A real HTTP(S) receiver on 127.0.0.1 and a free port, recording every request it gets. */
final class TestReceiver implements AutoCloseable {
    @FunctionalInterface
    interface Responder {
        void respond(HttpExchange exchange) throws IOException;
    }

    record Received(String method, List<String> hosts, URI uri, String userAgent, String webhookId, String body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> sniNames;
    /** Held by handlers that must stall; released on close so the server can stop. */
    final CountDownLatch released = new CountDownLatch(1);

    private TestReceiver(HttpServer server, List<String> sniNames) {
        this.server = server;
        this.sniNames = sniNames;
        server.setExecutor(threads);
        server.start();
    }

    static TestReceiver http() throws IOException {
        return new TestReceiver(HttpServer.create(loopbackAnyPort(), 0), List.of());
    }

    static TestReceiver https(SSLContext serverContext) throws IOException {
        HttpsServer server = HttpsServer.create(loopbackAnyPort(), 0);
        List<String> sniNames = new CopyOnWriteArrayList<>();
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = serverContext.getDefaultSSLParameters();
                parameters.setSNIMatchers(List.of(new RecordingSniMatcher(sniNames)));
                params.setSSLParameters(parameters);
            }
        });
        return new TestReceiver(server, sniNames);
    }

    /** The SNI host names clients asked for during TLS handshakes. */
    List<String> sniNames() {
        return sniNames;
    }

    void on(String path, Responder responder) {
        server.createContext(path, exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders().get("Host"),
                    exchange.getRequestURI(), exchange.getRequestHeaders().getFirst("User-Agent"),
                    exchange.getRequestHeaders().getFirst("webhook-id"), new String(body, StandardCharsets.UTF_8)));
            try (exchange) {
                responder.respond(exchange);
            }
        });
    }

    static Responder status(int status) {
        return exchange -> respond(exchange, status, "");
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        return received;
    }

    long hits(String path) {
        return received.stream().filter(r -> r.uri().getPath().equals(path)).count();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private static InetSocketAddress loopbackAnyPort() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    /** Accepts every name and remembers it, so a test can see what the client sent as SNI. */
    private static final class RecordingSniMatcher extends SNIMatcher {
        private final List<String> seen;

        RecordingSniMatcher(List<String> seen) {
            super(0); // StandardConstants.SNI_HOST_NAME
            this.seen = seen;
        }

        @Override
        public boolean matches(SNIServerName serverName) {
            seen.add(serverName instanceof SNIHostName host ? host.getAsciiName() : serverName.toString());
            return true;
        }
    }
}
