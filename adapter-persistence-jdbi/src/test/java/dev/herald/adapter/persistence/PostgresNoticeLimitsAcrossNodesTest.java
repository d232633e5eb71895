package dev.herald.adapter.persistence;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.concurrently;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.application.port.out.ForThrottlingNotices.Decision;
import dev.herald.application.port.out.ForThrottlingNotices.Limits;
import dev.herald.domain.webhook.WebhookId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** On PostgreSQL, nodes with pools of their own keep one tenant's notices to its limit together. */
class PostgresNoticeLimitsAcrossNodesTest {
    private static final Limits LIMITS = new Limits(Duration.ofMinutes(15), 5, Duration.ofHours(1));

    @Test
    void threeNodesTogetherSendNoMoreThanTheTenantLimit() throws Exception {
        TestDatabase database = TestDatabase.postgres();
        database.empty();
        try (JdbiPersistence second = JdbiPersistence.connect(database.jdbcUrl(), "", "");
             JdbiPersistence third = JdbiPersistence.connect(database.jdbcUrl(), "", "")) {
            List<JdbiNoticeThrottle> nodes = List.of(database.persistence().noticeThrottle(), second.noticeThrottle(),
                    third.noticeThrottle());
            AtomicInteger turn = new AtomicInteger();

            List<Decision> decisions = concurrently(24, () -> nodes.get(turn.getAndIncrement() % nodes.size())
                    .tryAcquire(ACME, WebhookId.generate(), minutes(0), LIMITS));

            assertEquals(5, decisions.stream().filter(Decision.Send.class::isInstance).count(), decisions.toString());
        }
    }
}
