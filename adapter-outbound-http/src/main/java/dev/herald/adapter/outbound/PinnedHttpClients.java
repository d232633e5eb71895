package dev.herald.adapter.outbound;

import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The HTTP clients a sender uses. Requests go to IP literals, so for https the client itself must carry the real
 * host name as SNI; the JDK's trust manager then checks the certificate against that name (the requested SNI name
 * comes first in its identity check), and TLS sessions are kept per name ({@link PeerNamedSslContext}). That makes one client
 * per https host (kept in a bounded, least-recently-used cache, since each client owns a selector thread) and one
 * shared client for everything else.
 */
final class PinnedHttpClients {
    static final int MAX_TLS_CLIENTS = 64;

    private final OutboundHttpSettings settings;
    private final SSLContext sslContext;
    private final Executor executor;
    private final HttpClient shared;
    private final Map<String, HttpClient> byTlsName = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, HttpClient> eldest) {
            return size() > MAX_TLS_CLIENTS;
        }
    };

    PinnedHttpClients(OutboundHttpSettings settings, SSLContext sslContext, Executor executor) {
        this.settings = settings;
        this.sslContext = sslContext;
        this.executor = executor;
        this.shared = newClient(Optional.empty());
    }

    HttpClient forTarget(PinnedTarget target) {
        return target.tlsServerName().map(this::forTlsName).orElse(shared);
    }

    private synchronized HttpClient forTlsName(String name) {
        return byTlsName.computeIfAbsent(name, n -> newClient(Optional.of(n)));
    }

    private HttpClient newClient(Optional<String> tlsServerName) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                // HTTP/2 would take :authority from the URI (the IP), ignoring the Host header.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(settings.connectTimeout())
                .sslContext(sslContext)
                .executor(executor);
        tlsServerName.ifPresent(name -> {
            SSLParameters parameters = sslContext.getDefaultSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(name)));
            builder.sslContext(new PeerNamedSslContext(sslContext, name)).sslParameters(parameters);
        });
        return builder.build();
    }
}
