package dev.herald.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.domain.tenant.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An embedding host's own registry gets Herald's meters (docs/API.md §8.5); without one nothing is recorded. */
class HeraldMetricsTest {
    @Test
    void theHostsRegistryGetsHeraldsMetersAndThoseOfItsPool() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (Herald herald = Herald.builder().database("jdbc:h2:mem:metrics-" + UUID.randomUUID(), "", "")
                .meterRegistry(registry).build()) {
            TenantId acme = herald.tenants().createTenant("acme").tenant();
            herald.events().publish(acme, PublishEvent.of("PATIENT_CREATED", "{}"));

            assertEquals(1, registry.get("herald.publish.duration").timer().count());
            assertEquals(0, registry.get("herald.queue.depth").gauge().value(), "no webhook: nothing queued");
            assertNotNull(registry.get("hikaricp.connections").tag("pool", "herald").gauge());
            assertTrue(registry.find("jvm.memory.used").meters().isEmpty(), "the JVM's meters are the host's choice");
        }
    }

    @Test
    void aMissingRegistryIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Herald.builder().meterRegistry(null));
        assertTrue(refused.getMessage().contains("meterRegistry"), refused.getMessage());
    }
}
