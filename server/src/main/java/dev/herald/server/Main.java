package dev.herald.server;

import dev.herald.application.port.in.ForAdministeringTenants.TenantCredentials;
import dev.herald.bootstrap.Herald;
import dev.herald.domain.HeraldException;
import dev.herald.domain.InvalidInputException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code java -jar herald.jar} runs the server; {@code java -jar herald.jar tenant create NAME} and
 * {@code ... tenant rotate-key NAME} print a new API key.
 */
public final class Main {
    private static final String USAGE = String.join("\n",
            "usage: java -jar herald.jar                       run the server (configured by HERALD_* variables)",
            "       java -jar herald.jar tenant create NAME     create a tenant and print its API key",
            "       java -jar herald.jar tenant rotate-key NAME replace a tenant's API key and print the new one");

    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private Main() {
    }

    public static void main(String[] args) {
        routeJulIntoSlf4j();
        widenCommonPool();
        boundNioBufferCache();
        System.exit(run(List.of(args), System.out, System.err));
    }

    /**
     * A library that logs through java.util.logging writes to the server's log too, in its format (docs/API.md §8.6),
     * not to JUL's own console handler. (System.Logger comes through slf4j-jdk-platform-logging by itself.)
     */
    static void routeJulIntoSlf4j() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    /**
     * On a machine with 2 cores the common pool has parallelism 1, and CompletableFuture then runs every async step
     * that names no executor on a new thread; java.net.http's sendAsync hands each response to such a step, so every
     * delivery would start and end a thread (docs/BENCHMARKS.md: 2.5x fewer requests per second). Set before anything
     * touches the common pool, unless the operator chose a value.
     */
    static void widenCommonPool() {
        String property = "java.util.concurrent.ForkJoinPool.common.parallelism";
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
        }
    }

    /**
     * The JDK keeps, per thread, a direct buffer as large as the largest heap buffer that thread ever wrote to a
     * channel; H2 writes each commit's chunk from the committing request thread, so under load every Jetty thread held
     * one (NMT "Other": 92 MiB at 280 threads, 17 MiB with this bound; docs/BENCHMARKS.md, "Where the memory goes").
     * Larger writes still work, with a buffer freed after use. Set before the first channel I/O, unless the operator
     * chose a value.
     */
    static void boundNioBufferCache() {
        String property = "jdk.nio.maxCachedBufferSize";
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(64 * 1024));
        }
    }

    /** Runs one command; returns the process exit code (0 ok, 1 refused, 2 usage or configuration error). */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        HeraldConfig config;
        try {
            config = HeraldConfig.fromEnvironment();
        } catch (IllegalArgumentException e) {
            err.println("configuration error: " + e.getMessage());
            return 2;
        }
        if (args.isEmpty() || args.equals(List.of("serve"))) {
            return serve(config, out);
        }
        if (args.size() == 3 && args.get(0).equals("tenant")
                && (args.get(1).equals("create") || args.get(1).equals("rotate-key"))) {
            return tenantCommand(config, args.get(1), args.get(2), out, err);
        }
        err.println(USAGE);
        return 2;
    }

    private static int serve(HeraldConfig config, PrintStream out) {
        HeraldServer server = HeraldServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            say(config, out, "Herald stopped");
            stopped.countDown();
            // A stop asked for (SIGTERM) that completed is a clean exit: 0, not the JVM's 143 (128 + SIGTERM).
            Runtime.getRuntime().halt(0);
        }, "herald-shutdown"));
        say(config, out, "Herald " + Herald.VERSION + " listening on http://localhost:" + server.port()
                + " (database " + withoutPassword(config.dbUrl()) + ")");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * The server's start and stop, on stdout: a line of its own in text, or a log line among the others in JSON, so
     * that stdout is JSON lines only (docs/API.md §8.6).
     */
    private static void say(HeraldConfig config, PrintStream out, String line) {
        if (config.logFormat() == LogFormat.JSON) {
            LoggerFactory.getLogger(Main.class).info(line);
        } else {
            out.println(line);
            out.flush();
        }
    }

    /** A JDBC URL as it may be shown: a password in it ({@code password=…}) is starred out. */
    static String withoutPassword(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static int tenantCommand(HeraldConfig config, String command, String name, PrintStream out,
                                     PrintStream err) {
        Optional<LocalServerFile.Endpoint> running = LocalServerFile.forDatabase(config.dbUrl())
                .flatMap(LocalServerFile::read);
        if (running.isPresent()) {
            Optional<Integer> answered = RunningServerAdmin.tenantCommand(running.get(), command, name, out, err);
            if (answered.isPresent()) {
                return answered.get();
            } // a killed server's file: nobody answers, so the database is free to open
        }
        try (Herald herald = HeraldServer.herald(config)) {
            TenantCredentials credentials = command.equals("create")
                    ? herald.tenants().createTenant(name) : herald.tenants().rotateApiKey(name);
            out.println(credentials.apiKey().value()); // alone on stdout, so scripts can capture it
            err.println("API key of tenant '" + credentials.tenant().value() + "' (shown once: store it now)");
            return 0;
        } catch (InvalidInputException e) {
            err.println(e.violations().get(0).message());
            return 1;
        } catch (HeraldException e) {
            err.println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            if (!openedByAnotherProcess(e)) {
                throw e;
            }
            err.println("the database " + config.dbUrl() + " is open in another process; if it is a Herald server that"
                    + " is still starting, try again in a moment");
            return 1;
        }
    }

    /** H2's "Database may be already in use" (90020): a server holds the file but has not said how to reach it. */
    private static boolean openedByAnotherProcess(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }
}
