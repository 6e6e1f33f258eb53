#!/usr/bin/env bash
# HTTP benchmark through the full stack: production settings, gunicorn started
# from the Procfile's `web` command, PostgreSQL (a throwaway cluster on port
# PG_BENCH_HTTP_PORT, 54359), the demo content, ApacheBench (ab) on loopback.
# Measures the home page, the directory, the calls page and a news item
# without the page cache (PAGE_CACHE_SECONDS=0) and with it (300), at 10 and
# 50 concurrent clients; then a plain `wagtail start` site (its home page, on
# a database of the same cluster, same gunicorn and worker count) as the
# reference. Prints a Markdown table: median, p95, requests/s, failures, and
# each portal p95 divided by the plain site's.
#
#   BENCH_SECONDS   duration of each measurement (default 10)
#   BENCH_CLIENTS   concurrent clients (default "10 50")
#   BENCH_WORKERS   gunicorn workers, for both sites (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--inside-cluster" ]; then
    if ! command -v ab >/dev/null; then
        if [ "$(id -u)" -ne 0 ]; then
            echo "ApacheBench (ab) is missing, and installing it needs root (apt-get install apache2-utils)." >&2
            exit 1
        fi
        echo "Installing ApacheBench (Debian package apache2-utils)…"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq apache2-utils >/dev/null
    fi
    PG_TEST_PORT="${PG_BENCH_HTTP_PORT:-54359}" exec ./scripts/with-postgres.sh "$0" --inside-cluster
fi

SECONDS_EACH="${BENCH_SECONDS:-10}"
CLIENTS="${BENCH_CLIENTS:-10 50}"
WORK="$(mktemp -d /tmp/ccr-bench-http.XXXXXX)"
RESULTS="$WORK/results.jsonl"
WEB_PID=""

stop_web() {
    if [ -n "$WEB_PID" ]; then
        kill -TERM -- "-$WEB_PID" 2>/dev/null || true
        # The master outlives the shell that started it while its workers finish:
        # wait for the whole group, so that the port is free for the next start.
        while kill -0 -- "-$WEB_PID" 2>/dev/null; do sleep 0.2; done
        WEB_PID=""
    fi
}
trap 'stop_web; rm -rf "$WORK"' EXIT

# GET a URL as the benchmark does (through a TLS-terminating proxy: production
# settings redirect plain HTTP), failing on any error.
fetch() {
    python -c "import urllib.request, sys; urllib.request.urlopen(urllib.request.Request(sys.argv[1], headers={'X-Forwarded-Proto': 'https'}), timeout=30).read()" "$1"
}

wait_for() {
    for _ in $(seq 1 120); do
        if fetch "$1" 2>/dev/null; then
            return 0
        fi
        sleep 0.5
    done
    echo "No answer from $1" >&2
    tail -n 20 "$WORK/web.log" >&2
    exit 1
}

# Runs a command in its own process group (so stop_web ends the gunicorn master and workers).
start_web() {
    setsid sh -c "$1" >"$WORK/web.log" 2>&1 &
    WEB_PID=$!
}

export PATH="$PWD/.venv/bin:$PATH"
SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')"
export SECRET_KEY
export ALLOWED_HOSTS="127.0.0.1,localhost"
export STATIC_ROOT="$WORK/static" MEDIA_ROOT="$WORK/media"
export WEB_CONCURRENCY="${BENCH_WORKERS:-3}"
export LOG_LEVEL=WARNING
PORT="$(python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export PORT
BASE="http://127.0.0.1:$PORT"
# No access log: writing a line per request would be part of what is measured.
web="$(sed -n 's/^web: //p' Procfile | sed -e 's/--bind 0\.0\.0\.0:/--bind 127.0.0.1:/' -e 's/ --access-logfile -//')"

