-- 0003: what the Judge lane produces. History is kept: judging a call under a new policy adds a row; judging it
-- again under the same policy (after its transcript was redone, say) replaces that policy's row.

CREATE TABLE core.judgments (
    judgment_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    call_id            text NOT NULL REFERENCES core.calls (call_id),
    policy_version     text NOT NULL,
    policy_fingerprint text NOT NULL,
    verdict            text NOT NULL CHECK (verdict IN ('flagged', 'safe', 'needs_review')),
    mode               text NOT NULL CHECK (mode IN ('rules-only', 'rules+llm')),
    model              text,
    findings           jsonb NOT NULL,   -- [{rule_id, severity, speaker, start, end, quote, rationale, source, confidence}]
    reasons            jsonb NOT NULL,
    dropped            jsonb NOT NULL DEFAULT '[]'::jsonb,
    llm_summary        text,
    tokens_in          integer NOT NULL DEFAULT 0,
    tokens_out         integer NOT NULL DEFAULT 0,
    cost_usd           numeric(12, 6) NOT NULL DEFAULT 0,
    run_id             text,
    judged_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (call_id, policy_version, policy_fingerprint)
);
CREATE INDEX judgments_verdict_idx ON core.judgments (verdict, judged_at);

-- Each call's most recent judgment: what a compliance reviewer works from.
CREATE VIEW core.latest_judgments AS
SELECT DISTINCT ON (call_id) *
FROM core.judgments
ORDER BY call_id, judged_at DESC, judgment_id DESC;
