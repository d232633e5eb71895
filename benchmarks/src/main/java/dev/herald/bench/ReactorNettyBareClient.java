package dev.herald.bench;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** reactor-netty's HTTP client, on its default event loops (epoll here). */
final class ReactorNettyBareClient implements BareClient {
    private final ConnectionProvider connections;
    private final HttpClient client;

    ReactorNettyBareClient(int concurrency) {
        // 2 x max(cores, 8) connections by default; the requests past them would wait for one.
        connections = ConnectionProvider.builder("bench").maxConnections(concurrency).build();
        client = HttpClient.create(connections)
                .protocol(HttpProtocol.HTTP11)
                .followRedirect(false)
                .noProxy();
    }

    @Override
    public CompletableFuture<Integer> post(URI url, Map<String, String> headers, byte[] body) {
        return client.post()
                .uri(url)
                .send((request, out) -> {
                    headers.forEach(request::header);
                    return out.sendByteArray(Mono.just(body));
                })
                .responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
                .toFuture();
    }
}
