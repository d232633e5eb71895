package dev.herald.adapter.persistence;

/** The port contracts on an H2 file under target/. */
class H2FileJdbiContractTest extends JdbiContractSuite {
    @Override
    TestDatabase database() {
        return TestDatabase.h2File();
    }
}
