-- Salesflow JDBC store, schema version 3 on PostgreSQL. H2 has its own version 3 beside this folder.
--
-- 1. A deal's state document (its creation and stage-entry times and its facts) is now written when the deal is
--    stored and then only when a change does not follow from the event alone, no longer on every event:
--    state_version says at which version of the deal the document holds, and a read replays the events of the
--    history rows after it. The documents written so far hold the state at the deal's current version.
-- 2. The documents become jsonb, so that they can be queried and indexed in SQL. jsonb cannot hold the NUL character
--    (U+0000): where stored text has one (written as the escape \u0000), it becomes U+FFFD, the replacement
--    character; an escaped backslash followed by "u0000" is text, not a NUL, and stays as it is.
--    Each table is rewritten once; on a large table, run this migration when the application is quiet.

ALTER TABLE salesflow_deals
    ADD COLUMN state_version BIGINT DEFAULT 0 NOT NULL,
    ALTER COLUMN state TYPE jsonb USING (CASE WHEN strpos(state, '\u0000') = 0 THEN state
        ELSE regexp_replace(state, '(?<!\\)((?:\\\\)*)\\u0000', '\1\\ufffd', 'g') END)::jsonb;
UPDATE salesflow_deals SET state_version = version;

ALTER TABLE salesflow_transitions
    ALTER COLUMN payload TYPE jsonb USING (CASE WHEN strpos(payload, '\u0000') = 0 THEN payload
        ELSE regexp_replace(payload, '(?<!\\)((?:\\\\)*)\\u0000', '\1\\ufffd', 'g') END)::jsonb;
