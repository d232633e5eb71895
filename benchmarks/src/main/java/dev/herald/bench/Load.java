package dev.herald.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
        long[] latencies = new long[count];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            slots.acquire();
            HttpRequest request = requests.apply(i);
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
                slots.release();
            });
        }
        slots.acquire(concurrency);
        long elapsed = System.nanoTime() - start;
        return new Result(ok.get(), failed.get(), elapsed, java.util.Arrays.copyOf(latencies, ok.get()),
                firstError.get());
    }

    /**
     * {@code ratePerSecond × seconds} requests, each started at its scheduled time whatever the earlier ones are
     * doing (so a slow server cannot slow the offered load); the request is built at that moment.
     */
    static Result openLoop(int ratePerSecond, int seconds, IntFunction<HttpRequest> requests)
            throws InterruptedException {
        int count = ratePerSecond * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long[] latencies = new long[count];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            long sent = System.nanoTime();
            HttpRequest request = requests.apply(i);
            CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long took = System.nanoTime() - sent;
                if (failure == null && response.statusCode() == 200) {
                    latencies[ok.getAndIncrement()] = took;
                } else {
                    failed.incrementAndGet();
                    firstError.compareAndSet(null, failure != null ? failure.toString()
                            : response.statusCode() + " " + response.body());
                }
                done.incrementAndGet();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (done.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return new Result(ok.get(), failed.get(), System.nanoTime() - start,
                java.util.Arrays.copyOf(latencies, ok.get()), firstError.get());
    }
}
