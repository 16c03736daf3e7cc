"""The Judge: deterministic policy rules plus an optional LLM, combined into a verdict with evidence."""
