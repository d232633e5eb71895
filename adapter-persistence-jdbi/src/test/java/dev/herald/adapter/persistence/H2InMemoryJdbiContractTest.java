package dev.herald.adapter.persistence;

/** The port contracts on H2 in memory. */
class H2InMemoryJdbiContractTest extends JdbiContractSuite {
    @Override
    TestDatabase database() {
        return TestDatabase.h2InMemory();
    }
}
