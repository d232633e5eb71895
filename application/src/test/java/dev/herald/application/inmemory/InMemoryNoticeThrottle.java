package dev.herald.application.inmemory;

import dev.herald.application.port.out.ForThrottlingNotices;
import dev.herald.domain.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/** When each webhook's owner was last told, and how many failures were held back since; synchronized. */
public final class InMemoryNoticeThrottle implements ForThrottlingNotices {
    private final Map<WebhookId, NoticeState> states = new HashMap<>();

    private record NoticeState(Instant lastNotice, int heldBack) {
    }

    @Override
    public synchronized OptionalInt tryAcquire(WebhookId webhook, Instant now, Duration window) {
        NoticeState state = states.get(webhook);
        if (state != null && state.lastNotice().isAfter(now.minus(window))) {
            states.put(webhook, new NoticeState(state.lastNotice(), state.heldBack() + 1));
            return OptionalInt.empty();
        }
        states.put(webhook, new NoticeState(now, 0));
        return OptionalInt.of(state == null ? 0 : state.heldBack());
    }
}
