package dev.herald.bench;

import dev.herald.application.port.out.ForSendingHttp.HttpResult;
import dev.herald.application.config.HeraldSettings;
import dev.herald.bootstrap.Herald;
import java.time.Duration;
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
        return on(jdbcUrl, sent, HeraldSettings.DEFAULT_RETENTION);
    }

    /** With the history kept for {@code retention} (zero: forever). */
    static Herald on(String jdbcUrl, AtomicInteger sent, Duration retention) {
        return Herald.builder().database(jdbcUrl, "", "").allowHttp(true).allowPrivateNetworks(true)
                .retention(retention)
                .httpSender(request -> {
                    sent.incrementAndGet();
                    return CompletableFuture.completedFuture(OK);
                })
                .build();
    }
}
