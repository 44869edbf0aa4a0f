-- Salesflow JDBC store, schema version 2: idempotency keys. Portable SQL: runs unchanged on PostgreSQL and on H2.
-- Both columns are nullable: a call without a key stores NULL, and rows written before this version have none.

-- The key a caller fired an event with. Unique per deal, so that two nodes racing with one key store it once;
-- NULLs (events fired without a key) never collide.
ALTER TABLE salesflow_transitions ADD COLUMN idempotency_key VARCHAR(255);
ALTER TABLE salesflow_transitions ADD CONSTRAINT salesflow_transitions_key_uq UNIQUE (deal_id, idempotency_key);

-- The key a caller started the deal with, so that a retried start returns the stored deal.
ALTER TABLE salesflow_deals ADD COLUMN start_key VARCHAR(255);
