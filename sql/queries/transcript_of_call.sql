SELECT turns, words, language, audio_seconds FROM core.transcripts WHERE call_id = %(call_id)s
