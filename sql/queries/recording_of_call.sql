SELECT storage_key, duration_seconds, channels FROM core.recordings WHERE call_id = %(call_id)s
