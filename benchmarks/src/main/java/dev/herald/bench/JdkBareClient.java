package dev.herald.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * The JDK's {@code java.net.http} client: as the baseline has always used it (its default executor, a cached pool),
 * or on a fixed pool of {@code max(4, 2 x cores)} threads as Herald's JdkHttpSender runs it. It opens as many HTTP/1.1
 * connections as requests in flight, so there is no pool to size.
 */
final class JdkBareClient implements BareClient {
    private final HttpClient client;

    JdkBareClient(boolean heraldsExecutor) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY);
        if (heraldsExecutor) {
            builder.executor(Executors.newFixedThreadPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
                    task -> {
                        Thread thread = new Thread(task, "herald-http");
                        thread.setDaemon(true);
                        return thread;
                    }));
        }
        client = builder.build();
    }

    @Override
    public CompletableFuture<Integer> post(URI url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(HttpResponse::statusCode);
    }
}
