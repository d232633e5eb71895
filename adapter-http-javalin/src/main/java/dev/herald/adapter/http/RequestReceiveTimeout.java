package dev.herald.adapter.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Bounds the time a connection may take to deliver one request, headers and body together, and closes it when the
 * time runs out. Jetty's idle timeout restarts with every byte, so a client sending a byte every few seconds could
 * otherwise hold a connection (and, while a body is read, a thread) for ever; Jetty 12 has no deadline for headers,
 * and its minimum data rate covers bodies only.
 *
 * <p>The clock starts when a connection opens or finishes an answer and stops at the last byte of the body, or as soon
 * as the headers are in for a request without one. Handling the request is not bounded here. A kept-alive connection
 * waiting for its next request gets the limit twice over: Jetty's idle timeout (which knows when bytes arrive) closes
 * an idle one cleanly first, so a client reusing it just as the limit runs out is not cut off mid-request (the load
 * generator of the benchmark saw that), while one sending a byte now and then is still closed.
 */
final class RequestReceiveTimeout extends Handler.Wrapper implements Connection.Listener {
    private final Duration limit;
    private final Map<Connection, Countdown> countdowns = new ConcurrentHashMap<>();

    RequestReceiveTimeout(Duration limit) {
        this.limit = limit;
    }

    @Override
    protected void doStart() throws Exception {
        // Connections open in the connectors, before any handler sees them: only a listener there sees it happen.
        for (Connector connector : getServer().getConnectors()) {
            connector.addEventListener(this);
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        for (Connector connector : getServer().getConnectors()) {
            connector.removeEventListener(this);
        }
        super.doStop();
    }

    @Override
    public void onOpened(Connection connection) {
        Countdown countdown = new Countdown(connection, getServer().getScheduler());
        countdowns.put(connection, countdown);
        countdown.start(limit);
    }

    @Override
    public void onClosed(Connection connection) {
        Countdown countdown = countdowns.remove(connection);
        if (countdown != null) {
            countdown.stop();
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Countdown countdown = countdowns.get(request.getConnectionMetaData().getConnection());
        if (countdown != null) {
            if (hasNoBody(request)) {
                countdown.stop();
            }
            request.addHttpStreamWrapper(stream -> new HttpStream.Wrapper(stream) {
                @Override
                public Content.Chunk read() {
                    Content.Chunk chunk = super.read();
                    if (chunk != null && chunk.isLast()) {
                        countdown.stop();
                    }
                    return chunk;
                }

                @Override
                public void succeeded() {
                    countdown.start(limit.multipliedBy(2)); // before Jetty may parse a pipelined next request
                    super.succeeded();
                }

                @Override
                public void failed(Throwable failure) {
                    countdown.start(limit.multipliedBy(2));
                    super.failed(failure);
                }
            });
        }
        return super.handle(request, response, callback);
    }

    /** HTTP/1.1 (RFC 9112 §6.3): without Transfer-Encoding and a positive Content-Length there is no body to wait for. */
    private static boolean hasNoBody(Request request) {
        return !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)
                && request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) <= 0;
    }

    /** The running clock of one connection. */
    private final class Countdown {
        private final Connection connection;
        private final Scheduler scheduler;
        private Scheduler.Task expiry;

        Countdown(Connection connection, Scheduler scheduler) {
            this.connection = connection;
            this.scheduler = scheduler;
        }

        synchronized void start(Duration time) {
            stop();
            expiry = scheduler.schedule(connection::close, time.toMillis(), TimeUnit.MILLISECONDS);
        }

        synchronized void stop() {
            if (expiry != null) {
                expiry.cancel();
                expiry = null;
            }
        }
    }
}
