package dev.herald.application.inmemory;

import dev.herald.application.contract.ProbeContract;
import dev.herald.application.port.out.ForProbingDatabase;

class InMemoryDatabaseProbeContractTest extends ProbeContract {
    @Override
    protected ForProbingDatabase probeOfWorkingDatabase() {
        return new InMemoryDatabaseProbe();
    }

    @Override
    protected ForProbingDatabase probeOfDatabaseThatIsDown() {
        InMemoryDatabaseProbe probe = new InMemoryDatabaseProbe();
        probe.setUp(false);
        return probe;
    }
}
