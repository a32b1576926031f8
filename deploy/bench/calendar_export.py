#!/usr/bin/env python3
"""Calendar exports and feeds, measured against the running platform (issue 14's bar); see calendar-export.sh.

Every time is wall-clock from the client's side through the gateway. Anchors run in the same process and the same
minute, so the figures can be compared as ratios on any machine: the original server's approach (Python's icalendar
building and serializing the same sessions) and the gateway answering /healthz by itself.
"""
import argparse
import http.client
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

JSONAPI = "application/vnd.api+json"
ABSTRACT = ("Schedules are data: this session shows how a conference's timetable moves from the call for speakers "
            "to calendars on phones, with time zones, daylight-saving changes and cancellations handled on the way. "
            "We look at iCalendar, xCal, jCal and the Pentabarf schedule format, at what calendar clients actually "
            "do with SEQUENCE and STATUS, and at how a feed can be answered in milliseconds with a 304 when nothing "
            "changed. Bring questions about Outlook, Google Calendar, Thunderbird and Apple Calendar; there will be "
            "live demos and a few surprises about folding lines by octets rather than characters.")[:600]


class Api:
    """Keep-alive HTTP/1.1 connections to the gateway, one per thread."""

    def __init__(self, base, token=None):
        url = urllib.parse.urlparse(base)
        self.base, self.host, self.port = base, url.hostname, url.port or 80
        self.token = token
        self.local = threading.local()

    def raw(self, method, path, body=None, headers=None):
        for attempt in range(3):
            conn = getattr(self.local, "conn", None)
            if conn is None:
                conn = self.local.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
            all_headers = {"Accept": JSONAPI}
            if body is not None:
                all_headers["Content-Type"] = JSONAPI
            if self.token:
                all_headers["Authorization"] = "JWT " + self.token
            all_headers.update(headers or {})
            try:
                conn.request(method, path, json.dumps(body) if body is not None else None, all_headers)
                response = conn.getresponse()
                return response.status, dict(response.getheaders()), response.read()
            except (http.client.HTTPException, OSError):
                conn.close()
                self.local.conn = None
                if attempt == 2:
                    raise

    def call(self, method, path, body=None, expect=(200, 201)):
        status, _, payload = self.raw(method, path, body)
        if status not in expect:
            raise RuntimeError(f"{method} {path} answered {status}: {payload[:300]!r}")
        return json.loads(payload) if payload else None


