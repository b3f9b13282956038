-- The TMDB collections library movies belong to, with the movies TMDB lists
-- in each (as JSON: they are read and written with their collection).
CREATE TABLE collections (
    id INTEGER PRIMARY KEY,
    tmdb_id INTEGER NOT NULL UNIQUE,
    title TEXT NOT NULL,
    sort_title TEXT NOT NULL,
    clean_title TEXT NOT NULL,
    overview TEXT NOT NULL,
    images TEXT NOT NULL,
    monitored INTEGER NOT NULL,
    quality_profile_id INTEGER NOT NULL,
    root_folder_path TEXT NOT NULL,
    minimum_availability INTEGER NOT NULL,
    search_on_add INTEGER NOT NULL,
    tags TEXT NOT NULL,
    added TEXT NOT NULL,
    last_info_sync TEXT,
    parts TEXT NOT NULL
);
