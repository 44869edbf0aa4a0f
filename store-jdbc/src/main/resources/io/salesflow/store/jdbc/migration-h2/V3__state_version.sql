-- Salesflow JDBC store, schema version 3 on H2 (any mode). PostgreSQL has its own version 3 beside this folder.
--
-- A deal's state document (its creation and stage-entry times and its facts) is now written when the deal is
-- stored and then only when a change does not follow from the event alone, no longer on every event: state_version
-- says at which version of the deal the document holds, and a read replays the events of the history rows after it.
-- The documents written so far hold the state at the deal's current version.
--
-- The documents stay in text columns here. H2's own JSON type takes a parameter as a JSON string unless the SQL says
-- FORMAT JSON and compares documents as bytes, which buys the store nothing.

ALTER TABLE salesflow_deals ADD COLUMN state_version BIGINT DEFAULT 0 NOT NULL;
UPDATE salesflow_deals SET state_version = version;
