package dev.herald.bench;

import dev.herald.application.port.out.ForSendingHttp.HttpResult;
import dev.herald.bootstrap.Herald;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** An embedded Herald whose HTTP sender answers 200 at once without sending anything, counting each send. */
final class NoNetworkHerald {
    private static final HttpResult OK = new HttpResult(Optional.of(200), Optional.empty(), Optional.empty(),
            Optional.empty(), 0);

    private NoNetworkHerald() {
    }

    static Herald on(String jdbcUrl, AtomicInteger sent) {
        return Herald.builder().database(jdbcUrl, "", "").allowHttp(true).allowPrivateNetworks(true)
                .httpSender(request -> {
                    sent.incrementAndGet();
                    return CompletableFuture.completedFuture(OK);
                })
                .build();
    }
}
