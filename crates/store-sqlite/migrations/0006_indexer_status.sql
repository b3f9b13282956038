-- Each indexer's back-off: how far it has escalated and until when it is
-- left alone; removed with its indexer.
CREATE TABLE indexer_status (
    provider_id INTEGER PRIMARY KEY REFERENCES providers (id) ON DELETE CASCADE,
    escalation_level INTEGER NOT NULL,
    initial_failure TEXT,
    most_recent_failure TEXT,
    disabled_till TEXT
);
