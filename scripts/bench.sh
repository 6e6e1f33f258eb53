#!/usr/bin/env bash
# Search benchmark: 1,000 then 10,000 generated pages over the four languages,
# on SQLite and on a throwaway PostgreSQL cluster. Prints, for each, the median
# and p95 time of a search request through the whole Django stack and the
# indexing throughput. Nothing touches the development database. Then the HTTP
# benchmark (scripts/bench-http.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=portal.settings.test LOG_LEVEL=WARNING
SIZES="${BENCH_SIZES:-1000 10000}"

run_sizes() {
    .venv/bin/python manage.py migrate --noinput -v0
    for size in $SIZES; do
        .venv/bin/python manage.py bench_search --pages "$size"
    done
}
export -f run_sizes
export SIZES

DATABASES_TO_BENCH="${BENCH_DATABASES:-sqlite postgres}"

if [[ " $DATABASES_TO_BENCH " == *" sqlite "* ]]; then
    echo "== SQLite (FTS5)"
    SQLITE_DB="$(mktemp /tmp/ccr-bench.XXXXXX.sqlite3)"
    trap 'rm -f "$SQLITE_DB"' EXIT
    DATABASE_URL="sqlite:///$SQLITE_DB" run_sizes
fi

if [[ " $DATABASES_TO_BENCH " == *" postgres "* ]]; then
    echo "== PostgreSQL"
    PG_TEST_PORT="${PG_TEST_PORT:-54339}" ./scripts/with-postgres.sh bash -c run_sizes
fi

# Then the whole stack over HTTP (scripts/bench-http.sh); BENCH_HTTP=0 skips it.
if [ "${BENCH_HTTP:-1}" != 0 ]; then
    echo "== HTTP: production settings on gunicorn, PostgreSQL, demo content"
    ./scripts/bench-http.sh
fi
