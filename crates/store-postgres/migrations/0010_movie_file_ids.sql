-- Kept in step with SQLite's tenth migration, which makes movie file ids
-- never given again. An identity column never gives an id twice already:
-- nothing to change here.
SELECT 1;
