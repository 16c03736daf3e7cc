INSERT INTO core.recordings AS r (call_id, storage_key, storage_uri, bytes, sha256, content_type, duration_seconds,
                                  channels, sample_rate, codec, download_seconds, run_id)
VALUES (%(call_id)s, %(storage_key)s, %(storage_uri)s, %(bytes)s, %(sha256)s, %(content_type)s,
        %(duration_seconds)s, %(channels)s, %(sample_rate)s, %(codec)s, %(download_seconds)s, %(run_id)s)
ON CONFLICT (call_id) DO UPDATE SET
    storage_key = excluded.storage_key, storage_uri = excluded.storage_uri, bytes = excluded.bytes,
    sha256 = excluded.sha256, content_type = excluded.content_type, duration_seconds = excluded.duration_seconds,
    channels = excluded.channels, sample_rate = excluded.sample_rate, codec = excluded.codec,
    download_seconds = excluded.download_seconds, run_id = excluded.run_id, vaulted_at = now()
