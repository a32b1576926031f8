#!/usr/bin/env bash
# Benchmark: the export page's "Access event information via REST API" panel with every toggle on,
# GET /v1/events/{id}?include=sessions,microlocations,tracks,speakers,sponsors,tickets, anonymous as the panel
# sends it, against the running platform (./dev up). For an event with N sessions (and 3 sponsors, 3 tickets) it
# prints the SQL statements the request caused (counted from PostgreSQL's statement log, outbox polling excluded)
# and the latency over repeated calls.
# Usage: deploy/bench/include-queries.sh [sessions=10] [repetitions=30] [include=<the panel's list>]
#        (needs root or PGSUPERUSER for the log)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GW="${GATEWAY_URL:-http://localhost:8080}"
SESSIONS="${1:-10}"
REPEAT="${2:-30}"
INCLUDE="${3:-sessions,microlocations,tracks,speakers,sponsors,tickets}"
JSONAPI="Content-Type: application/vnd.api+json"
PGLOG="$(ls -t /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -1)"
[ -n "$PGLOG" ] || { echo "PostgreSQL's log file was not found under /var/log/postgresql" >&2; exit 1; }
psql_admin() { (cd / && su postgres -c "env -u PGHOST psql -qAt -d postgres -c \"$1\""); }

TOKEN=$(curl -fs -X POST "$GW/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"${OPENEVENT_ADMIN_EMAIL:-admin@openevent.local}\",\"password\":\"${OPENEVENT_ADMIN_PASSWORD:-open-event-admin}\"}" | jq -r .access_token)
AUTH="Authorization: JWT $TOKEN"
post() { curl -fs -X POST "$GW/v1/$1" -H "$AUTH" -H "$JSONAPI" -d "$2" | jq -r .data.id; }

EVENT=$(post events '{"data":{"type":"event","attributes":{"name":"Bench '"$SESSIONS"'","timezone":"Europe/Berlin","state":"published","is-sponsors-enabled":true,"starts-at":"2027-04-01T08:00:00Z","ends-at":"2027-04-05T18:00:00Z"}}}')
REL="\"event\":{\"data\":{\"type\":\"event\",\"id\":\"$EVENT\"}}"
for i in 1 2 3; do
  post sponsors "{\"data\":{\"type\":\"sponsor\",\"attributes\":{\"name\":\"Sponsor $i\",\"level\":$i},\"relationships\":{$REL}}}" >/dev/null
  post tickets "{\"data\":{\"type\":\"ticket\",\"attributes\":{\"name\":\"Ticket $i\",\"type\":\"free\",\"sales-starts-at\":\"2027-01-01T00:00:00Z\",\"sales-ends-at\":\"2027-03-31T00:00:00Z\"},\"relationships\":{$REL}}}" >/dev/null
done
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$GW/v1/events/$EVENT/tracks" -H "$AUTH")" = 200 ]; do sleep 0.3; done
TRACKS=(); ROOMS=(); SPEAKERS=()
for i in 1 2 3; do
  TRACKS+=("$(post tracks "{\"data\":{\"type\":\"track\",\"attributes\":{\"name\":\"T$i\",\"color\":\"#10203$i\"},\"relationships\":{$REL}}}")")
  ROOMS+=("$(post microlocations "{\"data\":{\"type\":\"microlocation\",\"attributes\":{\"name\":\"R$i\"},\"relationships\":{$REL}}}")")
done
for i in 1 2 3 4 5; do
  SPEAKERS+=("$(post speakers "{\"data\":{\"type\":\"speaker\",\"attributes\":{\"name\":\"S$i\",\"email\":\"s$i@example.org\"},\"relationships\":{$REL}}}")")
done
export GW AUTH JSONAPI REL
session_body() {
  local i="$1" t="$2" r="$3" s="$4"
  printf '{"data":{"type":"session","attributes":{"title":"Session %s","state":"accepted","starts-at":"2027-04-02T10:00:00Z","ends-at":"2027-04-02T10:30:00Z"},"relationships":{%s,"track":{"data":{"type":"track","id":"%s"}},"microlocation":{"data":{"type":"microlocation","id":"%s"}},"speakers":{"data":[{"type":"speaker","id":"%s"}]}}}}' "$i" "$REL" "$t" "$r" "$s"
}
export -f session_body
seq 1 "$SESSIONS" | while read -r i; do
  echo "$i ${TRACKS[$((i % 3))]} ${ROOMS[$((i % 3))]} ${SPEAKERS[$((i % 5))]}"
done | xargs -P 6 -L 1 bash -c 'curl -fs -o /dev/null -X POST "$GW/v1/sessions" -H "$AUTH" -H "$JSONAPI" -d "$(session_body "$0" "$1" "$2" "$3")"'

URL="$GW/v1/events/$EVENT?include=$INCLUDE"
# The panel fetches the public document: no Authorization header.
COUNT=$(curl -fs "$URL" | jq '[.included[] | select(.type == "session")] | length')
INCLUDED=$(curl -fs "$URL" | jq -r '[.included[].type] | group_by(.) | map("\(.[0])=\(length)") | join(" ")')
for _ in 1 2 3 4 5; do curl -fs -o /dev/null "$URL"; done

psql_admin "ALTER SYSTEM SET log_statement = 'all'" >/dev/null
psql_admin "SELECT pg_reload_conf()" >/dev/null
sleep 1
MARK=$(wc -l < "$PGLOG")
curl -fs -o /dev/null "$URL"
sleep 1.5
STATEMENTS=$(tail -n +"$((MARK + 1))" "$PGLOG" | grep -E 'openevent_(event|session) .*LOG: +(statement|execute)' \
  | grep -v -E 'outbox_message|processed_message|BEGIN|COMMIT|ROLLBACK' || true)
psql_admin "ALTER SYSTEM RESET log_statement" >/dev/null
psql_admin "SELECT pg_reload_conf()" >/dev/null

TIMES=$(for _ in $(seq 1 "$REPEAT"); do curl -fs -o /dev/null -w '%{time_total}\n' "$URL"; done | sort -n)
MEDIAN=$(echo "$TIMES" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]*1000}')
P95=$(echo "$TIMES" | awk '{a[NR]=$1} END {i=int(NR*0.95); if (i<1) i=1; print a[i]*1000}')
echo "include=$INCLUDE"
echo "included: $INCLUDED"
echo "sessions=$COUNT sql_statements=$(echo -n "$STATEMENTS" | grep -c . || true) median_ms=$MEDIAN p95_ms=$P95 repetitions=$REPEAT"
echo "$STATEMENTS" | sed -E 's/.*(openevent_[a-z]+).*LOG: +/  \1: /' | cut -c1-160
