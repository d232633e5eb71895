package dev.herald.server.postgres;

import dev.herald.server.support.HeraldClient;
import dev.herald.server.support.HeraldClient.Answer;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * A tenant's steady traffic through an outage: one thread per node publishing an event, and every fifth call listing
 * the webhooks instead, paced to about fifty calls a second; every answer recorded with when it was asked and how long
 * it took.
 */
final class OutageTraffic implements AutoCloseable {
    private static final Duration PACE = Duration.ofMillis(20);

    /** One call: the node asked, what, when (nanoTime), how long it took, and the answer. */
    record Call(int node, String path, long startedNanos, Duration took, Answer answer) {
        boolean publishedEvent() {
            return path.equals("/v1/event/create") && answer.status() == 200;
        }

        String eventId() {
            return answer.json().get("id").asText();
        }

        @Override
        public String toString() {
            return "node " + node + " " + path + " -> " + answer.status() + " in " + took.toMillis() + " ms: "
                    + answer.body();
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    private OutageTraffic() {
    }

    /** Starts one calling thread per client (each a node). */
    static OutageTraffic start(List<HeraldClient> nodes) {
        OutageTraffic traffic = new OutageTraffic();
        for (int i = 0; i < nodes.size(); i++) {
            int node = i;
            Thread thread = new Thread(() -> traffic.callLoop(node, nodes.get(node)), "outage-traffic-" + node);
            thread.setDaemon(true);
            traffic.threads.add(thread);
            thread.start();
        }
        return traffic;
    }

    private void callLoop(int node, HeraldClient client) {
        for (long n = 0; running; n++) {
            long started = System.nanoTime();
            String path = n % 5 == 4 ? "/v1/webhook/list" : "/v1/event/create";
            Answer answer;
            try {
                answer = path.equals("/v1/webhook/list") ? client.get(path)
                        : client.post(path, "{\"type\":\"PATIENT_CREATED\",\"data\":{\"node\":" + node + ",\"n\":"
                                + n + "}}");
            } catch (UncheckedIOException e) {
                answer = new Answer(-1, e.toString(), null); // no answer at all: a failure the test reports
            }
            calls.add(new Call(node, path, started, Duration.ofNanos(System.nanoTime() - started), answer));
            LockSupport.parkNanos(PACE.toNanos()); // pacing, not waiting for work
        }
    }

    /** Every call so far. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls of {@code node} asked at or after {@code sinceNanos}. */
    List<Call> callsSince(int node, long sinceNanos) {
        return calls.stream().filter(c -> c.node() == node && c.startedNanos() >= sinceNanos).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(60).toMillis());
        }
    }
}
