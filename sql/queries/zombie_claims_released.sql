-- Claims of runs that stopped or timed out, released in the last %(window)s (by a lane run or the reaper;
-- release_zombies.sql writes these events).
SELECT count(*) AS claims,
       coalesce(string_agg(DISTINCT lane, ', '), '') AS lanes,
       (array_agg(DISTINCT substring(message FROM '^claim released: run (\S+)')))[1:3] AS runs,
       max(at) AS last_at
FROM core.call_events
WHERE to_status = 'failed' AND message LIKE 'claim released:%%' AND at > clock_timestamp() - %(window)s