def psql(sql):
    env = dict(os.environ, PGPASSWORD=os.environ.get("EXPORT_DB_PASSWORD", "openevent_export"))
    out = subprocess.run(["psql", "-qAt", "-F", "\t", "-h", os.environ.get("PGHOST", "127.0.0.1"),
                          "-p", os.environ.get("PGPORT", "5432"), "-U", os.environ.get("EXPORT_DB_USER", "openevent_export"),
                          "-d", os.environ.get("EXPORT_DB_NAME", "openevent_export"), "-c", sql],
                         env=env, check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def parallel(count, work):
    threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def relation(kind, ident):
    return {"data": {"type": kind, "id": str(ident)}}


def setup_event(api, sessions, loaders, rng):
    """A published event with a published schedule: 4 tracks, 4 rooms, 200 speakers, `sessions` accepted sessions."""
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    event = api.call("POST", "/v1/events", {"data": {"type": "event", "attributes": {
        "name": f"Calendar bench {uuid.uuid4().hex[:6]}", "timezone": "Europe/Berlin", "location-name": "Berlin",
        "starts-at": "2027-03-26T09:00:00+01:00", "ends-at": "2027-03-29T18:00:00+02:00"}}})["data"]
    event_id, identifier = event["id"], event["attributes"]["identifier"]
    api.call("PATCH", f"/v1/events/{event_id}", {"data": {"type": "event", "id": event_id, "attributes": {
        "state": "published", "schedule-published-on": now}}})
    deadline = time.time() + 60
    while api.raw("GET", f"/v1/events/{event_id}/tracks")[0] != 200:
        if time.time() > deadline:
            raise RuntimeError("session-service never learned the event")
        time.sleep(0.2)
    rel = {"event": relation("event", event_id)}

    def create(collection, kind, attributes, extra=None):
        body = {"data": {"type": kind, "attributes": attributes, "relationships": dict(rel, **(extra or {}))}}
        return api.call("POST", f"/v1/{collection}", body)["data"]["id"]

    tracks = [create("tracks", "track", {"name": f"Track {i}", "color": "#123456"}) for i in range(4)]
    rooms = [create("microlocations", "microlocation", {"name": f"Hall {i}"}) for i in range(4)]
    speakers = [None] * 200

    def speaker(i):
        for n in range(i, len(speakers), loaders):
            speakers[n] = create("speakers", "speaker", {"name": f"Speaker Ünïcode {n}", "email": f"s{n}@example.org",
                                                          "organisation": f"Org {n % 17}"})

    parallel(loaders, speaker)
    ids = [None] * sessions
    started = time.time()

    def session(i):
        for n in range(i, sessions, loaders):
            minute = (n * 5) % (3 * 24 * 60)
            start = 1805875200 + minute * 60  # 2027-03-26T08:00:00Z onwards, across the DST change of 2027-03-28
            attributes = {"title": f"Session {n}: schedules, calendars and clocks", "state": "accepted",
                          "short-abstract": ABSTRACT, "starts-at": iso(start), "ends-at": iso(start + 1800)}
            pair = rng_pairs[n]
            ids[n] = create("sessions", "session", attributes, {
                "track": relation("track", tracks[n % 4]), "microlocation": relation("microlocation", rooms[n % 4]),
                "speakers": {"data": [{"type": "speaker", "id": str(speakers[p])} for p in pair]}})

    rng_pairs = [rng.sample(range(len(speakers)), 2) for _ in range(sessions)]
    parallel(loaders, session)
    print(f"  created {sessions} accepted sessions in {time.time() - started:.1f} s")
    wait_projection(event_id, sessions)
    return event_id, identifier, ids


def iso(epoch):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


def wait_projection(event_id, count, timeout=600):
    deadline = time.time() + timeout
    while True:
        listed = int(psql(f"SELECT count(*) FROM session WHERE event_id = {int(event_id)} AND listing = 1")[0][0])
        if listed >= count:
            return
        if time.time() > deadline:
            raise RuntimeError(f"export-service listed {listed} of {count} sessions after {timeout} s")
        time.sleep(0.5)


PHASES = []


def export(api, reference, fmt="ical"):
    """Request -> SUCCESS -> downloaded; returns (seconds, bytes, body) and records the three phases in PHASES.
    The task is read with `Prefer: wait=20`, so its answer comes as the task finishes, without polling."""
    t0 = time.perf_counter()
    task_url = api.call("GET", f"/v1/events/{reference}/export/{fmt}")["task_url"]
    requested = time.perf_counter()
    while True:
        status, _, payload = api.raw("GET", task_url, headers={"Prefer": "wait=20"})
        if status != 200:
            raise RuntimeError(f"GET {task_url} answered {status}: {payload[:300]!r}")
        task = json.loads(payload)
        if task["state"] == "SUCCESS":
            break
        if task["state"] != "WAITING":
            raise RuntimeError(f"export failed: {task}")
    done = time.perf_counter()
    url = urllib.parse.urlparse(task["result"]["download_url"])
    status, _, body = api.raw("GET", url.path + "?" + url.query)
    elapsed = time.perf_counter() - t0
    if status != 200:
        raise RuntimeError(f"download answered {status}")
    PHASES.append((requested - t0, done - requested, t0 + elapsed - done))
    return elapsed, len(body), body


def await_projected(sql, expected, what, timeout=30):
    """Waits until export-service's projection answers `sql` with `expected` (polling its database)."""
    deadline = time.time() + timeout
    while psql(sql)[0][0] != expected:
        if time.time() > deadline:
            raise RuntimeError(f"{what} never reached export-service")
        time.sleep(0.01)


def warm_up(api, identifier, sessions, rng, seconds):
    """Changes one session and exports the schedule, over and over, for `seconds`: the JVM compiles the paths the
    measured changes take (planning after a change, rendering on request, waiting for the projection, streaming)
    only after thousands of runs, and until then its compiler competes with them for the CPU. Returns the cycles."""
    cycles, deadline = 0, time.time() + seconds
    while time.time() < deadline:
        target = sessions[rng.randrange(len(sessions))]
        api.call("PATCH", f"/v1/sessions/{target}", {"data": {"type": "session", "id": str(target),
                                                               "attributes": {"title": f"Warm-up {cycles}"}}})
        export(api, identifier)
        cycles += 1
    del PHASES[-cycles:]
    return cycles


def phases(last):
    """The request, wait-for-SUCCESS and download phases of the last exports, as a short text (medians, ms)."""
    rows = PHASES[-last:]
    names = ("request", "until SUCCESS", "download")
    return ", ".join(f"{name} {statistics.median(r[i] for r in rows) * 1000:.0f}" for i, name in enumerate(names))


def busy_jiffies():
    """CPU time the whole machine has spent busy so far (clock ticks, /proc/stat)."""
    with open("/proc/stat") as stat:
        fields = [int(v) for v in stat.readline().split()[1:]]
    return sum(fields) - fields[3] - fields[4]


def settle(limit=300):
    """Waits until the machine stays under a quarter of a core for three 3 s windows in a row (the sessions just
    created still flow through relays and consumers for a while), so the figures measure exports, not that."""
    ticks, windows, quiet, waited = os.sysconf("SC_CLK_TCK"), [], 0, 0
    while waited < limit and quiet < 3:
        before = busy_jiffies()
        time.sleep(3)
        waited += 3
        windows.append(busy_jiffies() - before)
        quiet = quiet + 1 if windows[-1] < 3 * ticks / 4 else 0
    print(f"the machine settled after {waited} s (busy jiffies per 3 s window: {' '.join(map(str, windows))}); "
          f"load average {' '.join(open('/proc/loadavg').read().split()[:3])}")


def python_icalendar_anchor(event_id):
    """The original server's approach: Python's icalendar builds and serializes the same sessions (render only)."""
    try:
        import icalendar
    except ImportError:
        return None
    rows = psql(f"SELECT s.id, s.title, s.short_abstract, s.starts_at, s.ends_at, m.name FROM session s "
                f"LEFT JOIN microlocation m ON m.id = s.microlocation_id WHERE s.event_id = {int(event_id)} "
                f"AND s.listing = 1")
    import datetime
    t0 = time.perf_counter()
    cal = icalendar.Calendar()
    cal.add("prodid", "-//bench//EN")
    cal.add("version", "2.0")
    for row in rows:
        ev = icalendar.Event()
        ev.add("uid", f"{row[0]}-bench")
        ev.add("summary", row[1])
        ev.add("description", row[2])
        ev.add("dtstart", datetime.datetime.fromisoformat(row[3].replace(" ", "T") + ":00"
                                                          if re.search(r"[+-]\d\d$", row[3]) else row[3]))
        ev.add("dtend", datetime.datetime.fromisoformat(row[4].replace(" ", "T") + ":00"
                                                        if re.search(r"[+-]\d\d$", row[4]) else row[4]))
        ev.add("location", row[5] or "")
        cal.add_component(ev)
    data = cal.to_ical()
    return time.perf_counter() - t0, len(data)


def wrk(url, headers, connections, seconds):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout

    def grab(pattern):
        match = re.search(pattern, out)
        return match.group(1) if match else "?"

    def ms(text):
        match = re.match(r"([\d.]+)(us|ms|s)", text)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    non2xx = grab(r"Non-2xx or 3xx responses: (\d+)")
    return {"p50": ms(grab(r"50%\s+(\S+)")), "p90": ms(grab(r"90%\s+(\S+)")), "p99": ms(grab(r"99%\s+(\S+)")),
            "avg": ms(grab(r"Latency\s+(\S+)")), "rps": float(grab(r"Requests/sec:\s+([\d.]+)")),
            "errors": non2xx}


def metrics_heap(service_url):
    """export-service's heap in use (all pools) and its tenured/old pool, from /q/metrics."""
    conn = http.client.HTTPConnection(urllib.parse.urlparse(service_url).hostname,
                                      urllib.parse.urlparse(service_url).port, timeout=5)
    conn.request("GET", "/q/metrics")
    text = conn.getresponse().read().decode()
    conn.close()
    total, old = 0.0, 0.0
    for line in text.splitlines():
        if line.startswith("jvm_memory_used_bytes{") and 'area="heap"' in line:
            value = float(line.rsplit(" ", 1)[1])
            total += value
            if "Tenured" in line or "Old Gen" in line:
                old += value
    return total, old


def heavy(api, count, args):
    """100,000 sessions: the event is created through the API; the sessions are published straight to Kafka as
    session-service would (snapshots with schedule version 0, which the freshness barrier does not wait for), since
    creating them one by one through session-service would take most of an hour. Then one export, heap sampled."""
    if not shutil.which("kcat"):
        print("  --heavy needs kcat (Debian: apt-get install kcat); skipped")
        return
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    event = api.call("POST", "/v1/events", {"data": {"type": "event", "attributes": {
        "name": f"Heavy bench {uuid.uuid4().hex[:6]}", "timezone": "Europe/Berlin",
        "starts-at": "2027-03-26T09:00:00+01:00", "ends-at": "2027-03-29T18:00:00+02:00"}}})["data"]
    event_id = int(event["id"])
    api.call("PATCH", f"/v1/events/{event_id}", {"data": {"type": "event", "id": str(event_id), "attributes": {
        "state": "published", "schedule-published-on": now}}})
    base = 9_000_000_000_000 + event_id * 1_000_000
    lines = []
    for n in range(count):
        start = 1805875200 + ((n * 5) % (3 * 24 * 60)) * 60
        payload = {"id": base + n, "eventId": event_id, "scheduleVersion": 0, "title": f"Heavy session {n}",
                   "subtitle": None, "shortAbstract": ABSTRACT, "longAbstract": None, "language": "en", "level": None,
                   "state": "accepted", "wasPublic": True, "startsAt": iso(start), "endsAt": iso(start + 1800),
                   "trackId": None, "microlocationId": None, "sessionTypeId": None, "speakerIds": [],
                   "creatorId": None, "createdAt": None, "submittedAt": None, "deletedAt": None}
        envelope = {"messageId": str(uuid.uuid4()), "type": "session.upserted", "schemaVersion": 1,
                    "aggregateType": "session", "aggregateId": str(base + n), "aggregateVersion": 1,
                    "occurredAt": now, "payload": payload}
        lines.append(f"{base + n}\t{json.dumps(envelope)}")
    t0 = time.time()
    subprocess.run(["kcat", "-P", "-b", args.kafka, "-t", "openevent.sessions", "-K", "\t", "-z", "lz4"],
                   input="\n".join(lines) + "\n", text=True, check=True)
    print(f"  published {count} session snapshots to Kafka in {time.time() - t0:.1f} s")
    wait_projection(event_id, count, timeout=1800)
    print(f"  export-service listed all {count} sessions after {time.time() - t0:.1f} s")
    samples = []
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            try:
                samples.append(metrics_heap(args.export_service))
            except OSError:
                pass
            stop.wait(0.02)

    baseline = [metrics_heap(args.export_service) for _ in range(5)]
    base_total = min(b[0] for b in baseline)
    base_old = min(b[1] for b in baseline)
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    elapsed, size, _ = export(api, event_id)
    stop.set()
    sampler.join()
    peak_total = max(s[0] for s in samples)
    peak_old = max(s[1] for s in samples)
    print(f"  100k: request -> SUCCESS -> downloaded in {elapsed:.2f} s, {size / 1e6:.1f} MB; export-service heap in "
          f"use: baseline {base_total / 2**20:.0f} MiB, peak {peak_total / 2**20:.0f} MiB (growth "
          f"{(peak_total - base_total) / 2**20:.0f} MiB, young garbage included); old generation baseline "
          f"{base_old / 2**20:.0f} MiB, peak {peak_old / 2**20:.0f} MiB (growth {(peak_old - base_old) / 2**20:.0f} MiB); "
          f"{len(samples)} samples")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gateway")
    parser.add_argument("email")
    parser.add_argument("password")
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=5, help="one-session changes measured")
    parser.add_argument("--loaders", type=int, default=8)
    parser.add_argument("--warmup", type=int, default=60,
                        help="seconds of unmeasured change-and-export cycles before the measured changes")
    parser.add_argument("--wrk-seconds", type=int, default=10)
    parser.add_argument("--heavy", type=int, default=0, help="also render this many sessions (e.g. 100000)")
    parser.add_argument("--export-service", default=os.environ.get("EXPORT_SERVICE_URL", "http://127.0.0.1:8084"))
    parser.add_argument("--kafka", default=os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"))
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    print(f"calendar-export benchmark, seed {args.seed} (--seed to repeat)")
    rng = random.Random(args.seed)
    login = Api(args.gateway).call("POST", "/v1/auth/login", {"email": args.email, "password": args.password})
    api = Api(args.gateway, login["access_token"])

    print(f"Setting up an event with {args.sessions} sessions")
    event_id, identifier, sessions = setup_event(api, args.sessions, args.loaders, rng)

    settle()
    anchor = python_icalendar_anchor(event_id)
    if anchor:
        print(f"anchor: Python icalendar renders the same {args.sessions} sessions (render only, no I/O) in "
              f"{anchor[0]:.2f} s, {anchor[1] / 1e6:.1f} MB")

    cold = export(api, identifier)
    print(f"cold export (every session rendered): request -> SUCCESS -> downloaded {cold[0] * 1000:.0f} ms, "
          f"{cold[1] / 1e6:.1f} MB ({phases(1)} ms)"
          + (f"; {anchor[0] / cold[0]:.1f}x faster than the anchor" if anchor else ""))
    unchanged = [export(api, identifier)[0] for _ in range(5)]
    print(f"unchanged schedule (file reused): median {statistics.median(unchanged) * 1000:.0f} ms of 5 ({phases(5)} ms)")

    if args.warmup > 0:
        cycles = warm_up(api, identifier, sessions, rng, args.warmup)
        print(f"warm-up (not measured): {cycles} cycles of one change and an export in {args.warmup} s, so the "
              f"figures below are export-service's steady state rather than its JIT compiler's")

    settled, immediate, settled_phases = [], [], []
    for i in range(args.changes):
        target = sessions[rng.randrange(len(sessions))]
        title = f"Changed {i} {uuid.uuid4().hex[:6]}"
        api.call("PATCH", f"/v1/sessions/{target}", {"data": {"type": "session", "id": str(target),
                                                               "attributes": {"title": title}}})
        await_projected(f"SELECT title FROM session WHERE id = {int(target)}", title, "the change")
        elapsed, size, body = export(api, identifier)
        assert title.encode() in body, "the export lacks the change"
        settled.append(elapsed)
        settled_phases.append(PHASES[-1])
        title = f"Changed again {i} {uuid.uuid4().hex[:6]}"
        t0 = time.perf_counter()
        api.call("PATCH", f"/v1/sessions/{target}", {"data": {"type": "session", "id": str(target),
                                                               "attributes": {"title": title}}})
        elapsed, size, body = export(api, identifier)
        assert title.encode() in body, "the export lacks the change made just before it was requested"
        immediate.append(time.perf_counter() - t0)
    print(f"after one session changed (change applied, then export): median {statistics.median(settled) * 1000:.0f} ms, "
          f"all {[round(s * 1000) for s in settled]} ms; phases (medians): request "
          f"{statistics.median(p[0] for p in settled_phases) * 1000:.0f}, until SUCCESS "
          f"{statistics.median(p[1] for p in settled_phases) * 1000:.0f}, download "
          f"{statistics.median(p[2] for p in settled_phases) * 1000:.0f} ms")
    print(f"write + export right after it (read-your-writes barrier included): median "
          f"{statistics.median(immediate) * 1000:.0f} ms, all {[round(s * 1000) for s in immediate]} ms")

    # Moving the event re-renders every session (each LOCATION names the room and the event's place): a cold export
    # again, now with a warm JVM.
    rerendered = []
    for i in range(3):
        place = f"Berlin hall {uuid.uuid4().hex[:6]}"  # no comma: iCalendar escapes it
        api.call("PATCH", f"/v1/events/{event_id}", {"data": {"type": "event", "id": str(event_id),
                                                               "attributes": {"location-name": place}}})
        await_projected(f"SELECT location_name FROM event_projection WHERE id = {int(event_id)}", place,
                        "the event's move")
        elapsed, _, body = export(api, identifier)
        assert place.encode() in body, "the export lacks the event's new place"
        rerendered.append(elapsed)
    print(f"every session re-rendered (the event moved), warm: median {statistics.median(rerendered) * 1000:.0f} ms, "
          f"all {[round(s * 1000) for s in rerendered]} ms ({phases(3)} ms)")

    feed = f"{args.gateway}/v1/events/{identifier}.ics?include_sessions"
    t0 = time.perf_counter()
    status, headers, body = api.raw("GET", urllib.parse.urlparse(feed).path + "?include_sessions",
                                    headers={"Accept": "text/calendar"})
    full = time.perf_counter() - t0
    etag = headers.get("ETag") or headers.get("Etag")
    print(f"live feed, full answer: {full * 1000:.0f} ms, {len(body) / 1e6:.1f} MB, ETag {etag}")
    status, _, _ = api.raw("GET", urllib.parse.urlparse(feed).path + "?include_sessions", headers={"If-None-Match": etag})
    assert status == 304, f"a matching If-None-Match answered {status}"
    base = wrk(f"{args.gateway}/healthz", {}, 1, args.wrk_seconds)
    one = wrk(feed, {"If-None-Match": etag}, 1, args.wrk_seconds)
    many = wrk(feed, {"If-None-Match": etag}, 8, args.wrk_seconds)
    print(f"anchor: gateway /healthz (nginx alone), 1 connection: p50 {base['p50']:.2f} ms, p99 {base['p99']:.2f} ms")
    print(f"live feed 304 at the gateway, 1 connection: p50 {one['p50']:.2f} ms, p90 {one['p90']:.2f} ms, "
          f"p99 {one['p99']:.2f} ms, {one['rps']:.0f} req/s (non-304: {one['errors']}); "
          f"{one['p50'] / base['p50']:.1f}x the anchor")
    print(f"live feed 304 at the gateway, 8 connections: p50 {many['p50']:.2f} ms, p99 {many['p99']:.2f} ms, "
          f"{many['rps']:.0f} req/s")
    if args.heavy:
        print(f"Heavy: {args.heavy} sessions")
        heavy(api, args.heavy, args)


if __name__ == "__main__":
    main()
