#!/usr/bin/env bash
# Benchmark against the running platform (./dev up), for an event with N sessions (and 3 sponsors, 3 tickets): the
# SQL statements each request causes (counted from PostgreSQL's statement log, outbox polling excluded) and its
# latency over repeated calls, for
#   event:    GET /v1/events/{id}?include=<the export page's REST panel, every toggle on>, anonymous as the panel
#             sends it (event-service composing sessions, rooms, tracks and speakers from session-service)
#   schedule: GET /v1/events/{id}/sessions with the schedule page's includes, page[size]=0
#   speakers: GET /v1/events/{id}/speakers?include=sessions.track, page[size]=0 (the event page's speakers)
# The counts must not grow with N (no per-row queries). Usage:
#   deploy/bench/include-queries.sh [sessions=10] [repetitions=30] [include=<the panel's list>]
#   (needs root or PGSUPERUSER for the log)
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

# Hall 1 streams, so the schedule's microlocation.video-stream include has a target.
curl -fs -o /dev/null -X POST "$GW/v1/video-streams" -H "$AUTH" -H "$JSONAPI" -d "{\"data\":{\"type\":\"video-stream\",\"attributes\":{\"name\":\"Stream\",\"url\":\"https://example.org/s\"},\"relationships\":{\"rooms\":{\"data\":[{\"type\":\"microlocation\",\"id\":\"${ROOMS[0]}\"}]}}}}"

# measure <label> <url> <jq expression counting sessions in the answer> [anonymous]
measure() {
  local label="$1" url="$2" count_expr="$3" count statements times median p95
  local -a HDR=(-H "$AUTH")
  [ "${4:-}" = anonymous ] && HDR=()
  count=$(curl -fs "$url" "${HDR[@]}" | jq "$count_expr")
  for _ in 1 2 3 4 5; do curl -fs -o /dev/null "$url" "${HDR[@]}"; done
  psql_admin "ALTER SYSTEM SET log_statement = 'all'" >/dev/null
  psql_admin "SELECT pg_reload_conf()" >/dev/null
  sleep 1
  MARK=$(wc -l < "$PGLOG")
  curl -fs -o /dev/null "$url" "${HDR[@]}"
  sleep 1.5
  statements=$(tail -n +"$((MARK + 1))" "$PGLOG" | grep -E 'openevent_(event|session) .*LOG: +(statement|execute)' \
    | grep -v -E 'outbox_message|processed_message|BEGIN|COMMIT|ROLLBACK' || true)
  psql_admin "ALTER SYSTEM RESET log_statement" >/dev/null
  psql_admin "SELECT pg_reload_conf()" >/dev/null
  times=$(for _ in $(seq 1 "$REPEAT"); do curl -fs -o /dev/null -w '%{time_total}\n' "$url" "${HDR[@]}"; done | sort -n)
  median=$(echo "$times" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]*1000}')
  p95=$(echo "$times" | awk '{a[NR]=$1} END {i=int(NR*0.95); if (i<1) i=1; print a[i]*1000}')
  echo "$label sessions=$count sql_statements=$(echo -n "$statements" | grep -c . || true) median_ms=$median p95_ms=$p95 repetitions=$REPEAT"
  echo "$statements" | sed -E 's/.*(openevent_[a-z]+).*LOG: +/  \1: /' | cut -c1-160
}

measure event "$GW/v1/events/$EVENT?include=$INCLUDE" '[.included[] | select(.type == "session")] | length' anonymous
measure schedule "$GW/v1/events/$EVENT/sessions?page%5Bsize%5D=0&include=track,speakers,session-type,favourite,microlocation.video-stream,feedbacks" \
  '.data | length'
measure speakers "$GW/v1/events/$EVENT/speakers?page%5Bsize%5D=0&include=sessions.track" \
  '[.included[] | select(.type == "session")] | length'
