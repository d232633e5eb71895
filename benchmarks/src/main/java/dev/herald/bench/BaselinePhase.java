package dev.herald.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline phase: for each bare sender of HERALD_BENCH_SENDERS in turn, {@link BaselineSender} in a JVM of its
 * own posts {@code events x webhooks} signed requests to the receiver; what the receiver saw per second, and the
 * sender JVM's CPU per request received.
 */
final class BaselinePhase {
    private static final Pattern OUTPUT = Pattern.compile("sent (\\d+) failed (\\d+) cpu ([0-9.]+)");

    /**
     * One sender's run: requests/s at the receiver (first to last arrival), the sender JVM's whole CPU time per
     * request received in µs, requests sent, received by the receiver, and failed (an error or a status other than
     * 200) as the sender saw them.
     */
    record Result(BareClients client, String label, double perSecond, double cpuMicros, int sent, int received,
                  int failed) {
    }

    private BaselinePhase() {
    }

    static List<Result> run(BenchSettings settings, Receiver receiver) throws Exception {
        List<BareClients> clients = settings.senders().stream().map(BareClients::byId).toList();
        List<Result> results = new ArrayList<>();
        for (BareClients client : clients) {
            results.add(run(client, settings, receiver));
        }
        return results;
    }

    /** The JDK client's run: Herald's ratios to the baseline stay against it, comparable with earlier runs. */
    static Optional<Result> jdk(List<Result> results) {
        return results.stream().filter(r -> r.client() == BareClients.JDK).findFirst();
    }

    /** The most requests/s: the truest ceiling of sending on this machine. */
    static Optional<Result> fastest(List<Result> results) {
        return results.stream().max(Comparator.comparingDouble(Result::perSecond));
    }

    private static Result run(BareClients client, BenchSettings settings, Receiver receiver) throws Exception {
        int count = settings.events() * settings.webhooks();
        String label = client.label();
        receiver.reset(0);
        System.out.printf("baseline: %d signed POSTs, %d in flight, %s in its own JVM...%n", count,
                settings.concurrency(), label);
        List<String> command = new ArrayList<>(List.of(HeraldProcess.javaCommand()));
        // As Herald's Main does: on 2 cores the common pool has parallelism 1, and then every HttpClient.sendAsync
        // hands its completion to a new thread (CompletableFuture's thread-per-task fallback).
        command.add("-Djava.util.concurrent.ForkJoinPool.common.parallelism="
                + Math.max(2, Runtime.getRuntime().availableProcessors()));
        command.addAll(settings.baselineJvm());
        command.addAll(List.of("-cp", HeraldProcess.ownJar(), BaselineSender.class.getName(), client.id,
                receiver.url("/baseline"), Integer.toString(count), Integer.toString(settings.concurrency()), "120"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(150, TimeUnit.SECONDS);
        int received = receiver.received();
        double perSecond = received / (receiver.spanNanos() / 1e9);
        System.out.printf("  %s -> received %d, %.0f requests/s%n", output.strip(), received, perSecond);
        Matcher m = OUTPUT.matcher(output);
        if (!m.find()) {
            return new Result(client, label, perSecond, Double.NaN, -1, received, -1);
        }
        return new Result(client, label, perSecond, Double.parseDouble(m.group(3)) * 1e6 / Math.max(1, received),
                Integer.parseInt(m.group(1)), received, Integer.parseInt(m.group(2)));
    }
}
