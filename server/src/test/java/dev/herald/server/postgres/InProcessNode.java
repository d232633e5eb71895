package dev.herald.server.postgres;

import dev.herald.adapter.outbound.JdkHttpSender;
import dev.herald.adapter.outbound.OutboundHttpSettings;
import dev.herald.application.config.DispatcherSettings;
import dev.herald.bootstrap.Herald;
import java.util.List;

/**
 * One Herald node in the test's JVM: its own {@link Herald} (and so its own connection pool and dispatcher) on the
 * shared schema, delivering to local receivers, with its sends recorded.
 */
final class InProcessNode implements AutoCloseable {
    private final Herald herald;
    private final RecordingSender sender;

    private InProcessNode(Herald herald, RecordingSender sender) {
        this.herald = herald;
        this.sender = sender;
    }

    static InProcessNode on(PostgresSchema schema, DispatcherSettings settings) {
        RecordingSender sender = new RecordingSender(
                new JdkHttpSender(OutboundHttpSettings.defaults().withAllowPrivateNetworks(true)));
        Herald herald = Herald.builder()
                .database(schema.jdbcUrl(), "", "")
                .allowHttp(true)
                .allowPrivateNetworks(true)
                .deliveryWorkers(settings.batchSize(), settings.maxInFlight(), settings.pollInterval())
                .deliveryLease(settings.lease())
                .endpointLimits(settings.endpoints())
                .httpSender(sender)
                .build();
        return new InProcessNode(herald, sender);
    }

    /** Whether any of these nodes started sending the delivery; if none did, another process sent it. */
    static boolean anyStarted(List<InProcessNode> nodes, String deliveryId) {
        return nodes.stream().anyMatch(node -> node.sender.started(deliveryId));
    }

    Herald herald() {
        return herald;
    }

    void startDelivering() {
        herald.startDelivering();
    }

    /** The event numbered {@code n}, published through this node's facade. */
    void publish(SubscribedTenants tenants, int n) {
        herald.events().publish(tenants.forEvent(n).tenant(), tenants.event(n));
    }

    int delivered() {
        return sender.delivered();
    }

    @Override
    public void close() {
        herald.close();
    }
}
