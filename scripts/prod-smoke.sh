#!/usr/bin/env bash
# Production smoke test. On a throwaway PostgreSQL cluster (port PG_SMOKE_PORT,
# 54349), with production settings from the environment: runs the Procfile's
# `release` command as written, loads the demo content, starts the Procfile's
# `web` command (gunicorn, 2 workers) on a free loopback port, and requests
# every page type in every language through it (`manage.py prod_smoke`), as a
# TLS-terminating proxy would forward them (X-Forwarded-Proto: https), so that
# the HTTPS redirect, HSTS and secure cookies are production's own.
# gunicorn and the cluster are stopped at the end, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--inside-cluster" ]; then
    PG_TEST_PORT="${PG_SMOKE_PORT:-54349}" exec ./scripts/with-postgres.sh "$0" --inside-cluster
fi

WORK="$(mktemp -d /tmp/ccr-smoke.XXXXXX)"
WEB_PID=""
stop() {
    if [ -n "$WEB_PID" ]; then
        # gunicorn runs in its own process group (setsid): stop the master and its workers.
        kill -TERM -- "-$WEB_PID" 2>/dev/null || true
        while kill -0 -- "-$WEB_PID" 2>/dev/null; do sleep 0.2; done
    fi
    rm -rf "$WORK"
}
trap stop EXIT

# The Procfile's commands call `python` and `gunicorn`: the project's.
export PATH="$PWD/.venv/bin:$PATH"
SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')"
export SECRET_KEY
export ALLOWED_HOSTS="127.0.0.1,localhost"
export STATIC_ROOT="$WORK/static" MEDIA_ROOT="$WORK/media"
export WEB_CONCURRENCY="${WEB_CONCURRENCY:-2}"
export LOG_LEVEL="${LOG_LEVEL:-WARNING}"
PORT="$(python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export PORT

procfile_command() { sed -n "s/^$1: //p" Procfile; }

echo "== release (from the Procfile)"
started=$SECONDS
sh -c "$(procfile_command release)" >"$WORK/release.log" 2>&1 || {
    cat "$WORK/release.log"
    exit 1
}
echo "   done in $((SECONDS - started)) s"

echo "== demo content"
started=$SECONDS
DJANGO_SETTINGS_MODULE=portal.settings.production python manage.py load_demo_content -v0
# The release step renders the images' sizes ahead of time; the demo came after it.
DJANGO_SETTINGS_MODULE=portal.settings.production python manage.py generate_renditions -v0
echo "   done in $((SECONDS - started)) s"

echo "== web (from the Procfile), port $PORT, $WEB_CONCURRENCY workers"
# Loopback only: the Procfile binds 0.0.0.0, which the smoke test has no need of.
web="$(procfile_command web | sed 's/--bind 0\.0\.0\.0:/--bind 127.0.0.1:/')"
setsid sh -c "$web" >"$WORK/web.log" 2>&1 &
WEB_PID=$!

echo "== checks"
if ! DJANGO_SETTINGS_MODULE=portal.settings.production python manage.py prod_smoke \
    --base-url "http://127.0.0.1:$PORT" --forwarded-https; then
    echo "-- gunicorn's log (last 40 lines):"
    tail -n 40 "$WORK/web.log"
    exit 1
fi
