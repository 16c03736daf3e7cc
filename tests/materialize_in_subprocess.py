"""Materialize lane assets for one partition in a process of its own (tests run several at once, or kill one).

    python tests/materialize_in_subprocess.py DB_URL DAGSTER_STORAGE_URL RINGBA_URL VAULT_ROOT PARTITION ASSET...

Ringba page size and rate come from RINGBA_PAGE_SIZE / RINGBA_MAX_RPS; everything else from the environment too.
"""

import os
import sys
from pathlib import Path

import dagster as dg

from callscript_dagster.resources.vault import VaultResource

from harness import lane_resources, materialize

db_url, storage_url, ringba_url, vault_root, partition, *assets = sys.argv[1:]
resources = lane_resources(
    db_url,
    ringba_url,
    Path(vault_root),
    page_size=int(os.environ.get("RINGBA_PAGE_SIZE", "1000")),
    max_rps=float(os.environ.get("RINGBA_MAX_RPS", "4")),
    claim_timeout_seconds=int(os.environ.get("CALLSCRIPT_CLAIM_TIMEOUT_SECONDS", "300")),
    vault=VaultResource(
        recording_hosts=["127.0.0.1"],
        allow_private_addresses=True,
        concurrency=int(os.environ.get("CALLSCRIPT_VAULT_CONCURRENCY", "8")),
        download_timeout_seconds=float(os.environ.get("CALLSCRIPT_DOWNLOAD_TIMEOUT_SECONDS", "600")),
    ),
)
with dg.instance_for_test(overrides={"storage": {"postgres": {"postgres_url": storage_url}}}) as instance:
    result = materialize(instance, resources, partition, *assets)
sys.exit(0 if result.success else 1)
