package dev.herald.adapter.persistence;

import dev.herald.application.port.out.ForStoringWebhooks;
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
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Webhooks in {@code webhooks}; the subscribed event types are one comma-separated column. */
public final class JdbiWebhookStore implements ForStoringWebhooks {
    private static final String COLUMNS = "id, tenant, url, event_types, notification_email, secret, previous_secret,"
            + " previous_secret_valid_until, created_date, updated_date, archived, disabled_date,"
            + " rate_limit, headers";

    private final TransactionScope scope;

    JdbiWebhookStore(TransactionScope scope) {
        this.scope = scope;
    }

    /** The webhook, and its endpoint's lane in the delivery queue ({@link EndpointLanes}). */
    @Override
    public void insert(Webhook webhook) {
        scope.inTransaction(h -> {
            bindFields(h.createUpdate("INSERT INTO webhooks (" + COLUMNS + ") VALUES (:id,"
                    + " :tenant, :url, :types, :email, :secret, :previousSecret, :previousValidUntil, :created, :updated,"
                    + " :archived, :disabled, :rateLimit, :headers)"), webhook).execute();
            return h.createUpdate("INSERT INTO endpoint_lanes (webhook_id, tenant) VALUES (:id, :tenant)")
                    .bind("id", webhook.id().value())
                    .bind("tenant", webhook.tenant().value())
                    .execute();
        });
    }

    @Override
    public void update(Webhook webhook) {
        scope.inTransaction(h -> bindFields(h.createUpdate("""
                UPDATE webhooks SET url = :url, event_types = :types, notification_email = :email, secret = :secret,
                    previous_secret = :previousSecret, previous_secret_valid_until = :previousValidUntil,
                    updated_date = :updated, archived = :archived, disabled_date = :disabled,
                    rate_limit = :rateLimit,
                    headers = :headers
                WHERE id = :id AND tenant = :tenant"""), webhook).execute());
    }

    @Override
    public Optional<Webhook> find(TenantId tenant, WebhookId id) {
        return scope.inTransaction(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM webhooks WHERE id = :id AND tenant = :tenant")
                .bind("id", id.value())
                .bind("tenant", tenant.value())
                .map(JdbiWebhookStore::webhook)
                .findOne());
    }

    @Override
    public List<Webhook> list(TenantId tenant, boolean includeArchived) {
        return scope.inTransaction(h -> h.createQuery("SELECT " + COLUMNS + " FROM webhooks"
                        + " WHERE tenant = :tenant AND (archived = FALSE OR :includeArchived)"
                        + " ORDER BY created_date, seq")
                .bind("tenant", tenant.value())
                .bind("includeArchived", includeArchived)
                .map(JdbiWebhookStore::webhook)
                .list());
    }

    @Override
    public List<Webhook> liveSubscribers(TenantId tenant, EventType type) {
        return scope.inTransaction(h -> h.createQuery("SELECT " + COLUMNS + " FROM webhooks WHERE " + SUBSCRIBED
                        + " ORDER BY created_date, seq")
                .bind("tenant", tenant.value())
                .bind("type", type.name())
                .map(JdbiWebhookStore::webhook)
                .list());
    }

    @Override
    public int countLive(TenantId tenant) {
        return scope.inTransaction(h -> h.createQuery("SELECT COUNT(*) FROM webhooks"
                        + " WHERE tenant = :tenant AND archived = FALSE")
                .bind("tenant", tenant.value())
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public int countLiveSubscribers(TenantId tenant, EventType type) {
        return scope.inTransaction(h -> h.createQuery("SELECT COUNT(*) FROM webhooks WHERE " + SUBSCRIBED)
                .bind("tenant", tenant.value())
                .bind("type", type.name())
                .mapTo(Integer.class)
                .one());
    }

    /**
     * The tenant's live webhooks whose comma-separated {@code event_types} hold {@code :type}: an exact match between
     * commas (POSITION, not LIKE, whose {@code _} is a wildcard), in both databases.
     */
    private static final String SUBSCRIBED = "tenant = :tenant AND archived = FALSE"
            + " AND POSITION(',' || :type || ',' IN ',' || event_types || ',') > 0";

    private static <S extends SqlStatement<S>> S bindFields(S statement, Webhook webhook) {
        return statement
                .bind("id", webhook.id().value())
                .bind("tenant", webhook.tenant().value())
                .bind("url", webhook.url().value())
                .bind("types", webhook.subscription().asList().stream().map(Enum::name)
                        .collect(Collectors.joining(",")))
                .bind("email", webhook.notificationEmail().map(EmailAddress::value).orElse(null))
                .bind("secret", webhook.secret().value())
                .bind("previousSecret", webhook.previousSecret().map(r -> r.secret().value()).orElse(null))
                .bind("previousValidUntil", SqlTime.of(webhook.previousSecret().map(RetiredSecret::validUntil)))
                .bind("created", SqlTime.of(webhook.createdDate()))
                .bind("updated", SqlTime.of(webhook.updatedDate()))
                .bind("archived", webhook.archived())
                .bind("disabled", SqlTime.of(webhook.disabledDate()))
                .bind("rateLimit", webhook.rateLimit().map(RateLimit::perSecond).orElse(null))
                .bind("headers", HeaderLines.write(webhook.headers()));
    }

    private static Webhook webhook(ResultSet rs, StatementContext ctx) throws SQLException {
        String previousSecret = rs.getString("previous_secret");
        Optional<RetiredSecret> previous = previousSecret == null ? Optional.empty() : Optional.of(new RetiredSecret(
                new WebhookSecret(previousSecret), SqlTime.read(rs, "previous_secret_valid_until")));
        return new Webhook(
                new WebhookId(rs.getString("id")),
                new TenantId(rs.getString("tenant")),
                new WebhookUrl(rs.getString("url")),
                Subscription.of(Arrays.stream(rs.getString("event_types").split(",")).map(EventType::valueOf).toList()),
                Optional.ofNullable(rs.getString("notification_email")).map(EmailAddress::new),
                new WebhookSecret(rs.getString("secret")),
                previous,
                SqlTime.read(rs, "created_date"),
                SqlTime.readOptional(rs, "updated_date"),
                rs.getBoolean("archived"),
                SqlTime.readOptional(rs, "disabled_date"),
                SqlTime.optional(rs, "rate_limit", Integer.class).map(RateLimit::new),
                HeaderLines.read(rs.getString("headers")));
    }
}
