-- Salesflow JDBC store, schema version 4: process versions, owners and who did what. Portable SQL: runs unchanged on
-- PostgreSQL and on H2. Rows written before this version run on version 1 of their process and have no owner, no
-- starter and no actors (unknown).

-- The version of its process a deal runs on; a migration moves it to the next.
ALTER TABLE salesflow_deals ADD COLUMN process_version INTEGER DEFAULT 1 NOT NULL;
-- The rep responsible for the deal, and who started it.
ALTER TABLE salesflow_deals ADD COLUMN owner VARCHAR(255);
ALTER TABLE salesflow_deals ADD COLUMN started_by VARCHAR(255);
-- A bulk migration reads the deals of one process version in batches, by id.
CREATE INDEX salesflow_deals_by_version ON salesflow_deals (process_id, process_version, id);

-- Who made each change: a user id or a system name; NULL when the caller did not say.
ALTER TABLE salesflow_transitions ADD COLUMN actor VARCHAR(255);
