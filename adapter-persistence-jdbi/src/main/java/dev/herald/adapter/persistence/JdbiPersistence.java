package dev.herald.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Herald's persistence on H2 or PostgreSQL: migrates the schema, then hands out the stores, the delivery queue and
 * log, and the transactions, all sharing one {@link Jdbi} and one notion of "the transaction on this thread".
 * Built from a JDBC URL (Herald owns a HikariCP pool and closes it) or from a host's {@link DataSource} (the host
 * owns it; Herald's tables then live next to the host's, and publishing can join the host's transactions).
 */
public final class JdbiPersistence implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiPersistence.class);
    /** Herald's own history table, so it never clashes with a host's Flyway history in a shared schema. */
    static final String HISTORY_TABLE = "herald_schema_history";
    private static final String MIGRATIONS = "classpath:dev/herald/adapter/persistence/migration";
    /** Longest wait for a connection from Herald's pool before the call is answered 503 (docs/API.md §3). */
    static final long CONNECTION_TIMEOUT_MILLIS = 5_000;
    /** Longest check that a pooled connection idle for a moment still works. */
    static final long VALIDATION_TIMEOUT_MILLIS = 2_000;
    /** Longest wait for PostgreSQL to accept a new connection. */
    static final long POSTGRES_CONNECT_TIMEOUT_SECONDS = 5;
    /**
     * Longest silence of PostgreSQL in the middle of a statement before the connection counts as lost: far above any
     * statement of Herald's (indexed, batched), so only a database gone quiet reaches it.
     */
    static final long POSTGRES_SOCKET_TIMEOUT_SECONDS = 10;

    private final Optional<HikariDataSource> ownedPool;
    private final Jdbi jdbi;
    private final JdbiTransactions transactions;
    private final JdbiTenantStore tenants;
    private final JdbiWebhookStore webhooks;
    private final JdbiEventStore events;
    private final JdbiDeliveryQueue deliveries;
    private final JdbiDeliveryLog deliveryLog;
    private final H2QueueRebuild queueRebuild;
    private final JdbiNoticeThrottle noticeThrottle;
    private final JdbiHistoryPurge history;
    private final JdbiDatabaseProbe databaseProbe;
    private final boolean singleNodeFile;
    /** Stops the H2 file maintenance; typed without H2, so that a host without the H2 driver never loads it. */
    private final Optional<Runnable> stopCompaction;

    private final SecretsAtRest secretsAtRest;

    private JdbiPersistence(DataSource dataSource, Optional<HikariDataSource> ownedPool, Optional<SecretKeys> keys) {
        this.ownedPool = ownedPool;
        migrate(dataSource);
        this.singleNodeFile = H2Urls.isH2File(databaseUrl(dataSource));
        this.jdbi = Jdbi.create(dataSource);
        // A failed statement's message must not carry its bound values: they include tenants' event data.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        TransactionScope scope = new TransactionScope(jdbi);
        this.transactions = new JdbiTransactions(scope);
        this.tenants = new JdbiTenantStore(scope);
        SecretCipher cipher = new SecretCipher(keys);
        this.secretsAtRest = new SecretsAtRest(jdbi, cipher);
        secretsAtRest.onStart();
        this.webhooks = new JdbiWebhookStore(scope, cipher);
        this.events = new JdbiEventStore(scope);
        SqlDialect dialect = SqlDialect.of(dataSource);
        this.deliveries = new JdbiDeliveryQueue(scope, dialect);
        this.deliveryLog = new JdbiDeliveryLog(scope);
        this.queueRebuild = new H2QueueRebuild(scope);
        this.noticeThrottle = new JdbiNoticeThrottle(scope);
        this.history = new JdbiHistoryPurge(scope, dialect);
        this.databaseProbe = new JdbiDatabaseProbe(jdbi);
        this.stopCompaction = singleNodeFile
                ? H2FileCompaction.start(dataSource).map(compaction -> compaction::close) : Optional.empty();
    }

    /**
     * Connects with a pool of its own ({@code user} and {@code password} may be empty). H2 URLs get the settings
     * Herald's SQL needs (PostgreSQL mode, lower-case names) unless they set them. Signing secrets are stored in clear
     * text.
     */
    public static JdbiPersistence connect(String jdbcUrl, String user, String password) {
        return connect(jdbcUrl, user, password, Optional.empty(), config -> { });
    }

    /**
     * Like {@link #connect(String, String, String)}, with signing secrets encrypted under {@code keys} when present
     * ({@link SecretKeys}), and the pool's settings handed to {@code pool} (e.g. metrics).
     */
    public static JdbiPersistence connect(String jdbcUrl, String user, String password, Optional<SecretKeys> keys,
                                          Consumer<HikariConfig> pool) {
        Optional<Path> h2File = H2FilePermissions.databasePath(jdbcUrl);
        h2File.ifPresent(H2FilePermissions::prepareDirectory);
        h2File.ifPresent(database -> H2CrashRecovery.beforeOpening(database, jdbcUrl));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(H2Urls.withHeraldSettings(jdbcUrl));
        config.setUsername(user == null || user.isEmpty() ? null : user);
        config.setPassword(password == null || password.isEmpty() ? null : password);
        config.setPoolName("herald");
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS); // not Hikari's 30 s: see docs/API.md §3
        config.setValidationTimeout(VALIDATION_TIMEOUT_MILLIS);
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            // The driver waits forever by default on a database that stops answering (a black-holed network): each
            // wait is bounded, so a call answers 503 in seconds, never hangs (docs/API.md §3). The URL may override.
            config.addDataSourceProperty("connectTimeout", Long.toString(POSTGRES_CONNECT_TIMEOUT_SECONDS));
            config.addDataSourceProperty("socketTimeout", Long.toString(POSTGRES_SOCKET_TIMEOUT_SECONDS));
        }
        pool.accept(config);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            JdbiPersistence persistence = new JdbiPersistence(dataSource, Optional.of(dataSource), keys);
            h2File.ifPresent(H2FilePermissions::protectFiles);
            return persistence;
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * Uses a host's data source, which Herald never closes. For H2 the host's URL must already carry
     * {@code MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE}.
     */
    public static JdbiPersistence onDataSource(DataSource hostDataSource) {
        return onDataSource(hostDataSource, Optional.empty());
    }

    /** Like {@link #onDataSource(DataSource)}, with signing secrets encrypted under {@code keys} when present. */
    public static JdbiPersistence onDataSource(DataSource hostDataSource, Optional<SecretKeys> keys) {
        return new JdbiPersistence(hostDataSource, Optional.empty(), keys);
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true) // a host's schema is not empty; baseline 0 still applies V1
                .baselineVersion("0")
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public JdbiTransactions transactions() {
        return transactions;
    }

    public JdbiTenantStore tenants() {
        return tenants;
    }

    public JdbiWebhookStore webhooks() {
        return webhooks;
    }

    public JdbiEventStore events() {
        return events;
    }

    public JdbiDeliveryQueue deliveries() {
        return deliveries;
    }

    public JdbiDeliveryLog deliveryLog() {
        return deliveryLog;
    }

    public JdbiNoticeThrottle noticeThrottle() {
        return noticeThrottle;
    }

    public JdbiHistoryPurge history() {
        return history;
    }

    public JdbiDatabaseProbe databaseProbe() {
        return databaseProbe;
    }

    /**
     * Call before this node starts delivering. An H2 file serves one node, so any lease in its queue belongs to a
     * process that died: the queue is rebuilt from the delivery log at once instead of waiting for those leases, which
     * also heals the queue after H2 was killed mid-write. PostgreSQL, shared by several nodes, is left alone: there a
     * dead node's leases simply expire.
     */
    public void recoverQueueOnStart() {
        if (singleNodeFile) {
            int pending = queueRebuild.run();
            LOG.info("H2 file: rebuilt the delivery queue from the delivery log ({} pending)", pending);
        }
    }

    /**
     * Re-encrypts every stored signing secret not yet under the current key (docs/API.md §8.7, key rotation), a batch
     * at a time; returns how many values it rewrote. Afterwards the retired keys are no longer needed.
     */
    public int reencryptSecrets() {
        return secretsAtRest.rotate();
    }

    private static String databaseUrl(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database", e);
        }
    }

    /** Closes the pool if Herald made it; a host's data source is left alone. */
    @Override
    public void close() {
        stopCompaction.ifPresent(Runnable::run);
        ownedPool.ifPresent(HikariDataSource::close);
    }
}
