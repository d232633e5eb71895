-- A webhook's delivery list is read from an index in its order and stops at the page, so that it costs the same
-- however long the history (docs/DECISIONS.md, "The delivery list reads an index in its order"): one index per sort
-- column, seq last for the tie-break, and one for the event-type filter of the default order. The first replaces
-- deliveries_by_webhook, whose columns it starts with.
CREATE INDEX deliveries_by_webhook_created ON deliveries (webhook_id, created_date, seq);
DROP INDEX deliveries_by_webhook;
CREATE INDEX deliveries_by_webhook_delivered ON deliveries (webhook_id, delivered_date, seq);
CREATE INDEX deliveries_by_webhook_attempted ON deliveries (webhook_id, last_attempt_date, seq);
CREATE INDEX deliveries_by_webhook_type ON deliveries (webhook_id, event_type, created_date, seq);
