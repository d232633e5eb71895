-- A delivery's body is built from its event's data on each attempt (the same bytes every time), so the data is stored
-- once per event instead of once per delivery: a wide fan-out no longer multiplies it on disk.
ALTER TABLE deliveries DROP COLUMN body;
