package dev.herald.server.e2e;

import dev.herald.server.HeraldConfig;
import dev.herald.server.support.FuzzScenarios;
import dev.herald.server.support.LocalServerConfig;

/** The fuzz of every route, on the default embedded database. */
class FuzzOnH2Test extends FuzzScenarios {
    @Override
    protected HeraldConfig config(String adminKey) {
        return LocalServerConfig.of("fuzz", adminKey);
    }
}
