-- The migrations applied to schema `core` (compared with the ones this release ships).
SELECT coalesce(array_agg(version ORDER BY version), '{}') AS versions FROM core.schema_migrations
