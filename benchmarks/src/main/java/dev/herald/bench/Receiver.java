package dev.herald.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook receiver: a JDK HTTP server on 127.0.0.1 with its own thread pool that answers 200 at once. It counts
 * what it receives, notes the first and last arrival, and for bodies whose data carries {@code "t":<nanoTime>} (set
 * by the publisher just before its publish call; System.nanoTime is one monotonic clock for the whole machine) it
 * records publish→received latency.
 */
final class Receiver implements AutoCloseable {
    private static final byte[] MARK = "\"t\":".getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private final ExecutorService pool;
    private final org.eclipse.jetty.server.Server jetty;
    private final int port;
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicLong first = new AtomicLong();
    private final AtomicLong last = new AtomicLong();
    private final AtomicInteger latencyCount = new AtomicInteger();
    private volatile long[] latencies = new long[0];

    /** A receiver on the JDK's HTTP server ({@code jdk}) or on Jetty 12 ({@code jetty}), with {@code threads} workers. */
    Receiver(String kind, int threads) throws Exception {
        if (kind.equals("jdk")) {
            jetty = null;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "receiver");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(pool);
            server.createContext("/", this::handle);
            server.start();
            port = server.getAddress().getPort();
        } else {
            server = null;
            pool = null;
            var threadPool = new org.eclipse.jetty.util.thread.QueuedThreadPool(Math.max(threads, 4), Math.max(threads, 4));
            threadPool.setName("receiver");
            threadPool.setDaemon(true);
            jetty = new org.eclipse.jetty.server.Server(threadPool);
            var connector = new org.eclipse.jetty.server.ServerConnector(jetty, 1, 1);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            connector.setAcceptQueueSize(1024);
            jetty.addConnector(connector);
            jetty.setHandler(new org.eclipse.jetty.server.Handler.Abstract() {
                @Override
                public boolean handle(org.eclipse.jetty.server.Request request,
                                      org.eclipse.jetty.server.Response response,
                                      org.eclipse.jetty.util.Callback callback) throws Exception {
                    java.nio.ByteBuffer buffer = org.eclipse.jetty.io.Content.Source.asByteBuffer(request);
                    byte[] body = new byte[buffer.remaining()];
                    buffer.get(body);
                    received(body);
                    response.setStatus(200);
                    response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.CONTENT_LENGTH, 0L);
                    callback.succeeded();
                    return true;
                }
            });
            jetty.start();
            port = connector.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** Starts a new measurement; latencies are kept for up to {@code latencyCapacity} marked bodies. */
    void reset(int latencyCapacity) {
        latencies = new long[latencyCapacity];
        latencyCount.set(0);
        received.set(0);
        first.set(0);
        last.set(0);
    }

    int received() {
        return received.get();
    }

    /** Nanoseconds from first to last arrival. */
    long spanNanos() {
        return last.get() - first.get();
    }

    long firstArrival() {
        return first.get();
    }

    long lastArrival() {
        return last.get();
    }

    long[] latencies() {
        return Arrays.copyOf(latencies, Math.min(latencyCount.get(), latencies.length));
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        received(body);
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private void received(byte[] body) {
        long now = System.nanoTime();
        long t = marker(body);
        if (t > 0) {
            long[] target = latencies;
            int i = latencyCount.getAndIncrement();
            if (i < target.length) {
                target[i] = now - t;
            }
        }
        first.compareAndSet(0, now);
        last.accumulateAndGet(now, Math::max);
        received.incrementAndGet();
    }

    private static long marker(byte[] body) {
        outer:
        for (int i = 0; i + MARK.length < body.length; i++) {
            for (int j = 0; j < MARK.length; j++) {
                if (body[i + j] != MARK[j]) {
                    continue outer;
                }
            }
            long value = 0;
            for (int k = i + MARK.length; k < body.length && body[k] >= '0' && body[k] <= '9'; k++) {
                value = value * 10 + (body[k] - '0');
            }
            return value;
        }
        return -1;
    }

    @Override
    public void close() throws Exception {
        if (jetty != null) {
            jetty.stop();
        } else {
            server.stop(0);
            pool.shutdownNow();
        }
    }
}
