-- The TMDB collections library movies belong to, with the movies TMDB lists
-- in each (as JSON: they are read and written with their collection).
CREATE TABLE collections (
    id SERIAL PRIMARY KEY,
    tmdb_id INTEGER NOT NULL UNIQUE,
    title TEXT NOT NULL,
    sort_title TEXT NOT NULL,
    clean_title TEXT NOT NULL,
    overview TEXT NOT NULL,
    images JSONB NOT NULL,
    monitored BOOLEAN NOT NULL,
    quality_profile_id INTEGER NOT NULL,
    root_folder_path TEXT NOT NULL,
    minimum_availability INTEGER NOT NULL,
    search_on_add BOOLEAN NOT NULL,
    tags JSONB NOT NULL,
    added TIMESTAMPTZ NOT NULL,
    last_info_sync TIMESTAMPTZ,
    parts JSONB NOT NULL
);
