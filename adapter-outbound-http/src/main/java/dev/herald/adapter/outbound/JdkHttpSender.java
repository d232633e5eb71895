package dev.herald.adapter.outbound;

import dev.herald.application.port.out.ForSendingHttp;
import dev.herald.domain.webhook.AddressRules;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends delivery attempts with {@code java.net.http}: asynchronously, over HTTP/1.1, never following redirects,
 * within the configured timeouts, keeping only the start of the response body. Before connecting it resolves the
 * host through the {@link OutboundAddressGuard} and then connects to exactly the address it checked, sending the
 * original {@code Host} header (and, for https, the original name as SNI, against which the certificate is verified),
 * so a second DNS answer cannot redirect the request (docs/API.md §7). Each failure becomes a failed {@link HttpResult}.
 */
public final class JdkHttpSender implements ForSendingHttp {
    /** First in the class on purpose: it must run before this class touches any HttpClient. */
    private static final boolean CAN_PIN_ADDRESS = HostHeaderPermission.grant();
    private static final Logger LOG = LoggerFactory.getLogger(JdkHttpSender.class);
    private static final int RESOLVER_THREADS = 16;
    /** Name lookups block, so they run here and never on the caller's (the dispatcher's) thread. */
    private static final ThreadPoolExecutor RESOLVER = daemonPool("herald-dns", RESOLVER_THREADS);
    /**
     * The clients' own tasks (reading responses, completing futures) are short and never block, so a few threads
     * serve any number of sends in flight. A cached pool grew to a thread per send (130 under load, with their stacks
     * and malloc arenas: docs/BENCHMARKS.md).
     */
    private static final ExecutorService HTTP_CLIENT_THREADS =
            daemonPool("herald-http", Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));

    static {
        if (!CAN_PIN_ADDRESS) {
            LOG.warn("java.net.http was initialised before Herald's sender, so the Host header cannot be set and "
                    + "deliveries connect by host name after the address check, leaving a DNS-rebinding window. "
                    + "Start the JVM with -D{}=host to close it.", HostHeaderPermission.PROPERTY);
        }
    }

    private final OutboundHttpSettings settings;
    private final OutboundAddressGuard guard;
    private final PinnedHttpClients clients;

    /** The production sender: the JVM's resolver and trust store. */
    public JdkHttpSender(OutboundHttpSettings settings) {
        this(settings, HostResolver.system(), defaultSslContext());
    }

    /** A sender with its own name resolution and TLS trust (tests, or hosts with a custom trust store). */
    public JdkHttpSender(OutboundHttpSettings settings, HostResolver resolver, SSLContext sslContext) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.guard = new OutboundAddressGuard(settings.allowPrivateNetworks(), resolver);
        this.clients = new PinnedHttpClients(settings, Objects.requireNonNull(sslContext, "sslContext"),
                HTTP_CLIENT_THREADS);
    }

    /** Whether requests go to the checked address (false only when java.net.http was initialised too early). */
    public static boolean pinsCheckedAddress() {
        return CAN_PIN_ADDRESS;
    }

    @Override
    public CompletableFuture<HttpResult> post(OutboundRequest request) {
        long started = System.nanoTime();
        try {
            CompletableFuture<PinnedTarget> target = Deadlines.within(
                    CompletableFuture.supplyAsync(() -> pin(request.url()), resolving(request.url())),
                    settings.connectTimeout(), "name resolution timed out");
            return target
                    .thenCompose(pinned -> Deadlines.within(send(pinned, request), settings.requestTimeout(),
                            "request timed out"))
                    .handle((response, failure) -> failure == null
                            ? received(response, started)
                            : HttpResult.failed(FailureDescriptions.describe(failure), millisSince(started)));
        } catch (RuntimeException unexpected) {
            return CompletableFuture.completedFuture(
                    HttpResult.failed(FailureDescriptions.describe(unexpected), millisSince(started)));
        }
    }

    /** A name is looked up on the resolver pool; an IP literal needs no lookup, so it is checked right here. */
    private static Executor resolving(URI url) {
        String host = url.getHost();
        return host != null && AddressRules.isIpLiteral(bare(host)) ? Runnable::run : RESOLVER;
    }

    private static String bare(String host) {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private PinnedTarget pin(URI url) {
        try {
            String host = url.getHost();
            if (host == null) {
                throw new IllegalArgumentException("the URL has no host");
            }
            InetAddress checked = guard.addressToConnect(bare(host));
            return PinnedTarget.of(url, checked, CAN_PIN_ADDRESS);
        } catch (UnknownHostException e) {
            throw new CompletionException(e);
        }
    }

    private CompletableFuture<HttpResponse<String>> send(PinnedTarget target, OutboundRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target.connectUri())
                .timeout(settings.requestTimeout())
                .POST(HttpRequest.BodyPublishers.ofByteArrays(request.body().parts())); // shared parts, never joined
        request.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                builder.header(name, value);
            }
        });
        target.hostHeader().ifPresent(host -> builder.header("Host", host));
        return clients.forTarget(target).sendAsync(builder.build(),
                info -> new TruncatingBodySubscriber(settings.maxResponseBytes(), info.headers()));
    }

    private static HttpResult received(HttpResponse<String> response, long started) {
        String body = response.body();
        return new HttpResult(Optional.of(response.statusCode()), Optional.empty(),
                body.isEmpty() ? Optional.empty() : Optional.of(body),
                RetryAfter.parse(response.headers().firstValue("Retry-After"), Instant.now()),
                millisSince(started));
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /** Up to {@code threads} threads, started on demand and ended after 30 idle seconds; the queue is unbounded. */
    private static ThreadPoolExecutor daemonPool(String name, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.named(name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static SSLContext defaultSslContext() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context in this JVM", e);
        }
    }
}
