-- Retention (docs/API.md §8.4): finished deliveries and old events are purged in small batches, each reading an index
-- in its order. finished_date is when a final delivery finished (Delivery.finishedDate: its last attempt, or its
-- creation when it never had one); NULL while it is PENDING, so the purge's range (finished_date < cutoff) never
-- reaches a delivery that is waiting or retrying.
ALTER TABLE deliveries ADD COLUMN finished_date TIMESTAMP WITH TIME ZONE;
UPDATE deliveries SET finished_date = COALESCE(last_attempt_date, created_date) WHERE status <> 'PENDING';
CREATE INDEX deliveries_by_finished ON deliveries (finished_date);
CREATE INDEX events_by_created ON events (created_date);
