package dev.herald.server;

import dev.herald.adapter.persistence.SecretKeys;
import dev.herald.adapter.persistence.SecretsAtRestException;
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
 * {@code ... tenant rotate-key NAME} print a new API key; {@code ... keys generate} prints a new encryption key and
 * {@code ... keys rotate} re-encrypts the signing secrets under the current one (docs/API.md §8.7).
 */
public final class Main {
    private static final String USAGE = String.join("\n",
            "usage: java -jar herald.jar                       run the server (configured by HERALD_* variables)",
            "       java -jar herald.jar tenant create NAME     create a tenant and print its API key",
            "       java -jar herald.jar tenant rotate-key NAME replace a tenant's API key and print the new one",
            "       java -jar herald.jar keys generate          print a new random HERALD_ENCRYPTION_KEY",
            "       java -jar herald.jar keys rotate            re-encrypt every signing secret under HERALD_ENCRYPTION_KEY");

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
     * A library that logs through java.util.logging writes to the server's log too, in its format (docs/API.md §8.7),
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
        if (args.equals(List.of("keys", "generate"))) { // needs no configuration
            out.println(SecretKeys.generate()); // alone on stdout, so scripts can capture it
            err.println("a new encryption key: set it as HERALD_ENCRYPTION_KEY (or ID:KEY), and keep a copy safe:"
                    + " signing secrets encrypted with it cannot be read without it");
            return 0;
        }
        HeraldConfig config;
        try {
            config = HeraldConfig.fromEnvironment();
        } catch (IllegalArgumentException e) {
            err.println("configuration error: " + e.getMessage());
            return 2;
        }
        try {
            if (args.isEmpty() || args.equals(List.of("serve"))) {
                return serve(config, out);
            }
            if (args.equals(List.of("keys", "rotate"))) {
                return rotateKeys(config, out, err);
            }
            if (args.size() == 3 && args.get(0).equals("tenant")
                    && (args.get(1).equals("create") || args.get(1).equals("rotate-key"))) {
                return tenantCommand(config, args.get(1), args.get(2), out, err);
            }
        } catch (SecretsAtRestException e) {
            err.println("cannot start: " + e.getMessage());
            return 2;
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
     * that stdout is JSON lines only (docs/API.md §8.7).
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

    /**
     * Opens the database directly, as the nodes keep running (on PostgreSQL) with the new key current and the old one
     * retired; an H2 file is its server's alone, so that server must be stopped first.
     */
    private static int rotateKeys(HeraldConfig config, PrintStream out, PrintStream err) {
        if (config.encryptionKeys().isEmpty()) {
            err.println("keys rotate: set HERALD_ENCRYPTION_KEY to the key to encrypt under, and"
                    + " HERALD_ENCRYPTION_OLD_KEYS to the keys the secrets are encrypted with now");
            return 2;
        }
        try (Herald herald = HeraldServer.herald(config)) {
            int rewritten = herald.reencryptSecrets();
            out.println(rewritten); // alone on stdout, so scripts can capture it
            err.println(rewritten + " signing secret(s) re-encrypted under key id '"
                    + config.encryptionKeys().get().current().id() + "'; every secret is now under it, so the old keys"
                    + " can be removed from HERALD_ENCRYPTION_OLD_KEYS");
            return 0;
        } catch (RuntimeException e) {
            if (!openedByAnotherProcess(e)) {
                throw e;
            }
            err.println("the database " + config.dbUrl() + " is open in another process: stop the Herald server"
                    + " that uses it, then run keys rotate again");
            return 1;
        }
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
