package dev.herald.server.e2e;

import dev.herald.server.support.IsolationScenarios;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The isolation scenarios on the default database: an H2 file. */
class IsolationOnH2Test extends IsolationScenarios {
    @Override
    protected Map<String, String> environment(Path directory) {
        Map<String, String> environment = new HashMap<>(ChildServerSetup.environment(directory, Map.of()));
        environment.put("HERALD_ADMIN_KEY", ADMIN_KEY);
        return environment;
    }

    @Override
    protected String database() {
        return "H2";
    }
}
