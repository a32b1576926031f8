#!/usr/bin/env bash
# Benchmark of calendar exports and feeds against the running platform (./dev up), issue 14's bar:
#   10,000 sessions (two speakers and a 600-character abstract each): export request -> SUCCESS -> downloaded, cold
#   and after one session changed; the live feed answered 304 at the gateway for a matching If-None-Match (wrk);
#   anchors in the same run: the original server's approach (Python icalendar rendering the same sessions) and the
#   gateway's own /healthz; optionally (--heavy 100000) a render of 100,000 sessions with export-service's heap
#   sampled from /q/metrics. Prints every figure and its ratio to the anchors. Before measuring it waits until the
#   machine is quiet again (the sessions it created keep relays and consumers busy for a while).
# Usage: deploy/bench/calendar-export.sh [--sessions 10000] [--changes 5] [--heavy 0] [--seed N] ...
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GW="${GATEWAY_URL:-http://localhost:8080}"
for tool in psql wrk; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (Debian: apt-get install ${tool/psql/postgresql-client})" >&2; exit 1; }
done
curl -fs -o /dev/null "$GW/healthz" || { echo "The platform does not answer at $GW; start it with ./dev up" >&2; exit 1; }
# The anchor renders with Debian's python3-icalendar, the library the original server uses.
PYTHON=python3
if /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then PYTHON=/usr/bin/python3; fi
exec "$PYTHON" "$ROOT/deploy/bench/calendar_export.py" "$GW" \
  "${OPENEVENT_ADMIN_EMAIL:-admin@openevent.local}" "${OPENEVENT_ADMIN_PASSWORD:-open-event-admin}" "$@"
