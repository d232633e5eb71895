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
    /** When set, requests get no answer until {@link #answerHeld}: they stay in flight. */
    private volatile boolean holding;
    private final List<Runnable> held = new CopyOnWriteArrayList<>();

    void answer(Function<OutboundRequest, HttpResult> answer) {
        this.answer = answer;
    }

    /** From now on requests never get an answer (a receiver that hangs). */
    void hold() {
        holding = true;
    }

    /** Answers every request held so far, as the script says, and stops holding. */
    void answerHeld() {
        holding = false;
        held.forEach(Runnable::run);
        held.clear();
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
        if (holding) {
            CompletableFuture<HttpResult> later = new CompletableFuture<>();
            held.add(() -> later.complete(answer.apply(request)));
            return later;
        }
        return CompletableFuture.completedFuture(answer.apply(request));
    }
}
