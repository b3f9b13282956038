-- Indexers, download clients and the other providers: an implementation, its
-- settings by Radarr's field names, and the switches of its kind, as JSON.
CREATE TABLE providers (
    id INTEGER PRIMARY KEY,
    kind INTEGER NOT NULL,
    name TEXT NOT NULL,
    implementation TEXT NOT NULL,
    config_contract TEXT NOT NULL,
    settings TEXT NOT NULL,
    options TEXT NOT NULL,
    tags TEXT NOT NULL,
    UNIQUE (kind, name)
);
