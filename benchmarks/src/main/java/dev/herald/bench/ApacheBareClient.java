package dev.herald.bench;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http2.HttpVersionPolicy;

/** Apache HttpClient 5's async client; no proxy unless told to use the system properties. */
final class ApacheBareClient implements BareClient {
    private final CloseableHttpAsyncClient client;

    ApacheBareClient(int concurrency) {
        client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(concurrency) // 25 by default
                        .setMaxConnPerRoute(concurrency) // 5 by default
                        .build())
                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                .disableRedirectHandling()
                .disableAutomaticRetries() // as Herald: a failed attempt is retried by the queue, not the client
                .build();
        client.start();
    }

    @Override
    public CompletableFuture<Integer> post(URI url, Map<String, String> headers, byte[] body) {
        SimpleRequestBuilder request = SimpleRequestBuilder.post(url)
                .setBody(body, ContentType.parse(headers.get("Content-Type")));
        headers.forEach(request::setHeader);
        CompletableFuture<Integer> status = new CompletableFuture<>();
        client.execute(request.build(), new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                status.complete(response.getCode());
            }

            @Override
            public void failed(Exception failure) {
                status.completeExceptionally(failure);
            }

            @Override
            public void cancelled() {
                status.cancel(false);
            }
        });
        return status;
    }
}
