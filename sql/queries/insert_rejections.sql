INSERT INTO core.ingest_rejections (partition_date, run_id, call_id, reason, record)
VALUES (%(partition_date)s, %(run_id)s, %(call_id)s, %(reason)s, %(record)s)
