-- The movie library: profiles, definitions, root folders, tags, exclusions,
-- movies with their files, and title search.

CREATE TABLE quality_profiles (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    upgrade_allowed INTEGER NOT NULL,
    cutoff INTEGER NOT NULL,
    items TEXT NOT NULL,
    min_format_score INTEGER NOT NULL,
    cutoff_format_score INTEGER NOT NULL,
    min_upgrade_format_score INTEGER NOT NULL,
    format_items TEXT NOT NULL,
    language INTEGER NOT NULL
);

CREATE TABLE quality_definitions (
    id INTEGER PRIMARY KEY,
    quality INTEGER NOT NULL UNIQUE,
    title TEXT NOT NULL,
    weight INTEGER NOT NULL,
    min_size REAL,
    max_size REAL,
    preferred_size REAL
);

CREATE TABLE root_folders (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE
);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL UNIQUE
);

CREATE TABLE import_exclusions (
    id INTEGER PRIMARY KEY,
    tmdb_id INTEGER NOT NULL UNIQUE,
    movie_title TEXT NOT NULL,
    movie_year INTEGER NOT NULL
);

CREATE TABLE movies (
    id INTEGER PRIMARY KEY,
    tmdb_id INTEGER NOT NULL UNIQUE,
    imdb_id TEXT,
    title TEXT NOT NULL,
    sort_title TEXT NOT NULL,
    clean_title TEXT NOT NULL,
    search_text TEXT NOT NULL,
    year INTEGER NOT NULL,
    status INTEGER NOT NULL,
    in_cinemas TEXT,
    physical_release TEXT,
    digital_release TEXT,
    monitored INTEGER NOT NULL,
    minimum_availability INTEGER NOT NULL,
    quality_profile_id INTEGER NOT NULL REFERENCES quality_profiles (id),
    path TEXT NOT NULL,
    root_folder_path TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    add_options TEXT,
    added TEXT NOT NULL,
    last_search_time TEXT,
    images TEXT NOT NULL DEFAULT '[]',
    metadata TEXT NOT NULL
);

CREATE INDEX movies_year ON movies (year);
CREATE INDEX movies_added ON movies (added);
CREATE INDEX movies_sort_title ON movies (sort_title);
CREATE INDEX movies_imdb_id ON movies (imdb_id);
CREATE INDEX movies_quality_profile_id ON movies (quality_profile_id);
-- Title search orders its matches by title length and sort title: this index
-- holds both, so ordering hundreds of matches reads none of their rows,
-- which run to kilobytes each.
CREATE INDEX movies_search_order ON movies (id, title, sort_title);

CREATE TABLE movie_files (
    id INTEGER PRIMARY KEY,
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

-- Title search: an external-content FTS5 index over movies.search_text.
CREATE VIRTUAL TABLE movies_fts USING fts5 (
    search_text,
    content = 'movies',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Merge index segments sooner than FTS5's default of 4 per level: a search
-- reads every segment, and titles change seldom enough that the extra
-- merging on write is cheap.
INSERT INTO movies_fts (movies_fts, rank) VALUES ('automerge', 2);
-- Remove a deleted movie's entries from the index at once, rather than leave
-- markers every later search must step over.
INSERT INTO movies_fts (movies_fts, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER movies_fts_insert AFTER INSERT ON movies BEGIN
    INSERT INTO movies_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;

CREATE TRIGGER movies_fts_delete AFTER DELETE ON movies BEGIN
    INSERT INTO movies_fts (movies_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;

-- Only when the text changed: most updates (monitored, tags) leave it alone.
CREATE TRIGGER movies_fts_update AFTER UPDATE OF search_text ON movies
WHEN old.search_text IS NOT new.search_text BEGIN
    INSERT INTO movies_fts (movies_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO movies_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
