"""Materialize one `ringba_calls` partition in a process of its own (tests run two at once).

    python tests/ingest_in_subprocess.py DB_URL DAGSTER_STORAGE_URL RINGBA_URL PARTITION PAGE_SIZE MAX_RPS
"""

import sys

import dagster as dg

from callscript_dagster.assets.ringba_calls import build_ringba_calls
from callscript_dagster.partitions import daily_partitions
from callscript_dagster.resources.database import DatabaseResource
from callscript_dagster.resources.ringba import RingbaResource
from callscript_dagster.settings import Settings

db_url, storage_url, ringba_url, partition, page_size, max_rps = sys.argv[1:]
database = DatabaseResource(url=db_url)
with dg.instance_for_test(overrides={"storage": {"postgres": {"postgres_url": storage_url}}}) as instance:
    result = dg.materialize(
        [build_ringba_calls(daily_partitions(Settings()))],
        partition_key=partition,
        instance=instance,
        resources={
            "database": database,
            "ringba": RingbaResource(
                account_id="RA_test",
                api_token="test-token",
                base_url=ringba_url,
                page_size=int(page_size),
                max_requests_per_second=float(max_rps),
                database=database,
            ),
        },
    )
sys.exit(0 if result.success else 1)
