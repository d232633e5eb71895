package dev.herald.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.Test;

/** A failed statement's error, which ends up in the log, never carries the values bound to it: tenants' data. */
class StatementMessagesTest {
    private static final String TENANT_DATA = "{\"ssn\":\"078-05-1120\",\"diagnosis\":\"confidential\"}";

    @Test
    void aFailedWriteNamesNoBoundValue() {
        JdbiPersistence persistence = TestDatabase.h2InMemory().empty();
        StatementException failure = assertThrows(StatementException.class, () -> persistence.jdbi().useHandle(h ->
                h.createUpdate("INSERT INTO events (id, tenant, event_type, data_json, created_date, fingerprint,"
                                + " delivery_count) VALUES (:id, 'acme', 'PATIENT_CREATED', :data, NULL, 'f', 1)")
                        .bind("id", "evt_statement_message")
                        .bind("data", TENANT_DATA)
                        .execute()));

        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("078-05-1120"), "the data is in: " + t.getMessage());
        }
    }
}
