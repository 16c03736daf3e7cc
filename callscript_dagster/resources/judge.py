"""The LLM half of the Judge as a Dagster resource: an `LlmJudge` for the run when a model is configured."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

import dagster as dg
from pydantic import PrivateAttr

from callscript_dagster.judge.llm import LlmJudge

log = logging.getLogger(__name__)


class JudgeResource(dg.ConfigurableResource):
    """The LLM judge's configuration. An empty `model` means rules-only judging. The key comes from the
    environment (`dg.EnvVar("OPENAI_API_KEY")`) and never appears in logs, run config or error messages."""

    model: str = ""
    base_url: str | None = None
    api_key: str | None = None
    min_confidence: float = 0.6
    input_usd_per_mtok: float = 0.0
    output_usd_per_mtok: float = 0.0
    timeout_seconds: float = 60.0
    concurrency: int = 4  # LLM requests in flight per run
    retry_wait_seconds: float = 1.0  # first back-off of the retry policy (tests: 0)

    _llm: LlmJudge | None = PrivateAttr(default=None)

    @contextlib.contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator[JudgeResource]:
        if not self.model:
            yield self
            return
        with LlmJudge(
            model=self.model,
            api_key=self.api_key,
            base_url=self.base_url,
            min_confidence=self.min_confidence,
            input_usd_per_mtok=self.input_usd_per_mtok,
            output_usd_per_mtok=self.output_usd_per_mtok,
            timeout_seconds=self.timeout_seconds,
            initial_wait=self.retry_wait_seconds,
            # called from the lane's worker threads: Python logging, not Dagster's (not thread-safe)
            on_retry=lambda exc, wait: log.warning("LLM judge: %s; retrying in %.1fs", exc, wait),
        ) as llm:
            self._llm = llm
            try:
                yield self
            finally:
                self._llm = None

    @property
    def llm(self) -> LlmJudge | None:
        """The run's LLM judge, shared by its threads; None in rules-only mode."""
        return self._llm

    @property
    def mode(self) -> str:
        return f"rules+llm ({self.model})" if self.model else "rules-only (no LLM configured)"
