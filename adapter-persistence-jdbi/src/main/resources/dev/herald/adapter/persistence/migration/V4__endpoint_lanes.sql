-- Fair turns between endpoints and their health (docs/API.md §6.5). A claim visits endpoints (webhooks) whose
-- wake_at has come, each for its earliest due deliveries, instead of taking the earliest due rows of the whole queue.

ALTER TABLE delivery_queue ADD COLUMN webhook_id VARCHAR(80);
UPDATE delivery_queue SET webhook_id = (SELECT d.webhook_id FROM deliveries d WHERE d.id = delivery_queue.delivery_id);
ALTER TABLE delivery_queue ALTER COLUMN webhook_id SET NOT NULL;
DROP INDEX delivery_queue_by_due_at;
CREATE INDEX delivery_queue_by_webhook ON delivery_queue (webhook_id, due_at);

-- When the endpoint may next have due work (NULL: none known); moved earlier by every write that makes a row due.
ALTER TABLE webhooks ADD COLUMN wake_at TIMESTAMP WITH TIME ZONE;
-- The endpoint's health: real sends only (EndpointHealth).
ALTER TABLE webhooks ADD COLUMN consecutive_failures INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE webhooks ADD COLUMN failing_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE webhooks ADD COLUMN last_failure_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE webhooks ADD COLUMN probes INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE webhooks ADD COLUMN last_error VARCHAR(1024);
UPDATE webhooks SET wake_at = (SELECT MIN(q.due_at) FROM delivery_queue q WHERE q.webhook_id = webhooks.id);
CREATE INDEX webhooks_by_wake_at ON webhooks (wake_at);
