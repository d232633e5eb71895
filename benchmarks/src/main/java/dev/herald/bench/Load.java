package dev.herald.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/** Load generators over real HTTP: closed loop (fixed concurrency) and open loop (fixed rate); bounded in count and time. */
final class Load {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();

    private Load() {
    }

    /** What a load run did: successes, failures, wall time, and each successful request's latency. */
    record Result(int ok, int failed, long elapsedNanos, long[] latencies, String firstError) {
        double perSecond() {
            return ok / (elapsedNanos / 1e9);
        }

        Stats stats() {
            return Stats.of(latencies);
        }
    }

    /** Counts the answers of one run: a 200 records its latency, anything else is a failure (the first one kept). */
    private static final class Tally {
        final long[] latencies;
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicReference<String> firstError = new AtomicReference<>();

        Tally(int count) {
            latencies = new long[count];
        }

        /** Sends {@code request}; when it completes, records it, then runs {@code after}. */
        void send(HttpRequest request, Runnable after) {
            long sent = System.nanoTime();
            CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long took = System.nanoTime() - sent;
                if (failure == null && response.statusCode() == 200) {
                    latencies[ok.getAndIncrement()] = took;
                } else {
                    failed.incrementAndGet();
                    firstError.compareAndSet(null, failure != null ? failure.toString()
                            : response.statusCode() + " " + response.body());
                }
                after.run();
            });
        }

        Result result(long elapsedNanos) {
            return new Result(ok.get(), failed.get(), elapsedNanos, Arrays.copyOf(latencies, ok.get()),
                    firstError.get());
        }
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code count} requests (at most {@code maxSeconds}) with {@code concurrency} in flight. */
    static Result closedLoop(int count, int concurrency, int maxSeconds, IntFunction<HttpRequest> requests)
            throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        Tally tally = new Tally(count);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            slots.acquire();
            tally.send(requests.apply(i), slots::release);
        }
        slots.acquire(concurrency);
        return tally.result(System.nanoTime() - start);
    }

    /**
     * {@code ratePerSecond × seconds} requests, each started at its scheduled time whatever the earlier ones are
     * doing (so a slow server cannot slow the offered load); the request is built at that moment.
     */
    static Result openLoop(int ratePerSecond, int seconds, IntFunction<HttpRequest> requests)
            throws InterruptedException {
        int count = ratePerSecond * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        Tally tally = new Tally(count);
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            tally.send(requests.apply(i), done::incrementAndGet);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (done.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return tally.result(System.nanoTime() - start);
    }
}
