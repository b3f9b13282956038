-- The command queue. A command is queued (0) or started (1) until it ends;
-- at most one command with the same name and fields is either at a time.
-- Job runners of every instance claim from it with FOR UPDATE SKIP LOCKED.
CREATE TABLE commands (
    id SERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    dedupe_key TEXT NOT NULL,
    priority INTEGER NOT NULL,
    status INTEGER NOT NULL,
    result INTEGER NOT NULL,
    trigger_type INTEGER NOT NULL,
    message TEXT,
    exception TEXT,
    client_user_agent TEXT,
    queued TIMESTAMPTZ NOT NULL,
    started TIMESTAMPTZ,
    ended TIMESTAMPTZ,
    -- The job runner working on a started command, and when it last said so.
    runner TEXT,
    claimed TIMESTAMPTZ
);
CREATE UNIQUE INDEX commands_active ON commands (dedupe_key) WHERE status IN (0, 1);
CREATE INDEX commands_queue ON commands (status, priority DESC, id);
CREATE INDEX commands_ended ON commands (ended);

CREATE TABLE scheduled_tasks (
    id SERIAL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    interval_minutes INTEGER NOT NULL,
    last_execution TIMESTAMPTZ NOT NULL,
    last_start_time TIMESTAMPTZ
);
