package dev.herald.application.service;

import dev.herald.application.port.out.ForSendingHttp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A receiver that answers as a test says and remembers every request. */
final class ScriptedReceiver implements ForSendingHttp {
    final List<OutboundRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Function<OutboundRequest, HttpResult> answer = request -> status(200);
    /** When set, requests get no answer at all: they stay in flight. */
    private volatile boolean holding;

    void answer(Function<OutboundRequest, HttpResult> answer) {
        this.answer = answer;
    }

    /** From now on requests never get an answer (a receiver that hangs). */
    void hold() {
        holding = true;
    }

    static HttpResult status(int status) {
        return new HttpResult(Optional.of(status), Optional.empty(), Optional.of("ok"), Optional.empty(), 3);
    }

    static HttpResult statusWithRetryAfter(int status, Duration retryAfter) {
        return new HttpResult(Optional.of(status), Optional.empty(), Optional.empty(), Optional.of(retryAfter), 3);
    }

    @Override
    public CompletableFuture<HttpResult> post(OutboundRequest request) {
        requests.add(request);
        return holding ? new CompletableFuture<>() : CompletableFuture.completedFuture(answer.apply(request));
    }
}
