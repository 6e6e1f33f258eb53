#!/usr/bin/env bash
# The test suite on a throwaway PostgreSQL cluster, with the French text search
# configuration for the default backend (each language backend has its own).
set -euo pipefail
cd "$(dirname "$0")/.."
SEARCH_CONFIG=french exec ./scripts/with-postgres.sh .venv/bin/pytest --create-db "$@"
