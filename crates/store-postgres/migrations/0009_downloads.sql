-- Where a download client's folders are on this machine.
CREATE TABLE remote_path_mappings (
    id SERIAL PRIMARY KEY,
    host TEXT NOT NULL,
    remote_path TEXT NOT NULL,
    local_path TEXT NOT NULL
);

-- The downloads the library follows (the queue): keyed by client and the
-- client's download id, the rest as a JSON document only the queue reads.
-- A download outlives its movie (the queue shows it as unknown).
CREATE TABLE tracked_downloads (
    id SERIAL PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    download_id TEXT NOT NULL,
    movie_id INTEGER REFERENCES movies (id) ON DELETE SET NULL,
    data JSONB NOT NULL,
    UNIQUE (client_id, download_id)
);
CREATE INDEX tracked_downloads_movie ON tracked_downloads (movie_id);

-- Releases that failed or were turned down, so they are not grabbed again.
CREATE TABLE blocklist (
    id SERIAL PRIMARY KEY,
    movie_id INTEGER NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
    source_title TEXT NOT NULL,
    quality JSONB NOT NULL,
    languages JSONB NOT NULL,
    custom_formats JSONB NOT NULL,
    date TIMESTAMPTZ NOT NULL,
    published_date TIMESTAMPTZ,
    size BIGINT,
    protocol INTEGER NOT NULL,
    indexer TEXT,
    message TEXT,
    torrent_info_hash TEXT
);
CREATE INDEX blocklist_movie ON blocklist (movie_id);
