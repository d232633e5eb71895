package dev.herald.adapter.persistence;

import static dev.herald.application.contract.ContractFixtures.ANY_SIZE;
import static dev.herald.application.contract.ContractFixtures.NO_LIMITS;
import static dev.herald.application.contract.ContractFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.delivery.DeliveryId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A delivery that committed just after a claim ended its endpoint's turn is not left waiting for that turn: the next
 * claim wakes every such endpoint (EndpointLanes.wakeStranded).
 */
class StrandedLanesTest {
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Test
    void endpointsWhoseTurnIsLaterThanADueDeliveryAreWokenByTheNextClaim() {
        try (JdbiPersistence database = JdbiPersistence.connect("jdbc:h2:mem:stranded-" + UUID.randomUUID(), "", "")) {
            List<DeliveryId> due = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                due.add(QueueRecoveryOnStartTest.enqueueOne(database).id());
            }
            // As a claim that ended these endpoints' turns without seeing the rows leaves them: next turn in a day,
            // their wake-up requests already taken.
            database.jdbi().useHandle(h -> {
                h.createUpdate("UPDATE endpoint_lanes SET wake_at = :later")
                        .bind("later", SqlTime.of(T0.plus(Duration.ofDays(1)))).execute();
                h.execute("DELETE FROM lane_wakeups");
            });

            Set<DeliveryId> claimed = database.deliveries().claim(T0.plusSeconds(1), 10, ANY_SIZE, LEASE, NO_LIMITS)
                    .stream().map(c -> c.delivery().id()).collect(Collectors.toSet());
            assertEquals(Set.copyOf(due), claimed);
        }
    }
}
