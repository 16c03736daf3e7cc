INSERT INTO core.transcripts AS t (call_id, language, model, device, compute_type, diarization, turns, words,
                                   full_text, audio_seconds, compute_seconds, gpu_cost_usd, run_id)
VALUES (%(call_id)s, %(language)s, %(model)s, %(device)s, %(compute_type)s, %(diarization)s, %(turns)s, %(words)s,
        %(full_text)s, %(audio_seconds)s, %(compute_seconds)s, %(gpu_cost_usd)s, %(run_id)s)
ON CONFLICT (call_id) DO UPDATE SET
    language = excluded.language, model = excluded.model, device = excluded.device,
    compute_type = excluded.compute_type, diarization = excluded.diarization, turns = excluded.turns,
    words = excluded.words, full_text = excluded.full_text, audio_seconds = excluded.audio_seconds,
    compute_seconds = excluded.compute_seconds, gpu_cost_usd = excluded.gpu_cost_usd, run_id = excluded.run_id
