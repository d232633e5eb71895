package dev.herald.server.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook receiver for tests: a real HTTP server on 127.0.0.1 that records every request, answers with a status
 * (and headers) the test chooses (200 by default), optionally after a delay.
 */
public final class TestReceiver implements AutoCloseable {
    /** One request as received: its path, its headers (names lower-cased) and its raw body. */
    public record Received(String path, Map<String, String> headers, String body, long receivedAtNanos) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** What the receiver answers: a status and response headers (e.g. a redirect's {@code Location}). */
    public record Reply(int status, Map<String, String> headers) {
        public static Reply status(int status) {
            return new Reply(status, Map.of());
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new HashMap<>(headers);
            more.put(name, value);
            return new Reply(status, Map.copyOf(more));
        }
    }

    private static final Pattern ALERT_ID = Pattern.compile("\"alertId\":\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private static final int DEFAULT_THREADS = 64;

    private final ExecutorService threads;
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> countsByDeliveryId = new ConcurrentHashMap<>();
    private final Set<String> acceptedEventIds = ConcurrentHashMap.newKeySet();
    private volatile Function<Received, Reply> reply = request -> Reply.status(200);
    private volatile Duration delay = Duration.ZERO;

    public TestReceiver() throws IOException {
        this(DEFAULT_THREADS);
    }

    /** A receiver answering at most {@code concurrency} requests at a time (the rest wait), e.g. to build a backlog. */
    public TestReceiver(int concurrency) throws IOException {
        threads = Executors.newFixedThreadPool(concurrency);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL of {@code path} on this receiver, e.g. {@code http://127.0.0.1:PORT/hook}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void answer(ToIntFunction<Received> status) {
        reply(request -> Reply.status(status.applyAsInt(request)));
    }

    public void reply(Function<Received, Reply> reply) {
        this.reply = reply;
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    public List<Received> requests() {
        return List.copyOf(requests);
    }

    /** The requests that came to {@code path}, in the order they were answered. */
    public List<Received> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** How many different deliveries ({@code webhook-id}s) arrived at least once. */
    public int distinctDeliveries() {
        return countsByDeliveryId.size();
    }

    /** How many requests repeated a delivery that had already arrived. */
    public int duplicates() {
        return countsByDeliveryId.values().stream().mapToInt(c -> c.get() - 1).sum();
    }

    /** The events ({@code alertId}s of the bodies) of which at least one delivery was answered 2xx. */
    public Set<String> acceptedEventIds() {
        return Set.copyOf(acceptedEventIds);
    }

    public Map<String, Integer> countsByDeliveryId() {
        Map<String, Integer> copy = new ConcurrentHashMap<>();
        countsByDeliveryId.forEach((id, count) -> copy.put(id, count.get()));
        return copy;
    }

    /** Polls {@code condition} until it holds, failing after {@code timeout}. */
    public static void await(Duration timeout, BooleanSupplier condition, String what) {
        Poll.until(timeout, condition::getAsBoolean, holds -> holds, what);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Received received = new Received(exchange.getRequestURI().getPath(),
                    lowerCased(exchange.getRequestHeaders()), body, System.nanoTime());
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            Reply answer = reply.apply(received);
            requests.add(received);
            if (answer.status() >= 200 && answer.status() < 300) {
                countAccepted(received);
            }
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(answer.status(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void countAccepted(Received received) {
        String id = received.header("webhook-id");
        if (id != null) {
            countsByDeliveryId.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        }
        Matcher alertId = ALERT_ID.matcher(received.body());
        if (alertId.find()) {
            acceptedEventIds.add(alertId.group(1));
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
