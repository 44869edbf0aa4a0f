-- Salesflow JDBC store, schema version 1. Portable SQL: runs unchanged on PostgreSQL and on H2 (any mode).
-- Instants are stored exactly (ISO-8601, nanoseconds) in the JSON documents; the TIMESTAMP columns are their
-- microsecond projections for queries and indexes.

CREATE TABLE salesflow_deals (
    id               VARCHAR(255)             NOT NULL,
    process_id       VARCHAR(255)             NOT NULL,
    stage            VARCHAR(255)             NOT NULL,
    version          BIGINT                   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    entered_stage_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_follow_up_at TIMESTAMP WITH TIME ZONE,
    -- the later of entered_stage_at and last_follow_up_at: when the next follow-up clock started
    follow_up_due_from TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- JSON: {"format":1,"createdAt":..,"enteredStageAt":..,"facts":{..}}
    state            TEXT                     NOT NULL,
    CONSTRAINT salesflow_deals_pk PRIMARY KEY (id)
);

CREATE INDEX salesflow_deals_by_stage ON salesflow_deals (process_id, stage, entered_stage_at);
CREATE INDEX salesflow_deals_by_follow_up ON salesflow_deals (process_id, stage, follow_up_due_from);

CREATE TABLE salesflow_transitions (
    deal_id     VARCHAR(255)             NOT NULL,
    version     BIGINT                   NOT NULL,
    from_stage  VARCHAR(255)             NOT NULL,
    to_stage    VARCHAR(255)             NOT NULL,
    event_type  VARCHAR(255)             NOT NULL,
    is_internal BOOLEAN                  NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- JSON: {"format":1,"at":..,"event":{"type":..,"occurredAt":..,..}}
    payload     TEXT                     NOT NULL,
    CONSTRAINT salesflow_transitions_pk PRIMARY KEY (deal_id, version),
    CONSTRAINT salesflow_transitions_deal_fk FOREIGN KEY (deal_id) REFERENCES salesflow_deals (id)
);
