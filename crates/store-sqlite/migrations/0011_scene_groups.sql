-- A profile may turn down releases of groups whose reputation is below a
-- score; 0 (no group scores below it) leaves existing profiles as they were.
ALTER TABLE quality_profiles ADD COLUMN min_reputation_score INTEGER NOT NULL DEFAULT 0;

-- Each release group's reputation. Groups are one group whatever the case
-- of their name, so the lowercased name is the key and the name keeps the
-- case first seen; the parts of the score are one JSON document only the
-- reputation pages read.
CREATE TABLE scene_groups (
    name_key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    score REAL NOT NULL,
    components TEXT NOT NULL,
    sample_size INTEGER NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX scene_groups_score ON scene_groups (score);

-- The tracker releases an analysis has read, so a restarted analysis goes
-- on where it stopped and a complete one can tell which the tracker no
-- longer lists (seen_run older than its run); removed with their indexer.
CREATE TABLE tracker_releases (
    indexer_id INTEGER NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    torrent_id INTEGER NOT NULL,
    group_name TEXT NOT NULL,
    release_key TEXT NOT NULL,
    revision INTEGER NOT NULL,
    quality INTEGER NOT NULL,
    seeders INTEGER NOT NULL,
    leechers INTEGER NOT NULL,
    completions INTEGER NOT NULL,
    internal INTEGER NOT NULL,
    freeleech INTEGER NOT NULL,
    size INTEGER NOT NULL,
    added TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    seen_run INTEGER NOT NULL,
    PRIMARY KEY (indexer_id, torrent_id)
) WITHOUT ROWID;

-- What an indexer's last failure said, so health can say why it is left alone.
ALTER TABLE indexer_status ADD COLUMN last_failure TEXT;
