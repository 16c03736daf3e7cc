-- One call's standing in one lane.
SELECT status, last_run_id, claimed_by, error_class FROM core.call_lanes WHERE call_id = %(call_id)s AND lane = %(lane)s
