-- What a tenant's limits and every publish read, without reading every webhook of the tenant (docs/DECISIONS.md,
-- "Live subscriptions have a table of their own").

-- One row per (live webhook, event type it subscribes to), written with the webhook in its transaction; archived
-- webhooks have none, disabled ones keep theirs (they are live: their deliveries are held, not dropped).
-- webhooks.event_types stays the webhook's own record, in the order the API gives back.
CREATE TABLE webhook_subscriptions (
    webhook_id   VARCHAR(80) NOT NULL REFERENCES webhooks (id),
    event_type   VARCHAR(64) NOT NULL,
    tenant       VARCHAR(64) NOT NULL,
    created_date TIMESTAMP WITH TIME ZONE NOT NULL, -- the webhook's, with its seq: the order of the webhook list
    webhook_seq  BIGINT NOT NULL,
    PRIMARY KEY (webhook_id, event_type)
);
-- The live subscribers of (tenant, type) are one range of it, in the list's order; counting them reads only the
-- index.
CREATE INDEX webhook_subscriptions_by_type ON webhook_subscriptions
    (tenant, event_type, created_date, webhook_seq, webhook_id);

-- The live webhooks' comma-separated event_types, split one name at a time.
INSERT INTO webhook_subscriptions (webhook_id, event_type, tenant, created_date, webhook_seq)
WITH RECURSIVE split (webhook_id, event_type, rest) AS (
    SELECT id, SUBSTRING(event_types FROM 1 FOR POSITION(',' IN event_types || ',') - 1),
           SUBSTRING(event_types || ',' FROM POSITION(',' IN event_types || ',') + 1)
        FROM webhooks WHERE archived = FALSE
    UNION ALL
    SELECT webhook_id, SUBSTRING(rest FROM 1 FOR POSITION(',' IN rest) - 1),
           SUBSTRING(rest FROM POSITION(',' IN rest) + 1)
        FROM split WHERE rest <> ''
)
SELECT DISTINCT s.webhook_id, s.event_type, w.tenant, w.created_date, w.seq
    FROM split s JOIN webhooks w ON w.id = s.webhook_id;

-- Counting a tenant's live webhooks reads only this index, not each webhook's row. archived first: a condition on
-- the tenant alone (the webhook list) keeps reading webhooks_by_tenant, in the list's order.
CREATE INDEX webhooks_by_archived_tenant ON webhooks (archived, tenant);
