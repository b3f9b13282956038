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
