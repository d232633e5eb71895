package dev.herald.server.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The isolation scenario of docs/API.md §6.8, against a running server: tenant {@code noisy} loads its one webhook
 * with work, then tenant {@code quiet} publishes events one every 100 ms to a healthy receiver. What quiet's events
 * took from publish to arrival is what the test bounds (a generous bound: before fair turns a hung neighbour held
 * quiet's events for over a minute).
 */
public final class NoisyNeighbour {
    private static final Pattern QUIET_ID = Pattern.compile("\"quiet\":(\\d+)");
    private static final int QUIET_EVENTS = 40;
    private static final Duration QUIET_EVERY = Duration.ofMillis(100);

    private NoisyNeighbour() {
    }

    /** Quiet's publish-to-arrival times, sorted, with the percentiles the report prints; and the noisy tenant. */
    public record Latencies(String scenario, List<Duration> sorted, HeraldClient noisy) {
        public Duration p50() {
            return sorted.get(sorted.size() / 2);
        }

        public Duration p99() {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
        }

        /** Appends one line to {@code target/isolation-report.txt}, for the benchmark notes. */
        public Latencies reported() throws IOException {
            Files.writeString(Path.of("target", "isolation-report.txt"), String.format("%s: quiet p50 %d ms, p99 %d ms%n",
                    scenario, p50().toMillis(), p99().toMillis()), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return this;
        }
    }

    /**
     * Noisy's webhook at {@code noisyUrl} gets {@code noisyEvents} events (published from 8 threads, fanned out to
     * {@code noisyWebhooks} webhooks each); then quiet publishes its trickle, and its latencies are measured.
     */
    public static Latencies run(String scenario, String serverUrl, String adminKey, String noisyUrl, int noisyWebhooks,
                                int noisyEvents) throws Exception {
        HeraldClient noisy = HeraldClient.at(serverUrl).newTenant(adminKey, "noisy");
        for (int i = 0; i < noisyWebhooks; i++) {
            noisy.createWebhook(noisyUrl + "/" + i, List.of("PATIENT_CREATED"), null);
        }
        try (TestReceiver receiver = new TestReceiver()) {
            HeraldClient quiet = HeraldClient.at(serverUrl).newTenant(adminKey, "quiet");
            quiet.createWebhook(receiver.url("/quiet"), List.of("PATIENT_CREATED"), null);
            EventPublisher load = EventPublisher.start(noisy, "PATIENT_CREATED", noisyEvents, 8);
            load.awaitStopped(Duration.ofMinutes(3));

            Map<Integer, Long> publishedAt = new ConcurrentHashMap<>();
            for (int i = 0; i < QUIET_EVENTS; i++) {
                long started = System.nanoTime();
                quiet.publish("PATIENT_CREATED", "{\"quiet\":" + i + "}");
                publishedAt.put(i, started);
                Thread.sleep(QUIET_EVERY.toMillis());
            }
            TestReceiver.await(Duration.ofMinutes(2), () -> receiver.requestsTo("/quiet").size() >= QUIET_EVENTS,
                    "quiet's " + QUIET_EVENTS + " events delivered");
            List<Duration> latencies = new ArrayList<>();
            for (TestReceiver.Received received : new CopyOnWriteArrayList<>(receiver.requestsTo("/quiet"))) {
                Matcher id = QUIET_ID.matcher(received.body());
                if (id.find()) {
                    latencies.add(Duration.ofNanos(received.receivedAtNanos()
                            - publishedAt.get(Integer.parseInt(id.group(1)))));
                }
            }
            latencies.sort(null);
            return new Latencies(scenario, List.copyOf(latencies), noisy);
        }
    }

    /** An endpoint that accepts connections and never answers: a hung server. */
    public static final class HungEndpoint implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        public HungEndpoint() throws IOException {
            socket = new ServerSocket(0, 1_000, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        held.add(socket.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "hung-endpoint");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        public String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/hung";
        }

        /** How many connections it was sent (each a delivery that held a send for the whole timeout). */
        public int connections() {
            return held.size();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
