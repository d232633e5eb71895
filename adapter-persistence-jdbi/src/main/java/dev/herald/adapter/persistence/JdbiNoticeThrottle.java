package dev.herald.adapter.persistence;

import dev.herald.application.port.out.ForThrottlingNotices;
import dev.herald.domain.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * Notice windows in {@code notice_throttle}, shared by every node: the webhook's row is created if missing, then
 * locked, so concurrent failures decide one after the other.
 */
public final class JdbiNoticeThrottle implements ForThrottlingNotices {
    private final TransactionScope scope;

    JdbiNoticeThrottle(TransactionScope scope) {
        this.scope = scope;
    }

    private record NoticeState(Instant lastNotice, int heldBack) {
    }

    @Override
    public OptionalInt tryAcquire(WebhookId webhook, Instant now, Duration window) {
        return scope.inTransaction(h -> {
            int created = h.createUpdate("INSERT INTO notice_throttle (webhook_id, last_notice, held_back)"
                            + " VALUES (:webhook, :now, 0) ON CONFLICT DO NOTHING")
                    .bind("webhook", webhook.value())
                    .bind("now", SqlTime.of(now))
                    .execute();
            if (created == 1) {
                return OptionalInt.of(0);
            }
            NoticeState state = h.createQuery("SELECT last_notice, held_back FROM notice_throttle"
                            + " WHERE webhook_id = :webhook FOR UPDATE")
                    .bind("webhook", webhook.value())
                    .map((rs, ctx) -> new NoticeState(SqlTime.read(rs, "last_notice"), rs.getInt("held_back")))
                    .one();
            boolean withinWindow = state.lastNotice().isAfter(now.minus(window));
            h.createUpdate("UPDATE notice_throttle SET last_notice = :last, held_back = :heldBack"
                            + " WHERE webhook_id = :webhook")
                    .bind("webhook", webhook.value())
                    .bind("last", SqlTime.of(withinWindow ? state.lastNotice() : now))
                    .bind("heldBack", withinWindow ? state.heldBack() + 1 : 0)
                    .execute();
            return withinWindow ? OptionalInt.empty() : OptionalInt.of(state.heldBack());
        });
    }
}
