-- Every column of a movie's outline (the Wanted lists, RSS matching), so
-- reading 10,000 outlines scans this index rather than the movies' rows,
-- which their metadata documents make a few kilobytes each.
CREATE INDEX movies_outline ON movies (
    id, tmdb_id, imdb_id, clean_title, sort_title, year, monitored, minimum_availability,
    quality_profile_id, in_cinemas, physical_release, digital_release, last_search_time
);
