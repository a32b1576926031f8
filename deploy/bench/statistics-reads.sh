#!/usr/bin/env bash
# Benchmark: latency of every statistics endpoint (p50/p99/max at a fixed, open-loop request rate) as the statistics
# grow from 1,000 to 1,000,000 events (with 5 sessions per event and a user per 5 events), to show that reads do not
# depend on the volume. The data goes in through the consumers' own apply functions (stats_apply_*), in batches of
# 10,000 snapshots, into a dedicated database; a stats-service instance of its own (port 18085, test JWT keys,
# topics bench.statistics.*, the JVM flags ./dev gives services) serves the reads. Needs PostgreSQL and Kafka
# running (./dev infra), psql and Java 17; run as root the first time (it creates the database
# openevent_stats_bench, owned by the stats role).
# Every endpoint is warmed up (--warm-up seconds one request after the other, then as long open-loop at the rate)
# before the first is measured open-loop.
# Usage: deploy/bench/statistics-reads.sh [--steps 1000,10000,100000,1000000] [--rate 200] [--duration 30]
#                                         [--warm-up 10] [--keep]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STEPS=1000,10000,100000,1000000
RATE=200
DURATION=30
WARM_UP=10
KEEP=false
while [ $# -gt 0 ]; do
  case "$1" in
    --steps) STEPS="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warm-up) WARM_UP="$2"; shift 2 ;;
    --keep) KEEP=true; shift ;;
    *) echo "Unknown option $1" >&2; exit 2 ;;
  esac
done

PORT="${BENCH_STATS_PORT:-18085}"
DB=openevent_stats_bench
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER=openevent_stats PGPASSWORD=openevent_stats
JAR="$ROOT/stats-service/target/stats-service-runner.jar"
BATCH=10000
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -d "$DB")

command -v psql >/dev/null || { echo "psql is needed (PostgreSQL's client package)" >&2; exit 1; }
if [ ! -f "$JAR" ]; then
  echo "==> Building stats-service"
  "$ROOT/.tools/apache-maven-3.9.11/bin/mvn" -B -q -f "$ROOT/pom.xml" -pl common,stats-service -DskipTests package
fi

# ---------------------------------------------------------------- database
if ! psql -X -d "$DB" -c 'SELECT 1' >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || { echo "Create the database first: createdb -O openevent_stats $DB (as postgres)" >&2; exit 1; }
  env -u PGUSER -u PGPASSWORD -u PGHOST su postgres -c "createdb -O openevent_stats $DB"
fi
"${PSQL[@]}" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' 2>/dev/null

# ---------------------------------------------------------------- the service
LOG="$(mktemp -t stats-bench.XXXXXX.log)"
STATS_SERVICE_PORT="$PORT" STATS_DB_NAME="$DB" OPENEVENT_JWT_PUBLIC_KEY="$ROOT/test-keys/jwt-test-public.pem" \
  OPENEVENT_MESSAGING_TOPIC_PREFIX=bench.statistics. MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_GROUP_ID=stats-bench \
  EVENT_SERVICE_URL=http://127.0.0.1:9 \
  MALLOC_ARENA_MAX=2 java -Xmx256m -Xms16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-ShrinkHeapInSteps -XX:+UseSerialGC \
    -XX:ReservedCodeCacheSize=64m -XX:CICompilerCount=2 -Xss512k -XX:MaxMetaspaceSize=192m -jar "$JAR" >"$LOG" 2>&1 &
