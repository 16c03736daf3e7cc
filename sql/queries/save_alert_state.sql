-- Remember what Slack was told about an alert condition, so the next tick (or the next daemon) neither repeats
-- nor forgets it.
INSERT INTO core.alert_state AS a (alert_key, firing, summary, started_at, notified_at, cleared_at)
VALUES (%(alert_key)s, %(firing)s, %(summary)s, %(started_at)s, %(notified_at)s, %(cleared_at)s)
ON CONFLICT (alert_key) DO UPDATE SET
    firing = excluded.firing, summary = excluded.summary, started_at = excluded.started_at,
    notified_at = excluded.notified_at, cleared_at = excluded.cleared_at
