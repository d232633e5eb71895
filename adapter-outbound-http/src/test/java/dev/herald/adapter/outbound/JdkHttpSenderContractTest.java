package dev.herald.adapter.outbound;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.herald.application.contract.HttpSenderContract;
import dev.herald.application.port.out.ForSendingHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The sender contract over real HTTP, to receivers on this machine (private networks allowed, as in development). */
class JdkHttpSenderContractTest extends HttpSenderContract {
    @Override
    protected Network network() {
        return new LoopbackNetwork();
    }

    /** Receivers on one local HTTP server, each under a path of its own. */
    private static final class LoopbackNetwork implements Network {
        private static final OutboundHttpSettings SETTINGS = OutboundHttpSettings.defaults()
                .withAllowPrivateNetworks(true)
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3)); // short, for the slow receiver; ample here

        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final HttpServer server;
        private final JdkHttpSender sender = new JdkHttpSender(SETTINGS);
        private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
        private final AtomicInteger receivers = new AtomicInteger();
        /** Held by the slow receiver until the test is over. */
        private final CountDownLatch over = new CountDownLatch(1);

        LoopbackNetwork() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(threads);
            server.start();
        }

        @Override
        public ForSendingHttp sender() {
            return sender;
        }

        @Override
        public URI answering(int status, Map<String, String> headers, String body) {
            return url("127.0.0.1", receiver(exchange -> {
                headers.forEach(exchange.getResponseHeaders()::add);
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes); // a long body is cut off by the sender: this write then fails
                    }
                }
            }));
        }

        @Override
        public URI refusingConnections() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hook");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public URI tooSlowToAnswer() {
            return url("127.0.0.1", receiver(exchange -> {
                try {
                    over.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, -1);
            }));
        }

        /** This server, written as one number: the JVM would read it as 127.0.0.1, other parsers might not. */
        @Override
        public URI blockedAddress() {
            return url("2130706433", receiver(exchange -> exchange.sendResponseHeaders(200, -1)));
        }

        @Override
        public List<Received> receivedAt(URI url) {
            return List.copyOf(received.get(url.getPath()));
        }

        @Override
        public void close() {
            over.countDown();
            server.stop(0);
            threads.shutdownNow();
        }

        private interface Responder {
            void respond(HttpExchange exchange) throws IOException;
        }

        /** A new receiver that records each request, then answers with {@code responder}; returns its path. */
        private String receiver(Responder responder) {
            String path = "/receiver-" + receivers.incrementAndGet() + "/";
            received.put(path, new CopyOnWriteArrayList<>());
            server.createContext(path, exchange -> {
                try (exchange) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    Map<String, String> headers = new HashMap<>();
                    exchange.getRequestHeaders().forEach((name, values) ->
                            headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
                    received.get(path).add(new Received(exchange.getRequestMethod(), headers, body));
                    responder.respond(exchange);
                }
            });
            return path;
        }

        private URI url(String host, String path) {
            return URI.create("http://" + host + ":" + server.getAddress().getPort() + path);
        }
    }
}
