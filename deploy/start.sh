#!/usr/bin/env bash
# Start CallScript under supervisord: load the env file, apply migrations, exec supervisord in the foreground
# (so a container or systemd unit watches supervisord itself).
#
#   deploy/start.sh [ENV_FILE]      (default: $CALLSCRIPT_ENV_FILE, else /etc/callscript/callscript.env)
#
# The env file holds KEY=value lines (DATABASE_URL, RINGBA_*, SLACK_*, SENTRY_DSN, CALLSCRIPT_*); keep it
# readable by the service user only. Nothing here prints a value from it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

env_file="${1:-${CALLSCRIPT_ENV_FILE:-/etc/callscript/callscript.env}}"
if [[ -f "$env_file" ]]; then
    set -a
    # shellcheck disable=SC1090
    . "$env_file"
    set +a
elif [[ $# -gt 0 ]]; then
    echo "start.sh: env file $env_file not found" >&2
    exit 2
fi

if [[ -z "${DATABASE_URL:-}" ]]; then
    echo "start.sh: set DATABASE_URL (a supervised deployment uses a PostgreSQL server you run)" >&2
    exit 2
fi

export CALLSCRIPT_HOME="${CALLSCRIPT_HOME:-/var/lib/callscript}"
export CALLSCRIPT_LOG_DIR="${CALLSCRIPT_LOG_DIR:-$CALLSCRIPT_HOME/logs}"
export CALLSCRIPT_RUN_DIR="${CALLSCRIPT_RUN_DIR:-$CALLSCRIPT_HOME/run}"
# supervisord rotates each program's log at this size and keeps this many old files.
export CALLSCRIPT_LOG_MAXBYTES="${CALLSCRIPT_LOG_MAXBYTES:-50MB}"
export CALLSCRIPT_LOG_BACKUPS="${CALLSCRIPT_LOG_BACKUPS:-10}"
export CALLSCRIPT_BIN="${CALLSCRIPT_BIN:-$(command -v callscript)}"
supervisord="${SUPERVISORD:-$(dirname "$CALLSCRIPT_BIN")/supervisord}"
[[ -x "$supervisord" ]] || supervisord="$(command -v supervisord)"

mkdir -p "$CALLSCRIPT_LOG_DIR" "$CALLSCRIPT_RUN_DIR"
"$CALLSCRIPT_BIN" db migrate
exec "$supervisord" -n -c "$here/supervisord.conf"
