-- A movie file's id is never given again, as Radarr's are not: clients such
-- as Bazarr tell a replaced file from the one before by its id. Without
-- AUTOINCREMENT, SQLite gives the highest id again once its row is deleted,
-- and an upgrade deletes the movie's file row before it adds the new one.
CREATE TABLE movie_files_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    movie_id INTEGER NOT NULL UNIQUE REFERENCES movies (id) ON DELETE CASCADE,
    relative_path TEXT NOT NULL,
    size INTEGER NOT NULL,
    date_added TEXT NOT NULL,
    scene_name TEXT,
    release_group TEXT,
    edition TEXT NOT NULL DEFAULT '',
    languages TEXT NOT NULL,
    quality TEXT NOT NULL,
    indexer_flags INTEGER NOT NULL DEFAULT 0,
    media_info TEXT,
    original_file_path TEXT
);

INSERT INTO movie_files_new (id, movie_id, relative_path, size, date_added, scene_name,
    release_group, edition, languages, quality, indexer_flags, media_info, original_file_path)
SELECT id, movie_id, relative_path, size, date_added, scene_name, release_group, edition,
    languages, quality, indexer_flags, media_info, original_file_path
FROM movie_files;

DROP TABLE movie_files;
ALTER TABLE movie_files_new RENAME TO movie_files;
