-- 0002: what the Vault and Factory lanes produce, one row per call.

CREATE TABLE core.recordings (
    call_id          text PRIMARY KEY REFERENCES core.calls (call_id),
    storage_key      text NOT NULL,
    storage_uri      text NOT NULL,
    bytes            bigint NOT NULL CHECK (bytes > 0),
    sha256           text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content_type     text NOT NULL,
    duration_seconds double precision NOT NULL CHECK (duration_seconds >= 0),
    channels         smallint NOT NULL CHECK (channels > 0),
    sample_rate      integer NOT NULL CHECK (sample_rate > 0),
    codec            text,
    download_seconds double precision,
    run_id           text,
    vaulted_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE core.transcripts (
    call_id          text PRIMARY KEY REFERENCES core.calls (call_id),
    language         text,
    model            text NOT NULL,
    device           text NOT NULL,
    compute_type     text NOT NULL,
    diarization      text NOT NULL CHECK (diarization IN ('channels', 'pyannote', 'none')),
    turns            jsonb NOT NULL,   -- [{speaker, start, end, text}]
    words            jsonb NOT NULL,   -- [{start, end, text, speaker, probability}]
    full_text        text NOT NULL,
    audio_seconds    double precision NOT NULL CHECK (audio_seconds >= 0),
    compute_seconds  double precision NOT NULL CHECK (compute_seconds >= 0),
    realtime_factor  double precision GENERATED ALWAYS AS (audio_seconds / nullif(compute_seconds, 0)) STORED,
    gpu_cost_usd     numeric(12, 6),
    run_id           text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER transcripts_touch BEFORE UPDATE ON core.transcripts
    FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();
