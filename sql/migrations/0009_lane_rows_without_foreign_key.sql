-- 0009: lane rows no longer check a foreign key to core.calls. Every lane row is created by the same statement
-- that inserted its call (ingest) or from an existing lane row (the next lane), and calls are never deleted, so
-- the check only cost ingest time: about 15 % of the ingest upsert (bench/ingest_upsert.py).

ALTER TABLE core.call_lanes DROP CONSTRAINT call_lanes_call_id_fkey;