SERVICE=$!
cleanup() {
  kill "$SERVICE" 2>/dev/null || true
  wait "$SERVICE" 2>/dev/null || true
  if [ "$KEEP" = false ]; then "${PSQL[@]}" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
for _ in $(seq 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break
  kill -0 "$SERVICE" 2>/dev/null || { echo "stats-service did not start; see $LOG" >&2; exit 1; }
  sleep 1
done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" || { echo "stats-service is not ready; see $LOG" >&2; exit 1; }

# ---------------------------------------------------------------- loading
# Deterministic data: mix(i, k) spreads ids over attributes (StatisticsLoad.java uses the same rule for deletions).
"${PSQL[@]}" <<'SQL'
CREATE FUNCTION bench_mix(i bigint, k bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS
$$ SELECT (i * 2654435761 + k * 40503) % 1000003 $$;
SQL

apply() { # kind first last row-expression-over-i [condition-on-i]
  local kind="$1" first="$2" last="$3" row="$4" where="${5:-true}" from to
  for ((from = first; from <= last; from += BATCH)); do
    to=$((from + BATCH - 1)); [ "$to" -gt "$last" ] && to="$last"
    echo "SELECT stats_apply_$kind(coalesce(jsonb_agg($row), '[]')) FROM generate_series($from, $to) AS i WHERE $where;"
  done | "${PSQL[@]}" >/dev/null
}

load_platform() { # users: taxonomy, groups, follows and mails, once
  local users="$1"
  apply taxonomy 1 20 "jsonb_build_object('kind', 'event-type', 'id', i, 'version', 1, 'name', 'Type ' || i, 'deleted', false)"
  apply taxonomy 1 30 "jsonb_build_object('kind', 'event-topic', 'id', i, 'version', 1, 'name', 'Topic ' || i, 'deleted', false)"
  apply groups 1 1000 "jsonb_build_object('id', i, 'version', 1, 'deleted', bench_mix(i, 1) % 10 = 0)"
  apply follows 1 20000 "jsonb_build_object('id', i, 'version', 1, 'group_id', 1 + bench_mix(i, 1) % 1000,
    'user_id', 1 + bench_mix(i, 2) % $users, 'deleted', bench_mix(i, 3) % 10 = 0)"
  apply mails 1 50000 "jsonb_build_object('mail_id', 'bench-' || i,
    'sent_at', now() - (bench_mix(i, 1) % 57600) * interval '1 minute')"
}

load_step() { # events from..to, with their users, speakers and sessions
  local from="$1" to="$2" users_from=$(( ($1 - 1) / 5 + 1 )) users_to=$(( $2 / 5 ))
  apply users "$users_from" "$users_to" "jsonb_build_object('id', i, 'version', 1,
    'super_admin', bench_mix(i, 1) % 1000 = 0, 'admin', bench_mix(i, 2) % 100 = 1, 'verified', bench_mix(i, 3) % 10 < 7,
    'created_at', now() - (bench_mix(i, 4) % 365) * interval '1 day', 'deleted', bench_mix(i, 5) % 50 = 0)"
  apply events "$from" "$to" "jsonb_build_object('id', i, 'version', 1,
    'state', CASE WHEN bench_mix(i, 1) % 10 < 3 THEN 'draft' ELSE 'published' END,
    'ends_at', now() + (bench_mix(i, 2) % 730 - 365) * interval '1 day',
    'created_at', now() - (bench_mix(i, 3) % 365) * interval '1 day', 'deleted', bench_mix(i, 4) % 20 = 0,
    'type_id', 1 + bench_mix(i, 5) % 20, 'topic_id', 1 + bench_mix(i, 6) % 30,
    'group_id', CASE WHEN bench_mix(i, 7) % 5 = 0 THEN 1 + bench_mix(i, 8) % 1000 END,
    'grants', jsonb_build_array(jsonb_build_object('user_id', 1 + bench_mix(i, 9) % $users_to, 'role', 'owner'))
      || CASE WHEN bench_mix(i, 11) % 3 = 0 THEN jsonb_build_array(jsonb_build_object(
           'user_id', 1 + bench_mix(i, 10) % $users_to, 'role', 'coorganizer')) ELSE '[]' END)"
  # Every tenth event has two speakers (ids 2e-1 and 2e); its sessions name one of them.
  apply speakers $((from * 2 - 1)) $((to * 2)) "jsonb_build_object('id', i, 'version', 1, 'event_id', (i + 1) / 2,
    'deleted', bench_mix(i, 1) % 25 = 0)" "((i + 1) / 2) % 10 = 0"
  apply sessions $((from * 5 - 4)) $((to * 5)) "jsonb_build_object('id', i, 'version', 1, 'event_id', (i + 4) / 5,
    'state', (ARRAY['draft','pending','accepted','confirmed','rejected','withdrawn','canceled'])[1 + bench_mix(i, 1) % 7],
    'submitted_at', CASE WHEN bench_mix(i, 1) % 7 > 0 THEN now() - (bench_mix(i, 2) % 365) * interval '1 day' END,
    'deleted', bench_mix(i, 3) % 30 = 0,
    'speaker_ids', CASE WHEN ((i + 4) / 5) % 10 = 0 THEN jsonb_build_array(2 * ((i + 4) / 5) - bench_mix(i, 4) % 2)
                   ELSE '[]' END)"
  # The shared event projection (access to per-event statistics), as the events consumer keeps it.
  "${PSQL[@]}" -c "INSERT INTO event_projection (id, identifier, name, state, timezone, ends_at, created_at, deleted_at,
      version, applied_at)
    SELECT i, 'bench' || i, 'Event ' || i, CASE WHEN bench_mix(i, 1) % 10 < 3 THEN 'draft' ELSE 'published' END, 'UTC',
      now() + (bench_mix(i, 2) % 730 - 365) * interval '1 day', now(),
      CASE WHEN bench_mix(i, 4) % 20 = 0 THEN now() END, 1, now()
    FROM generate_series($from, $to) AS i" >/dev/null
  "${PSQL[@]}" -c 'ANALYZE stat_event, stat_event_grant, stat_session, stat_session_speaker, stat_speaker, stat_user, stat_figure, event_projection' >/dev/null
}

