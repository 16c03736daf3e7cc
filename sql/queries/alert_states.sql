-- What Slack was last told about each alert condition (see callscript_dagster/alerts.py).
SELECT alert_key, firing, summary, started_at, notified_at FROM core.alert_state
