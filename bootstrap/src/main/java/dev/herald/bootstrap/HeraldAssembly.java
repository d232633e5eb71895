package dev.herald.bootstrap;

import dev.herald.adapter.persistence.JdbiPersistence;
import dev.herald.adapter.schema.NetworkntEventDataChecker;
import dev.herald.application.config.HeraldSettings;
import dev.herald.application.port.out.ForNotifyingOwners;
import dev.herald.application.port.out.ForRecordingMetrics;
import dev.herald.application.port.out.ForSendingHttp;
import dev.herald.application.service.CoreRuntime;
import dev.herald.application.service.DrivenPorts;
import dev.herald.application.service.HeraldCore;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts an embedded Herald together: the JDBI persistence and the chosen adapters, wired by {@link HeraldCore}. */
final class HeraldAssembly {
    private static final Logger LOG = LoggerFactory.getLogger(Herald.class);

    /** Opens Herald's persistence (and migrates it); the caller's choice of pool. */
    interface Database {
        JdbiPersistence open();
    }

    private HeraldAssembly() {
    }

    /** Whatever opened before a failure is closed again before the failure is thrown. */
    static Herald assemble(HeraldSettings settings, Database database, Clock clock, Supplier<ForSendingHttp> http,
                           ForNotifyingOwners owners, ForRecordingMetrics metrics) {
        warnIfLeaseIsShorterThanASend(settings);
        JdbiPersistence persistence = database.open();
        ExecutorService notices = null;
        try {
            notices = noticeThread();
            DrivenPorts ports = new DrivenPorts(persistence.tenants(), persistence.webhooks(), persistence.events(),
                    persistence.deliveries(), persistence.deliveryLog(), persistence.transactions(),
                    persistence.noticeThrottle(), persistence.history(),
                    persistence.databaseProbe(), http.get(), owners, new NetworkntEventDataChecker(), metrics,
                    new Slf4jIncidents());
            HeraldCore core = HeraldCore.wire(ports, settings,
                    new CoreRuntime(clock, new Random(), notices, Herald.USER_AGENT));
            return new Herald(persistence, core, notices, settings.stopGrace());
        } catch (RuntimeException | Error e) {
            if (notices != null) {
                notices.shutdownNow();
            }
            persistence.close();
            throw e;
        }
    }

    /** Sends failure notices off the delivery threads; one thread, as notices are few (throttled). */
    private static ExecutorService noticeThread() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "herald-notices");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A lease that can end while its send is still running lets this node's own work be claimed again: sent twice. */
    private static void warnIfLeaseIsShorterThanASend(HeraldSettings settings) {
        Duration longestSend = settings.connectTimeout().plus(settings.deliveryTimeout());
        Duration lease = settings.dispatcher().lease();
        if (lease.compareTo(longestSend) <= 0) {
            LOG.warn("the delivery lease ({}) is not longer than connect + delivery timeouts ({}): slow receivers "
                    + "will get deliveries twice; raise HERALD_DELIVERY_LEASE", lease, longestSend);
        }
    }
}