echo "== portal: release (Procfile) and demo content"
sh -c "$(sed -n 's/^release: //p' Procfile)" >"$WORK/release.log" 2>&1 || {
    cat "$WORK/release.log"
    exit 1
}
DJANGO_SETTINGS_MODULE=portal.settings.production python manage.py load_demo_content -v0
# The release step renders the images' sizes ahead of time; the demo came after it.
DJANGO_SETTINGS_MODULE=portal.settings.production python manage.py generate_renditions -v0
# with-postgres.sh turns autovacuum off: gather the planner's statistics once,
# as autovacuum would have on a live database.
python -c "import psycopg, sys; psycopg.connect(sys.argv[1], autocommit=True).execute('ANALYZE')" "$DATABASE_URL"
# The pages measured, in French: the home page and the first of each kind.
PAGES="$(DJANGO_SETTINGS_MODULE=portal.settings.production python manage.py shell -v0 -c '
from home.models import HomePage
from network.models import NetworkIndexPage
from news.models import NewsPage
from programmes.models import CallIndexPage
for name, model in (("home", HomePage), ("directory", NetworkIndexPage),
                    ("calls", CallIndexPage), ("news item", NewsPage)):
    page = model.objects.live().filter(locale__language_code="fr").order_by("path").first()
    print(f"{name}={page.url}")
')"

for cache_seconds in 0 300; do
    cache="$([ "$cache_seconds" = 0 ] && echo off || echo on)"
    echo "== portal, page cache $cache, $WEB_CONCURRENCY gunicorn workers"
    PAGE_CACHE_SECONDS="$cache_seconds" start_web "$web"
    wait_for "$BASE/robots.txt"
    # Without the cache the same load runs twice: the workers' memory after the
    # second pass shows whether they keep growing (a leak).
    passes="$([ "$cache" = off ] && echo "1 2" || echo 1)"
    for pass in $passes; do
        while IFS="=" read -r name path; do
            # Warm up: each worker's first request, renditions, the page cache.
            for _ in $(seq 1 $((WEB_CONCURRENCY * 3))); do
                fetch "$BASE$path"
            done
            for clients in $CLIENTS; do
                python scripts/bench_http.py run "$RESULTS" --site portal --page "$name" \
                    --cache "$cache" --clients "$clients" --seconds "$SECONDS_EACH" \
                    --url "$BASE$path" --pass "$pass"
            done
        done <<<"$PAGES"
        python scripts/bench_http.py memory "$RESULTS" --pgid "$WEB_PID" --cache "$cache" \
            --pass "$pass"
    done
    stop_web
done

echo "== plain \`wagtail start\` site, $WEB_CONCURRENCY gunicorn workers, same PostgreSQL cluster"
PLAIN="$WORK/plain"
mkdir -p "$PLAIN"
wagtail start benchsite "$PLAIN" >/dev/null
python - "$DATABASE_URL" <<'PYTHON'
import sys

import psycopg

with psycopg.connect(sys.argv[1], autocommit=True) as connection:
    connection.execute("CREATE DATABASE plain_wagtail")
PYTHON
# Its apps are called `home` and `search`, like the portal's, which the venv
# finds through its editable install (a .pth file): run its Python without
# site initialisation (-S), the venv's packages reached through PYTHONPATH.
SITE_PACKAGES="$(python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
PLAIN_PYTHON="env PYTHONPATH=$SITE_PACKAGES python -S"
cat >"$PLAIN/benchsite/settings/local.py" <<PYTHON
import dj_database_url

SECRET_KEY = "$SECRET_KEY"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES = {"default": dj_database_url.parse("${DATABASE_URL%/*}/plain_wagtail", conn_max_age=60)}
STATIC_ROOT = "$WORK/plain-static"
PYTHON
(
    cd "$PLAIN"
    export DJANGO_SETTINGS_MODULE=benchsite.settings.production
    $PLAIN_PYTHON manage.py migrate --noinput -v0
    $PLAIN_PYTHON manage.py collectstatic --noinput -v0
)
start_web "cd '$PLAIN' && DJANGO_SETTINGS_MODULE=benchsite.settings.production $PLAIN_PYTHON -m gunicorn benchsite.wsgi --bind 127.0.0.1:$PORT --workers $WEB_CONCURRENCY"
wait_for "$BASE/"
for _ in $(seq 1 $((WEB_CONCURRENCY * 3))); do
    fetch "$BASE/"
done
for clients in $CLIENTS; do
    python scripts/bench_http.py run "$RESULTS" --site plain --page home --cache "-" \
        --clients "$clients" --seconds "$SECONDS_EACH" --url "$BASE/"
done
stop_web

echo
echo "== Results: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM; ab on the same machine"
echo
python scripts/bench_http.py report "$RESULTS"
