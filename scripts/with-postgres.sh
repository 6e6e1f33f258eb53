#!/usr/bin/env bash
# Start a throwaway local PostgreSQL cluster, run the given command with
# DATABASE_URL pointing at it, then stop and remove the cluster.
# Installs Debian's postgresql package when it is missing and we are root.
set -euo pipefail
cd "$(dirname "$0")/.."

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

PG_BIN="$(find_pg_bin)"
if [ -z "$PG_BIN" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "PostgreSQL is not installed, and installing it needs root (apt-get install postgresql)." >&2
        exit 1
    fi
    echo "Installing PostgreSQL (Debian package)…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PG_BIN="$(find_pg_bin)"
fi

PORT="${PG_TEST_PORT:-54329}"
WORK="$(mktemp -d /tmp/ccr-pg.XXXXXX)"
DATA="$WORK/data"
RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then
    # initdb and postgres refuse to run as root.
    chown -R postgres "$WORK"
    RUN_AS=(runuser -u postgres --)
fi

cleanup() {
    "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# autovacuum is off: each test rolls its data back, and statistics gathered
# between tests once flipped a wagtail-localize query to a plan that ran for
# many minutes; with no ANALYZE the plans stay those of an empty database.
"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA" -l "$WORK/server.log" -w \
    -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c autovacuum=off" start >/dev/null

"${RUN_AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres ccr
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PORT"
export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/ccr"
"$@"
