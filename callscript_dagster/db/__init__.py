"""PostgreSQL: the server, the `core` migrations and the per-process connection pools."""

from callscript_dagster.db.migrate import migrate
from callscript_dagster.db.pool import pool_for
from callscript_dagster.db.server import DatabaseUrls, resolve_database_urls

__all__ = ["DatabaseUrls", "migrate", "pool_for", "resolve_database_urls"]
