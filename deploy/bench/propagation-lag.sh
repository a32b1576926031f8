#!/usr/bin/env bash
# Benchmark: propagation lag (commit in session-service -> applied in export-service's projection) of single
# session edits of a quiet event, p50/p99, (a) while another event receives a sustained 200 session writes/s and
# (b) during a 10,000-session bulk load into another event. Runs against the running platform (./dev up) and
# reads export-service's database directly (applied_at and updated_at of the projected rows).
# Usage: deploy/bench/propagation-lag.sh [--scenario a|b|both] [--rate 200] [--duration 30] [--bulk 10000] ...
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GW="${GATEWAY_URL:-http://localhost:8080}"
command -v psql >/dev/null || { echo "psql is needed (it comes with PostgreSQL's client package)" >&2; exit 1; }
curl -fs -o /dev/null "$GW/v1/events" || { echo "The platform does not answer at $GW; start it with ./dev up" >&2; exit 1; }
exec python3 "$ROOT/deploy/bench/propagation_lag.py" "$GW" \
  "${OPENEVENT_ADMIN_EMAIL:-admin@openevent.local}" "${OPENEVENT_ADMIN_PASSWORD:-open-event-admin}" "$@"
