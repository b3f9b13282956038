-- What happened to each movie's releases, newest looked up first.
CREATE TABLE history (
    id SERIAL PRIMARY KEY,
    movie_id INTEGER NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
    source_title TEXT NOT NULL,
    quality JSONB NOT NULL,
    languages JSONB NOT NULL,
    custom_formats JSONB NOT NULL,
    custom_format_score INTEGER NOT NULL,
    date TIMESTAMPTZ NOT NULL,
    download_id TEXT,
    event_type INTEGER NOT NULL,
    data JSONB NOT NULL
);
CREATE INDEX history_movie ON history (movie_id, date);
CREATE INDEX history_date ON history (date);
CREATE INDEX history_download ON history (download_id);
