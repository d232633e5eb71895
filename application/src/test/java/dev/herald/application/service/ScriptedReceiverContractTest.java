package dev.herald.application.service;

import dev.herald.application.contract.HttpSenderContract;
import dev.herald.application.port.out.ForSendingHttp;
import dev.herald.application.port.out.ForSendingHttp.HttpResult;
import dev.herald.application.port.out.ForSendingHttp.OutboundRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** The application tests' scripted receiver answers as the real sender would for the same receiving end. */
class ScriptedReceiverContractTest extends HttpSenderContract {
    @Override
    protected Network network() {
        return new ScriptedNetwork();
    }

    /** Each URL is scripted with the result the real sender reports for what is behind it. */
    private static final class ScriptedNetwork implements Network {
        private final ScriptedReceiver receiver = new ScriptedReceiver();
        private final Map<URI, Function<OutboundRequest, HttpResult>> results = new ConcurrentHashMap<>();
        private final Map<URI, List<Received>> reached = new ConcurrentHashMap<>();
        private final AtomicInteger receivers = new AtomicInteger();

        ScriptedNetwork() {
            receiver.answer(request -> results.get(request.url()).apply(request));
        }

        @Override
        public ForSendingHttp sender() {
            return receiver;
        }

        @Override
        public URI answering(int status, Map<String, String> headers, String body) {
            Optional<Duration> retryAfter = Optional.ofNullable(headers.get("Retry-After"))
                    .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds)));
            return behind(request -> {
                reached.get(request.url()).add(received(request));
                return ScriptedReceiver.response(status, body, retryAfter);
            });
        }

        @Override
        public URI refusingConnections() {
            return behind(request -> ScriptedReceiver.refused());
        }

        @Override
        public URI tooSlowToAnswer() {
            return behind(request -> ScriptedReceiver.timedOut());
        }

        @Override
        public URI blockedAddress() {
            return behind(request -> ScriptedReceiver.blocked());
        }

        @Override
        public List<Received> receivedAt(URI url) {
            return List.copyOf(reached.get(url));
        }

        @Override
        public void close() {
            // nothing to stop
        }

        private URI behind(Function<OutboundRequest, HttpResult> result) {
            URI url = URI.create("https://receiver-" + receivers.incrementAndGet() + ".example/hook");
            reached.put(url, new CopyOnWriteArrayList<>());
            results.put(url, result);
            return url;
        }

        private static Received received(OutboundRequest request) {
            Map<String, String> headers = new HashMap<>();
            request.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
            return new Received("POST", headers, request.body().text().getBytes(StandardCharsets.UTF_8));
        }
    }
}
