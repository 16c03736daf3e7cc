-- How far the near-real-time ingest has read this account.
SELECT read_through FROM core.ingest_cursors WHERE account_id = %(account_id)s
