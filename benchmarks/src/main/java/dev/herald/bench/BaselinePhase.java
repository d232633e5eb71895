package dev.herald.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline phase: {@link BaselineSender} in a JVM of its own posts {@code events x webhooks} signed requests to
 * the receiver; what the receiver saw per second, and the sender JVM's CPU per request received.
 */
final class BaselinePhase {
    /** Requests/s at the receiver (first to last arrival) and the sender JVM's whole CPU time per request, in µs. */
    record Result(double perSecond, double cpuMicros) {
    }

    private BaselinePhase() {
    }

    static Result run(BenchSettings settings, Receiver receiver) throws Exception {
        int count = settings.events() * settings.webhooks();
        receiver.reset(0);
        System.out.printf("baseline: %d signed POSTs, %d in flight, bare HttpClient in its own JVM...%n", count,
                settings.concurrency());
        List<String> command = new ArrayList<>(List.of(HeraldProcess.javaCommand()));
        // As Herald's Main does: on 2 cores the common pool has parallelism 1, and then every HttpClient.sendAsync
        // hands its completion to a new thread (CompletableFuture's thread-per-task fallback).
        command.add("-Djava.util.concurrent.ForkJoinPool.common.parallelism="
                + Math.max(2, Runtime.getRuntime().availableProcessors()));
        command.addAll(settings.baselineJvm());
        command.addAll(List.of("-cp", HeraldProcess.ownJar(), BaselineSender.class.getName(), receiver.url("/baseline"),
                Integer.toString(count), Integer.toString(settings.concurrency()), "120"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(150, TimeUnit.SECONDS);
        double perSecond = receiver.received() / (receiver.spanNanos() / 1e9);
        Matcher cpu = Pattern.compile("cpu ([0-9.]+)").matcher(output);
        double cpuMicros = cpu.find()
                ? Double.parseDouble(cpu.group(1)) * 1e6 / Math.max(1, receiver.received()) : Double.NaN;
        System.out.printf("  %s -> received %d, %.0f requests/s%n", output.strip(), receiver.received(), perSecond);
        return new Result(perSecond, cpuMicros);
    }
}
