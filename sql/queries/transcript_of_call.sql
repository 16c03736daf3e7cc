-- One JSON document for the whole transcript, as text: the judge validates it in one pass (pydantic parses the
-- JSON itself), rather than psycopg decoding every word into Python objects that are then validated again.
SELECT json_build_object(
    'turns', turns, 'words', words, 'language', coalesce(language, 'en'), 'duration', audio_seconds
)::text AS transcript
FROM core.transcripts
WHERE call_id = %(call_id)s
