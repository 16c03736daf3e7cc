-- What the ingest completeness check of a day compares: Ringba's own total from the day's last full pass, the
-- calls stored for the day, and the records that pass rejected (the first ten, with their reasons).
SELECT t.reported_total, t.fetched, t.rejected, t.run_id, t.counted_at,
       (SELECT count(*) FROM core.calls WHERE partition_date = %(day)s) AS stored,
       (SELECT array_agg(coalesce(r.call_id, '(no id)') || ': ' || r.reason ORDER BY r.rejection_id)
        FROM (SELECT call_id, reason, rejection_id FROM core.ingest_rejections
              WHERE partition_date = %(day)s AND run_id IS NOT DISTINCT FROM t.run_id
              ORDER BY rejection_id LIMIT 10) r) AS rejections
FROM (SELECT %(day)s::date AS day) d
LEFT JOIN core.ingest_totals t ON t.partition_date = d.day
