-- After a full pass over a day: Ringba's total for it, for the ingest completeness check.
INSERT INTO core.ingest_totals AS t (partition_date, reported_total, fetched, rejected, run_id)
VALUES (%(day)s, %(reported_total)s, %(fetched)s, %(rejected)s, %(run_id)s)
ON CONFLICT (partition_date) DO UPDATE SET
    reported_total = excluded.reported_total, fetched = excluded.fetched, rejected = excluded.rejected,
    run_id = excluded.run_id, counted_at = now()
