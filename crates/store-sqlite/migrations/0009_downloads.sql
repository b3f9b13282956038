-- Where a download client's folders are on this machine.
CREATE TABLE remote_path_mappings (
    id INTEGER PRIMARY KEY,
    host TEXT NOT NULL,
    remote_path TEXT NOT NULL,
    local_path TEXT NOT NULL
);

-- The downloads the library follows (the queue): keyed by client and the
-- client's download id, the rest as a JSON document only the queue reads.
-- A download outlives its movie (the queue shows it as unknown).
CREATE TABLE tracked_downloads (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    download_id TEXT NOT NULL,
    movie_id INTEGER REFERENCES movies (id) ON DELETE SET NULL,
    data TEXT NOT NULL,
    UNIQUE (client_id, download_id)
);
CREATE INDEX tracked_downloads_movie ON tracked_downloads (movie_id);

-- Releases that failed or were turned down, so they are not grabbed again.
CREATE TABLE blocklist (
    id INTEGER PRIMARY KEY,
    movie_id INTEGER NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
    source_title TEXT NOT NULL,
    quality TEXT NOT NULL,
    languages TEXT NOT NULL,
    custom_formats TEXT NOT NULL,
    date TEXT NOT NULL,
    published_date TEXT,
    size INTEGER,
    protocol INTEGER NOT NULL,
    indexer TEXT,
    message TEXT,
    torrent_info_hash TEXT
);
CREATE INDEX blocklist_movie ON blocklist (movie_id);
