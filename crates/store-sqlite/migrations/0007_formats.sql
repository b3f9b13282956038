-- Custom formats, with their conditions as JSON (name, implementation,
-- switches and field values, as exported formats carry them).
CREATE TABLE custom_formats (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    include_custom_format_when_renaming INTEGER NOT NULL,
    specifications TEXT NOT NULL
);

-- Terms a release title must or must not contain, per indexer and tags.
CREATE TABLE release_profiles (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    required TEXT NOT NULL,
    ignored TEXT NOT NULL,
    indexer_id INTEGER NOT NULL,
    tags TEXT NOT NULL
);

-- How long releases wait for better ones, per tags; the first row is
-- Radarr's default profile (id 1, no tags, last in order), which is never
-- deleted.
CREATE TABLE delay_profiles (
    id INTEGER PRIMARY KEY,
    enable_usenet INTEGER NOT NULL,
    enable_torrent INTEGER NOT NULL,
    preferred_protocol INTEGER NOT NULL,
    usenet_delay INTEGER NOT NULL,
    torrent_delay INTEGER NOT NULL,
    bypass_if_highest_quality INTEGER NOT NULL,
    bypass_if_above_custom_format_score INTEGER NOT NULL,
    minimum_custom_format_score INTEGER NOT NULL,
    sort_order INTEGER NOT NULL,
    tags TEXT NOT NULL
);
INSERT INTO delay_profiles (id, enable_usenet, enable_torrent, preferred_protocol, usenet_delay,
    torrent_delay, bypass_if_highest_quality, bypass_if_above_custom_format_score,
    minimum_custom_format_score, sort_order, tags)
VALUES (1, 1, 1, 1, 0, 0, 0, 0, 0, 2147483647, '[]');

-- Settings by Radarr's key, each value as JSON text; a key never saved
-- has Radarr's default.
CREATE TABLE config (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
