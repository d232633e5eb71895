package dev.herald.application.service;

import dev.herald.application.contract.HttpSenderContract;
import dev.herald.application.port.out.ForSendingHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A receiver that answers as a test says and remembers every request. Its results are shaped as the real sender's
 * (ScriptedReceiverContractTest holds it to the sender contract).
 */
final class ScriptedReceiver implements ForSendingHttp {
    private static final long DURATION_MS = 3;

    final List<OutboundRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Function<OutboundRequest, HttpResult> answer = request -> status(200);
    /** When set, requests get no answer until {@link #answerHeld}: they stay in flight. */
    private volatile boolean holding;
    private final List<Runnable> held = new CopyOnWriteArrayList<>();

    void answer(Function<OutboundRequest, HttpResult> answer) {
        this.answer = answer;
    }

    /**
     * From now on requests never get an answer (a receiver that hangs, seen before the sender's timeout would end
     * the wait: a real sender's future does complete, with {@link #timedOut()}).
     */
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
        return response(status, "ok", Optional.empty());
    }

    static HttpResult statusWithRetryAfter(int status, Duration retryAfter) {
        return response(status, "", Optional.of(retryAfter));
    }

    /** An answer as the sender reports it: the start of the body (at most 4 KiB), none when the body is empty. */
    static HttpResult response(int status, String body, Optional<Duration> retryAfter) {
        String kept = start(body, HttpSenderContract.KEPT_RESPONSE_BYTES);
        Optional<String> responseBody = kept.isEmpty() ? Optional.empty() : Optional.of(kept);
        return new HttpResult(Optional.of(status), Optional.empty(), responseBody, retryAfter, DURATION_MS);
    }

    /** Nothing listened at the receiver's address. */
    static HttpResult refused() {
        return HttpResult.failed("connection refused", DURATION_MS);
    }

    /** The receiver took longer than the request timeout. */
    static HttpResult timedOut() {
        return HttpResult.failed("request timed out", 15_000);
    }

    /** The receiver's address is one Herald does not deliver to. */
    static HttpResult blocked() {
        return HttpResult.failed(DESTINATION_NOT_ALLOWED, 0);
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

    /** The longest start of {@code text} that fits in {@code maxBytes} of UTF-8, cut between characters. */
    private static String start(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int length = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + length > maxBytes) {
                break;
            }
            bytes += length;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }
}
