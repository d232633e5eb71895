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
 * A tenant's steady traffic through an outage: {@value #THREADS_PER_NODE} threads per node, each publishing events,
 * every fifth call listing the webhooks and every fifth the event history instead, each paced to about fifty calls a
 * second; every answer recorded with when it was asked and how long it took.
 */
final class OutageTraffic implements AutoCloseable {
    private static final Duration PACE = Duration.ofMillis(20);
    private static final int THREADS_PER_NODE = 3;
    private static final String PUBLISH = "/v1/event/create";

    /** One call: the node asked, what, when (nanoTime), how long it took, and the answer. */
    record Call(int node, String path, long startedNanos, Duration took, Answer answer) {
        boolean publishedEvent() {
            return path.equals(PUBLISH) && answer.status() == 200;
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
            for (int t = 0; t < THREADS_PER_NODE; t++) {
                int node = i;
                int caller = t;
                Thread thread = new Thread(() -> traffic.callLoop(node, caller, nodes.get(node)),
                        "outage-traffic-" + node + "-" + caller);
                thread.setDaemon(true);
                traffic.threads.add(thread);
                thread.start();
            }
        }
        return traffic;
    }

    private void callLoop(int node, int caller, HeraldClient client) {
        for (long n = 0; running; n++) {
            long started = System.nanoTime();
            String path = n % 5 == 3 ? "/v1/webhook/list" : n % 5 == 4 ? "/v1/event/list" : PUBLISH;
            Answer answer;
            try {
                answer = !path.equals(PUBLISH) ? client.get(path) : client.post(path, "{\"type\":\"PATIENT_CREATED\","
                        + "\"data\":{\"node\":" + node + ",\"caller\":" + caller + ",\"n\":" + n + "}}");
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
