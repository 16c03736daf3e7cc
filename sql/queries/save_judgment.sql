INSERT INTO core.judgments (call_id, policy_version, policy_fingerprint, verdict, mode, model, findings, reasons,
                            dropped, llm_summary, tokens_in, tokens_out, cost_usd, run_id)
VALUES (%(call_id)s, %(policy_version)s, %(policy_fingerprint)s, %(verdict)s, %(mode)s, %(model)s, %(findings)s,
        %(reasons)s, %(dropped)s, %(llm_summary)s, %(tokens_in)s, %(tokens_out)s, %(cost_usd)s, %(run_id)s)
ON CONFLICT (call_id, policy_version, policy_fingerprint) DO UPDATE SET
    verdict = excluded.verdict, mode = excluded.mode, model = excluded.model, findings = excluded.findings,
    reasons = excluded.reasons, dropped = excluded.dropped, llm_summary = excluded.llm_summary,
    tokens_in = excluded.tokens_in, tokens_out = excluded.tokens_out, cost_usd = excluded.cost_usd,
    run_id = excluded.run_id, judged_at = now()
