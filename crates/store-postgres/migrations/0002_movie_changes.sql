-- Which movies each library write touched, by the revision it made: an
-- instance holding a rendered list patches the movies named here instead of
-- reading the whole library again, whichever instance made the change.

CREATE TABLE movie_changes (
    revision BIGINT NOT NULL,
    movie_id INTEGER NOT NULL
);
CREATE INDEX movie_changes_by_revision ON movie_changes (revision);

-- Every write after this revision is in movie_changes; older ones are pruned.
ALTER TABLE library_revision ADD COLUMN changes_kept_after BIGINT NOT NULL DEFAULT 0;
UPDATE library_revision SET changes_kept_after = revision;

-- The statement's bump (a BEFORE trigger, so it has run) names the revision.
CREATE FUNCTION record_movie_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    movie INTEGER;
BEGIN
    IF TG_OP = 'DELETE' THEN
        movie := OLD.id;
    ELSE
        movie := NEW.id;
    END IF;
    INSERT INTO movie_changes (revision, movie_id)
        SELECT revision, movie FROM library_revision WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE FUNCTION record_movie_file_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    movie INTEGER;
BEGIN
    IF TG_OP = 'DELETE' THEN
        movie := OLD.movie_id;
    ELSE
        movie := NEW.movie_id;
    END IF;
    INSERT INTO movie_changes (revision, movie_id)
        SELECT revision, movie FROM library_revision WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER movies_changes AFTER INSERT OR UPDATE OR DELETE ON movies
    FOR EACH ROW EXECUTE FUNCTION record_movie_change();
CREATE TRIGGER movie_files_changes AFTER INSERT OR UPDATE OR DELETE ON movie_files
    FOR EACH ROW EXECUTE FUNCTION record_movie_file_change();

-- The bump now also forgets all but the last 1,024 writes' changes.
CREATE OR REPLACE FUNCTION bump_library_revision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bumped BIGINT;
BEGIN
    UPDATE library_revision SET revision = revision + 1 WHERE id = 1
        RETURNING revision INTO bumped;
    IF bumped % 64 = 0 THEN
        DELETE FROM movie_changes WHERE revision <= bumped - 1024;
        UPDATE library_revision
            SET changes_kept_after = GREATEST(changes_kept_after, bumped - 1024)
            WHERE id = 1;
    END IF;
    RETURN NULL;
END;
$$;
