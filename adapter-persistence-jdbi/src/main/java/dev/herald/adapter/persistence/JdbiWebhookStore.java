package dev.herald.adapter.persistence;

import dev.herald.application.port.out.ForStoringWebhooks;
import dev.herald.domain.ListPosition;
import dev.herald.domain.Page;
import dev.herald.domain.event.EventType;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.EmailAddress;
import dev.herald.domain.webhook.RateLimit;
import dev.herald.domain.webhook.RetiredSecret;
import dev.herald.domain.webhook.Subscription;
import dev.herald.domain.webhook.Webhook;
import dev.herald.domain.webhook.WebhookId;
import dev.herald.domain.webhook.WebhookSecret;
import dev.herald.domain.webhook.WebhookUrl;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Webhooks in {@code webhooks}, whose comma-separated {@code event_types} is the webhook's own record of its
 * subscription; the live webhooks' subscriptions are also rows of {@code webhook_subscriptions}, one per event type,
 * written in the same transaction, which the limits and every publish read (docs/DECISIONS.md, "Live subscriptions
 * have a table of their own").
 */
public final class JdbiWebhookStore implements ForStoringWebhooks {
    private static final String COLUMNS = "id, tenant, url, event_types, notification_email, secret, previous_secret,"
            + " previous_secret_valid_until, created_date, updated_date, archived, disabled_date,"
            + " rate_limit, headers";

    /** The tenant's live subscriptions to {@code :type}: one range of {@code webhook_subscriptions_by_type}. */
    private static final String SUBSCRIBED = "s.tenant = :tenant AND s.event_type = :type";
    /**
     * The range's webhook ids first, then each webhook by its id. Not a join: PostgreSQL would hash it with a scan of
     * every tenant's webhooks while the table is small enough for its cost model.
     */
    static final String LIVE_SUBSCRIBERS = "SELECT " + COLUMNS + " FROM webhooks"
            + " WHERE id = ANY(ARRAY(SELECT s.webhook_id FROM webhook_subscriptions s WHERE " + SUBSCRIBED + "))"
            + " ORDER BY created_date, seq";
    static final String COUNT_LIVE_SUBSCRIBERS = "SELECT COUNT(*) FROM webhook_subscriptions s WHERE " + SUBSCRIBED;
    /** Reads {@code webhooks_by_tenant} in its order. */
    static final String LIST = "SELECT " + COLUMNS + " FROM webhooks"
            + " WHERE tenant = :tenant AND (archived = FALSE OR :includeArchived) ORDER BY created_date, seq";
    /** Reads only {@code webhooks_by_archived_tenant}. */
    static final String COUNT_LIVE = "SELECT COUNT(*) FROM webhooks WHERE archived = FALSE AND tenant = :tenant";

    private final TransactionScope scope;
    /** Signing secrets are written through it and read back through it ({@link SecretCipher}). */
    private final SecretCipher cipher;

    JdbiWebhookStore(TransactionScope scope, SecretCipher cipher) {
        this.scope = scope;
        this.cipher = cipher;
    }

    /** The webhook, its live subscriptions, and its endpoint's lane in the delivery queue ({@link EndpointLanes}). */
    @Override
    public void insert(Webhook webhook) {
        scope.inTransaction(h -> {
            bindFields(h.createUpdate("INSERT INTO webhooks (" + COLUMNS + ") VALUES (:id,"
                    + " :tenant, :url, :types, :email, :secret, :previousSecret, :previousValidUntil, :created, :updated,"
                    + " :archived, :disabled, :rateLimit, :headers)"), webhook).execute();
            insertSubscriptions(h, webhook);
            return h.createUpdate("INSERT INTO endpoint_lanes (webhook_id, tenant) VALUES (:id, :tenant)")
                    .bind("id", webhook.id().value())
                    .bind("tenant", webhook.tenant().value())
                    .execute();
        });
    }

    /** The webhook's row first: its lock orders concurrent updates of the same webhook's subscription rows. */
    @Override
    public void update(Webhook webhook) {
        scope.inTransaction(h -> {
            int updated = bindFields(h.createUpdate("""
                    UPDATE webhooks SET url = :url, event_types = :types, notification_email = :email, secret = :secret,
                        previous_secret = :previousSecret, previous_secret_valid_until = :previousValidUntil,
                        updated_date = :updated, archived = :archived, disabled_date = :disabled,
                        rate_limit = :rateLimit, headers = :headers
                    WHERE id = :id AND tenant = :tenant"""), webhook).execute();
            if (updated > 0) {
                h.createUpdate("DELETE FROM webhook_subscriptions WHERE webhook_id = :id")
                        .bind("id", webhook.id().value())
                        .execute();
                insertSubscriptions(h, webhook);
            }
            return updated;
        });
    }

    /**
     * One row per event type of a live webhook, none for an archived one; the tenant, creation date and seq (the
     * list's order) are copied from its row.
     */
    private static void insertSubscriptions(Handle h, Webhook webhook) {
        if (!webhook.isLive()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO webhook_subscriptions"
                + " (webhook_id, event_type, tenant, created_date, webhook_seq)"
                + " SELECT id, :type, tenant, created_date, seq FROM webhooks WHERE id = :id");
        for (EventType type : webhook.subscription().asList()) {
            batch.bind("id", webhook.id().value()).bind("type", type.name()).add();
        }
        batch.execute();
    }

    @Override
    public Optional<Webhook> find(TenantId tenant, WebhookId id) {
        return scope.inTransaction(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM webhooks WHERE id = :id AND tenant = :tenant")
                .bind("id", id.value())
                .bind("tenant", tenant.value())
                .map(this::webhook)
                .findOne());
    }

    @Override
    public List<Webhook> list(TenantId tenant, boolean includeArchived) {
        return scope.inTransaction(h -> h.createQuery(LIST)
                .bind("tenant", tenant.value())
                .bind("includeArchived", includeArchived)
                .map(this::webhook)
                .list());
    }

    @Override
    public Page<Webhook> page(TenantId tenant, boolean includeArchived, int limit, Optional<ListPosition> after) {
        String keyset = after.isPresent() ? " AND " + Keyset.after("created_date", "ASC") : "";
        List<Map.Entry<Webhook, Long>> rows = scope.inTransaction(h -> {
            var query = h.createQuery("SELECT seq, " + COLUMNS + " FROM webhooks"
                            + " WHERE tenant = :tenant AND (archived = FALSE OR :includeArchived)" + keyset
                            + " ORDER BY tenant, created_date, seq LIMIT :limit")
                    .bind("tenant", tenant.value())
                    .bind("includeArchived", includeArchived)
                    .bind("limit", limit + 1L); // one row more than the page tells whether another page follows
            after.ifPresent(position -> query
                    .bind("atDate", SqlTime.of(position.date().orElseThrow()))
                    .bind("atSeq", position.seq()));
            return query.map((rs, ctx) -> Map.entry(webhook(rs, ctx), rs.getLong("seq"))).list();
        });
        Page<Map.Entry<Webhook, Long>> page = Page.of(rows, limit,
                row -> ListPosition.at(row.getKey().createdDate(), row.getValue()));
        return new Page<>(page.items().stream().map(Map.Entry::getKey).toList(), page.next());
    }

    @Override
    public List<Webhook> liveSubscribers(TenantId tenant, EventType type) {
        return scope.inTransaction(h -> h.createQuery(LIVE_SUBSCRIBERS)
                .bind("tenant", tenant.value())
                .bind("type", type.name())
                .map(this::webhook)
                .list());
    }

    @Override
    public int countLive(TenantId tenant) {
        return scope.inTransaction(h -> h.createQuery(COUNT_LIVE)
                .bind("tenant", tenant.value())
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public int countLiveSubscribers(TenantId tenant, EventType type) {
        return scope.inTransaction(h -> h.createQuery(COUNT_LIVE_SUBSCRIBERS)
                .bind("tenant", tenant.value())
                .bind("type", type.name())
                .mapTo(Integer.class)
                .one());
    }


    private <S extends SqlStatement<S>> S bindFields(S statement, Webhook webhook) {
        return statement
                .bind("id", webhook.id().value())
                .bind("tenant", webhook.tenant().value())
                .bind("url", webhook.url().value())
                .bind("types", webhook.subscription().asList().stream().map(Enum::name)
                        .collect(Collectors.joining(",")))
                .bind("email", webhook.notificationEmail().map(EmailAddress::value).orElse(null))
                .bind("secret", cipher.seal(webhook.id().value(), webhook.secret().value()))
                .bind("previousSecret", webhook.previousSecret()
                        .map(r -> cipher.seal(webhook.id().value(), r.secret().value())).orElse(null))
                .bind("previousValidUntil", SqlTime.of(webhook.previousSecret().map(RetiredSecret::validUntil)))
                .bind("created", SqlTime.of(webhook.createdDate()))
                .bind("updated", SqlTime.of(webhook.updatedDate()))
                .bind("archived", webhook.archived())
                .bind("disabled", SqlTime.of(webhook.disabledDate()))
                .bind("rateLimit", webhook.rateLimit().map(RateLimit::perSecond).orElse(null))
                .bind("headers", HeaderLines.write(webhook.headers()));
    }

    private Webhook webhook(ResultSet rs, StatementContext ctx) throws SQLException {
        String id = rs.getString("id");
        String previousSecret = rs.getString("previous_secret");
        Optional<RetiredSecret> previous = previousSecret == null ? Optional.empty() : Optional.of(new RetiredSecret(
                new WebhookSecret(cipher.open(id, previousSecret)), SqlTime.read(rs, "previous_secret_valid_until")));
        return new Webhook(
                new WebhookId(id),
                new TenantId(rs.getString("tenant")),
                new WebhookUrl(rs.getString("url")),
                Subscription.of(Arrays.stream(rs.getString("event_types").split(",")).map(EventType::valueOf).toList()),
                Optional.ofNullable(rs.getString("notification_email")).map(EmailAddress::new),
                new WebhookSecret(cipher.open(id, rs.getString("secret"))),
                previous,
                SqlTime.read(rs, "created_date"),
                SqlTime.readOptional(rs, "updated_date"),
                rs.getBoolean("archived"),
                SqlTime.readOptional(rs, "disabled_date"),
                SqlTime.optional(rs, "rate_limit", Integer.class).map(RateLimit::new),
                HeaderLines.read(rs.getString("headers")));
    }
}
