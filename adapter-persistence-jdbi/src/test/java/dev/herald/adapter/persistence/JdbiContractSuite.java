package dev.herald.adapter.persistence;

import dev.herald.application.contract.DeliveriesUnderTest;
import dev.herald.application.contract.DeliveryLogContract;
import dev.herald.application.contract.DeliveryQueueContract;
import dev.herald.application.contract.EndpointTurnsContract;
import dev.herald.application.contract.EventStoreContract;
import dev.herald.application.contract.HistoryPurgeContract;
import dev.herald.application.contract.NoticeThrottleContract;
import dev.herald.application.contract.ProbeContract;
import dev.herald.application.contract.TenantStoreContract;
import dev.herald.application.contract.TransactionsContract;
import dev.herald.application.contract.WebhookStoreContract;
import dev.herald.application.port.out.ForProbingDatabase;
import dev.herald.application.port.out.ForStoringEvents;
import dev.herald.application.port.out.ForStoringTenants;
import dev.herald.application.port.out.ForStoringWebhooks;
import dev.herald.application.port.out.ForThrottlingNotices;
import org.junit.jupiter.api.Nested;

/** Every driven-port contract, run against the JDBI adapters on one database. */
abstract class JdbiContractSuite {
    /** The database under test (may skip the test when it is not available). */
    abstract TestDatabase database();

    @Nested
    class Tenants extends TenantStoreContract {
        @Override
        protected ForStoringTenants emptyTenantStore() {
            return database().empty().tenants();
        }
    }

    @Nested
    class Webhooks extends WebhookStoreContract {
        @Override
        protected ForStoringWebhooks emptyWebhookStore() {
            return database().empty().webhooks();
        }
    }

    @Nested
    class Events extends EventStoreContract {
        @Override
        protected ForStoringEvents emptyEventStore() {
            return database().empty().events();
        }
    }

    @Nested
    class Deliveries extends DeliveryQueueContract {
        @Override
        protected DeliveriesUnderTest emptyDeliveries() {
            return emptyDeliveryTables();
        }
    }

    @Nested
    class EndpointTurns extends EndpointTurnsContract {
        @Override
        protected DeliveriesUnderTest emptyDeliveries() {
            return emptyDeliveryTables();
        }
    }

    @Nested
    class DeliveryLog extends DeliveryLogContract {
        @Override
        protected DeliveriesUnderTest emptyDeliveries() {
            return emptyDeliveryTables();
        }
    }

    @Nested
    class History extends HistoryPurgeContract {
        @Override
        protected HistoryUnderTest emptyHistory() {
            JdbiPersistence persistence = database().empty();
            return new HistoryUnderTest(new DeliveriesUnderTest(persistence.deliveries(), persistence.deliveryLog(),
                    persistence.webhooks(), persistence.events()), persistence.history());
        }
    }

    private DeliveriesUnderTest emptyDeliveryTables() {
        JdbiPersistence persistence = database().empty();
        return new DeliveriesUnderTest(persistence.deliveries(), persistence.deliveryLog(), persistence.webhooks(),
                persistence.events());
    }

    @Nested
    class NoticeThrottle extends NoticeThrottleContract {
        @Override
        protected ForThrottlingNotices freshThrottle() {
            return database().empty().noticeThrottle();
        }
    }

    @Nested
    class Transactions extends TransactionsContract {
        @Override
        protected StoresUnderTest emptyStores() {
            JdbiPersistence persistence = database().empty();
            return new StoresUnderTest(persistence.transactions(), persistence.tenants(), persistence.webhooks(),
                    persistence.events(), persistence.deliveries(), persistence.deliveryLog());
        }
    }

    @Nested
    class Probe extends ProbeContract {
        @Override
        protected ForProbingDatabase probeOfWorkingDatabase() {
            return database().persistence().databaseProbe();
        }

        @Override
        protected ForProbingDatabase probeOfDatabaseThatIsDown() {
            JdbiPersistence closed = JdbiPersistence.connect(database().jdbcUrl(), "", "");
            closed.close();
            return closed.databaseProbe();
        }
    }
}
