-- Custom formats, with their conditions as JSON (name, implementation,
-- switches and field values, as exported formats carry them).
CREATE TABLE custom_formats (
    id SERIAL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    include_custom_format_when_renaming BOOLEAN NOT NULL,
    specifications JSONB NOT NULL
);

-- Terms a release title must or must not contain, per indexer and tags.
CREATE TABLE release_profiles (
    id SERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    enabled BOOLEAN NOT NULL,
    required JSONB NOT NULL,
    ignored JSONB NOT NULL,
    indexer_id INTEGER NOT NULL,
    tags JSONB NOT NULL
);

-- How long releases wait for better ones, per tags; the first row is
-- Radarr's default profile (id 1, no tags, last in order), which is never
-- deleted. It takes the sequence's first value, so later rows follow it.
CREATE TABLE delay_profiles (
    id SERIAL PRIMARY KEY,
    enable_usenet BOOLEAN NOT NULL,
    enable_torrent BOOLEAN NOT NULL,
    preferred_protocol INTEGER NOT NULL,
    usenet_delay INTEGER NOT NULL,
    torrent_delay INTEGER NOT NULL,
    bypass_if_highest_quality BOOLEAN NOT NULL,
    bypass_if_above_custom_format_score BOOLEAN NOT NULL,
    minimum_custom_format_score INTEGER NOT NULL,
    sort_order INTEGER NOT NULL,
    tags JSONB NOT NULL
);
INSERT INTO delay_profiles (enable_usenet, enable_torrent, preferred_protocol, usenet_delay,
    torrent_delay, bypass_if_highest_quality, bypass_if_above_custom_format_score,
    minimum_custom_format_score, sort_order, tags)
VALUES (TRUE, TRUE, 1, 0, 0, FALSE, FALSE, 0, 2147483647, '[]');

-- Settings by Radarr's key, each value as JSON text; a key never saved
-- has Radarr's default.
CREATE TABLE config (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
