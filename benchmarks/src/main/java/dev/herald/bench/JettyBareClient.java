package dev.herald.bench;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpMethod;

/** Jetty 12's {@code jetty-client}: HTTP/1.1 is its default transport, and it uses no proxy unless given one. */
final class JettyBareClient implements BareClient {
    private final HttpClient client = new HttpClient();

    JettyBareClient(int concurrency) {
        client.setFollowRedirects(false);
        client.setMaxConnectionsPerDestination(concurrency); // 64 by default
        client.setUserAgentField(null); // the request's own User-Agent, as the other clients send it
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("jetty-client did not start", e);
        }
    }

    @Override
    public CompletableFuture<Integer> post(URI url, Map<String, String> headers, byte[] body) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        Request request = client.newRequest(url).method(HttpMethod.POST).body(new BytesRequestContent(body))
                .headers(h -> headers.forEach(h::put));
        request.send(result -> {
            if (result.isFailed()) {
                status.completeExceptionally(result.getFailure());
            } else {
                status.complete(result.getResponse().getStatus());
            }
        });
        return status;
    }
}
