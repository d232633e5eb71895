package dev.herald.adapter.persistence;

/** The port contracts on PostgreSQL, when HERALD_TEST_PG_URL is set. */
class PostgresJdbiContractTest extends JdbiContractSuite {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
