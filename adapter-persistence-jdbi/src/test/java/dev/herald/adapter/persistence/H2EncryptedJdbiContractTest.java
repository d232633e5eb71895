package dev.herald.adapter.persistence;

/** The port contracts on H2 in memory with signing secrets encrypted at rest: encryption changes no behaviour. */
class H2EncryptedJdbiContractTest extends JdbiContractSuite {
    @Override
    TestDatabase database() {
        return TestDatabase.h2InMemoryEncrypted();
    }
}
