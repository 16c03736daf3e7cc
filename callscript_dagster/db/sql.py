"""SQL lives in `.sql` files under `sql/` (migrations/ and queries/), loaded by name — not in Python strings."""

from __future__ import annotations

import functools
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def sql_root() -> Path:
    """`sql/` of the checkout (editable installs, tests) or the copy packed into the wheel."""
    for candidate in (_PACKAGE.parent / "sql", _PACKAGE / "_sql"):
        if (candidate / "migrations").is_dir():
            return candidate
    raise FileNotFoundError("no sql/ directory found beside or inside the callscript_dagster package")


@functools.cache
def query(name: str) -> str:
    """The text of `sql/queries/<name>.sql`."""
    return (sql_root() / "queries" / f"{name}.sql").read_text(encoding="utf-8")
