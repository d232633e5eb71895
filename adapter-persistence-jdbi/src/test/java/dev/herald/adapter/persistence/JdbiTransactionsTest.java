package dev.herald.adapter.persistence;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.event;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static dev.herald.application.contract.ContractFixtures.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventType;
import dev.herald.domain.tenant.ApiKey;
import dev.herald.domain.webhook.Webhook;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stores compose into one transaction: Herald's own, or a host's, joined through its JDBC connection. */
class JdbiTransactionsTest {
    private static final String H2 = "h2";
    private static final String POSTGRES = "postgres";

    private TestDatabase database;
    private JdbiPersistence persistence;

    private void on(String which) {
        database = which.equals(H2) ? TestDatabase.h2InMemory() : TestDatabase.postgres();
        persistence = database.empty();
    }

    /** A webhook and an event with its delivery: what a publish writes, across three stores. */
    private Delivery writeAPublish() {
        Webhook webhook = webhook(ACME, minutes(0), EventType.PATIENT_CREATED);
        Event event = event(ACME, EventType.PATIENT_CREATED, minutes(1));
        persistence.webhooks().insert(webhook);
        persistence.events().insert(event);
        Delivery delivery = Delivery.of(event, webhook.id());
        persistence.deliveries().enqueue(List.of(delivery));
        return delivery;
    }

    private boolean isStored(Delivery delivery) {
        return persistence.deliveryLog().find(ACME, delivery.id()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {H2, POSTGRES})
    void aFailedTransactionLeavesNothingInAnyStore(String which) {
        on(which);
        Delivery[] written = new Delivery[1];
        assertThrows(IllegalStateException.class, () -> persistence.transactions().inTransaction(() -> {
            persistence.tenants().insert(ACME, ApiKey.generate().hash());
            written[0] = writeAPublish();
            throw new IllegalStateException("the service gave up");
        }));
        assertFalse(isStored(written[0]));
        assertEquals(Optional.empty(), persistence.tenants().keyHash(ACME));
        assertEquals(List.of(), persistence.webhooks().list(ACME, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {H2, POSTGRES})
    void aCommittedTransactionKeepsEverything(String which) {
        on(which);
        Delivery delivery = persistence.transactions().inTransaction(this::writeAPublish);
        assertTrue(isStored(delivery));
    }

    @ParameterizedTest
    @ValueSource(strings = {H2, POSTGRES})
    void aRolledBackHostTransactionLeavesNothing(String which) throws SQLException {
        on(which);
        try (Connection host = hostConnection()) {
            Delivery delivery = publishOn(host, this::writeAPublish);
            assertFalse(isStored(delivery), "not visible before the host commits");
            host.rollback();
            assertFalse(isStored(delivery));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {H2, POSTGRES})
    void aCommittedHostTransactionKeepsTheRows(String which) throws SQLException {
        on(which);
        try (Connection host = hostConnection()) {
            Delivery delivery = publishOn(host, this::writeAPublish);
            host.commit();
            assertTrue(isStored(delivery));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {H2, POSTGRES})
    void aHostConnectionInAutoCommitModeIsRefused(String which) throws SQLException {
        on(which);
        try (Connection host = hostConnection()) {
            host.setAutoCommit(true);
            assertThrows(IllegalArgumentException.class,
                    () -> persistence.transactions().onHostConnection(host, this::writeAPublish));
        }
    }

    /** Runs {@code work} as a service would, inside the host's transaction, and checks the connection is left open. */
    private <T> T publishOn(Connection host, Supplier<T> work) throws SQLException {
        T result = persistence.transactions().onHostConnection(host,
                () -> persistence.transactions().inTransaction(work));
        assertFalse(host.isClosed());
        assertFalse(host.getAutoCommit());
        return result;
    }

    private Connection hostConnection() throws SQLException {
        Connection connection = DriverManager.getConnection(H2Urls.withHeraldSettings(database.jdbcUrl()));
        connection.setAutoCommit(false);
        return connection;
    }
}
