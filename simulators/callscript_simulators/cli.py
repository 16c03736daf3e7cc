"""`callscript simulate ...`: run a local simulator of an external service in the foreground."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from callscript_simulators.server import serve_forever

app = typer.Typer(no_args_is_help=True, help="Run contract-faithful local simulators of external services.")


@app.callback()
def simulate() -> None:
    """Run contract-faithful local simulators of external services."""


@app.command()
def ringba(
    port: int = typer.Option(8099, help="Port to listen on (0: any free port)."),
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    calls_per_day: int = typer.Option(200, min=0, help="Synthetic calls for every UTC day."),
    seed: int = typer.Option(7, help="Same seed, same calls."),
    account_id: str = typer.Option("RA_demo", help="The simulated Ringba account id."),
    token: str = typer.Option("demo-token", help="The API token the simulator accepts."),
    expired_fraction: float = typer.Option(
        0.0, min=0, max=1, help="Share of calls first listed with an expired URL."
    ),
    deleted_fraction: float = typer.Option(
        0.0, min=0, max=1, help="Share of calls whose recording is gone (404)."
    ),
    malformed_fraction: float = typer.Option(0.0, min=0, max=1, help="Share of malformed call-log records."),
    url_ttl_seconds: int = typer.Option(3600, min=1, help="Lifetime of the recording URLs handed out."),
    recordings_dir: Path | None = typer.Option(None, help="Recordings and manifest.json (default: shipped)."),
) -> None:
    """Ringba's call-log API and recording URLs, with calls arriving through each day."""
    from callscript_simulators.ringba import DEFAULT_RECORDINGS_DIR, RingbaSimulator

    try:
        sim = RingbaSimulator(
            account_id=account_id,
            token=token,
            seed=seed,
            calls_per_day=calls_per_day,
            recordings_dir=recordings_dir or DEFAULT_RECORDINGS_DIR,
            url_ttl_seconds=url_ttl_seconds,
            expired_fraction=expired_fraction,
            deleted_fraction=deleted_fraction,
            malformed_fraction=malformed_fraction,
        )
    except (OSError, ValueError) as exc:
        typer.echo(f"cannot start the Ringba simulator: {exc}", err=True)
        raise typer.Exit(2) from exc

    def announce(url: str) -> None:
        typer.echo(f"Ringba simulator listening on {url} (account {account_id}, {calls_per_day} calls/day)")
        typer.echo("Point CallScript at it with:")
        typer.echo(f"  export RINGBA_BASE_URL={url} RINGBA_ACCOUNT_ID={account_id} RINGBA_API_TOKEN={token}")

    serve_forever(sim.app, host, port, on_ready=announce)


@app.command()
def openai(
    port: int = typer.Option(8098, help="Port to listen on (0: any free port)."),
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    api_key: str = typer.Option("sk-sim-demo", help="The API key the simulator accepts."),
    model: list[str] = typer.Option(["sim-judge-1"], help="Model name served (repeat for more)."),
    requests_per_minute: int = typer.Option(0, min=0, help="Rate limit (0: none)."),
    latency_seconds: float = typer.Option(0.0, min=0, help="Time each answer takes."),
) -> None:
    """OpenAI's Chat Completions (structured outputs), judging calls by a trigger-phrase heuristic."""
    from callscript_simulators.openai import OpenAISimulator

    sim = OpenAISimulator(
        api_key=api_key,
        models=model,
        requests_per_minute=requests_per_minute or None,
        latency_seconds=latency_seconds,
    )

    def announce(url: str) -> None:
        typer.echo(f"OpenAI simulator listening on {url}/v1 (models: {', '.join(model)})")
        typer.echo("Point CallScript at it with:")
        typer.echo(
            f"  export OPENAI_BASE_URL={url}/v1 OPENAI_API_KEY={api_key} CALLSCRIPT_JUDGE_MODEL={model[0]}"
        )

    serve_forever(sim.app, host, port, on_ready=announce)


@app.command()
def slack(
    port: int = typer.Option(8097, help="Port to listen on (0: any free port)."),
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    channel: list[str] = typer.Option(
        ["#alerts"], help="Channel chat.postMessage accepts (repeat for more)."
    ),
    max_per_second: int = typer.Option(
        1, min=0, help="Messages per second per destination before 429 (0: no limit)."
    ),
) -> None:
    """Slack's Incoming Webhooks and chat.postMessage; prints every message it accepts."""
    from callscript_simulators.slack import DEFAULT_BOT_TOKEN, SlackSimulator

    def show(message) -> None:
        typer.echo(f"[{message.via} {message.destination}] {message.text}")

    sim = SlackSimulator(channels=tuple(channel), max_per_second=max_per_second or None, on_message=show)

    def announce(url: str) -> None:
        typer.echo(f"Slack simulator listening on {url} (messages also at {url}/_simulator/messages)")
        typer.echo("Point CallScript at it with either:")
        typer.echo(f"  export SLACK_WEBHOOK_URL={sim.webhook_url(url)}")
        typer.echo(
            f"  export SLACK_API_URL={url}/api/ SLACK_BOT_TOKEN={DEFAULT_BOT_TOKEN} SLACK_CHANNEL={channel[0]}"
        )

    serve_forever(sim.app, host, port, on_ready=announce)


@app.command()
def runpod(
    port: int = typer.Option(8096, help="Port to listen on (0: any free port)."),
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    api_key: str = typer.Option("", help="The API key the simulator accepts (default: a simulated one)."),
    no_capacity: list[str] = typer.Option([], help="GPU type or data center with no free machine (repeat)."),
    start_seconds: float = typer.Option(0.5, min=0, help="Image pull time of every pod."),
    die_after_seconds: float = typer.Option(
        0, min=0, help="Containers die this long after starting (0: never)."
    ),
    self_delete_refused: bool = typer.Option(False, help="Pods cannot delete themselves (the reaper must)."),
) -> None:
    """RunPod's pod API (REST v2); each pod really runs its command here, as a local process."""
    from callscript_simulators.runpod import DEFAULT_API_KEY, RunPodSimulator

    sim = RunPodSimulator(
        api_key=api_key or DEFAULT_API_KEY,
        start_seconds=start_seconds,
        die_after_seconds=die_after_seconds or None,
    )
    sim.no_capacity.update(no_capacity)
    sim.self_delete_refused = self_delete_refused

    def announce(url: str) -> None:
        typer.echo(f"RunPod simulator listening on {url}/v2 (GPU types: {', '.join(sim.gpu_types)})")
        typer.echo(f"Pods run here as local processes; their output goes to {sim.logs_dir}")
        typer.echo("Point CallScript at it with:")
        typer.echo(
            f"  export CALLSCRIPT_RUNPOD_API_URL={url} RUNPOD_API_KEY={sim.api_key} CALLSCRIPT_RUNPOD_IMAGE=callscript:local"
        )

    with sim.serve(host=host, port=port) as server:
        announce(server.url)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