# The statements the endpoints run, timed in the database alone (median of 7 EXPLAIN ANALYZE runs): unlike the
# latencies above, these do not move with the load other programs put on the machine.
READS=("SELECT figure, value FROM stat_figure WHERE scope = 0 AND figure IN ('events.draft', 'events.published', 'events.past')"
       "SELECT stats_ended_since_roll_over(now())"
       "SELECT figure, value FROM stat_figure WHERE scope = 0 AND figure BETWEEN 'users.signed-up@' || (current_date - 29) AND 'users.signed-up@' || current_date"
       "SELECT name, mails FROM stats_mail_windows(now())"
       "SELECT t.name, t.id, coalesce(f.value, 0) FROM stat_taxonomy t LEFT JOIN stat_figure f ON f.scope = 0 AND f.figure = t.kind || '@' || t.id WHERE t.kind = 'event-type' AND t.live ORDER BY t.name, t.id"
       "SELECT * FROM event_general_statistics WHERE id = 998")
database_times() {
  local query runs
  printf '%-100s %9s\n' "statement (database time alone)" "ms"
  for query in "${READS[@]}"; do
    runs="$(for _ in 1 2 3 4 5 6 7; do
      "${PSQL[@]}" -At -c "EXPLAIN (ANALYZE, FORMAT JSON) $query" | sed -n 's/.*"Execution Time": \([0-9.]*\).*/\1/p'
    done | sort -n | sed -n 4p)"
    printf '%-100s %9s\n' "${query:0:100}" "$runs"
  done
}

PATHS=(/v1/admin/statistics/events /v1/admin/statistics/sessions /v1/admin/statistics/users
       /v1/admin/statistics/mails /v1/admin/statistics/groups /v1/admin/statistics/event-types
       /v1/admin/statistics/event-topics "/v1/events/{event}/general-statistics")
loaded=0
IFS=, read -r -a SIZES <<< "$STEPS"
for size in "${SIZES[@]}"; do
  started=$SECONDS
  [ "$loaded" = 0 ] && load_platform $((size / 5))
  load_step $((loaded + 1)) "$size"
  loaded="$size"
  counts="$("${PSQL[@]}" -At -F ' ' -c "SELECT (SELECT count(*) FROM stat_event), (SELECT count(*) FROM stat_session),
    (SELECT count(*) FROM stat_user), pg_size_pretty(pg_database_size(current_database()))")"
  read -r events sessions users size_on_disk <<< "$counts"
  echo
  echo "== $events events, $sessions sessions, $users users ($size_on_disk; loaded in $((SECONDS - started)) s)"
  java "$ROOT/deploy/bench/StatisticsLoad.java" "http://127.0.0.1:$PORT" "$ROOT/test-keys/jwt-test-private.pem" \
    "$RATE" "$WARM_UP" "$DURATION" "$loaded" "${PATHS[@]}"
  database_times
done
