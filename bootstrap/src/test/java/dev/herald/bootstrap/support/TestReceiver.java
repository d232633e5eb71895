package dev.herald.bootstrap.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;

/**
 * A webhook receiver for tests: a real HTTP server on 127.0.0.1 that records every request, answers with a status
 * the test chooses (200 by default), optionally after a delay.
 */
public final class TestReceiver implements AutoCloseable {
    /** One request as received: its headers (names lower-cased) and its raw body. */
    public record Received(Map<String, String> headers, String body, long receivedAtNanos) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(64);
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> countsByDeliveryId = new ConcurrentHashMap<>();
    private volatile ToIntFunction<Received> status = request -> 200;
    private volatile Duration delay = Duration.ZERO;

    public TestReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The URL of {@code path} on this receiver, e.g. {@code http://127.0.0.1:PORT/hook}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void answer(ToIntFunction<Received> status) {
        this.status = status;
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    public List<Received> requests() {
        return List.copyOf(requests);
    }

    /** How many different deliveries ({@code webhook-id}s) arrived at least once. */
    public int distinctDeliveries() {
        return countsByDeliveryId.size();
    }

    /** How many requests repeated a delivery that had already arrived. */
    public int duplicates() {
        return countsByDeliveryId.values().stream().mapToInt(c -> c.get() - 1).sum();
    }

    public Map<String, Integer> countsByDeliveryId() {
        Map<String, Integer> copy = new ConcurrentHashMap<>();
        countsByDeliveryId.forEach((id, count) -> copy.put(id, count.get()));
        return copy;
    }

    /** Polls {@code condition} until it holds, failing after {@code timeout}. */
    public static void await(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(20); // the polling interval, not a guess at how long the work takes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Received received = new Received(lowerCased(exchange.getRequestHeaders()), body, System.nanoTime());
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            int answer = status.applyAsInt(received);
            requests.add(received);
            String id = received.header("webhook-id");
            if (id != null && answer >= 200 && answer < 300) {
                countsByDeliveryId.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            }
            exchange.sendResponseHeaders(answer, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> lowerCased(Headers headers) {
        Map<String, String> map = new ConcurrentHashMap<>();
        headers.forEach((name, values) -> map.put(name.toLowerCase(), String.join(",", values)));
        return map;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
