#!/usr/bin/env python3
"""Propagation lag of single session edits of a quiet event, from session-service to export-service's projection.

Lag of one edit = applied_at - updated_at of the session row in export-service's database, where updated_at is
the envelope's occurredAt (taken in session-service's writing transaction, just before its commit) and applied_at
is taken in export-service's applying transaction. Each probe edits another pre-created session of the quiet
event, so every sample keeps its own row and the lags are read in one query at the end.

Scenarios: (a) another event receives a sustained rate of session writes; (b) a bulk load of sessions into
another event. Usage: propagation_lag.py <gateway-url> <admin-email> <admin-password> [options]; see --help.
"""
import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

JSONAPI = "application/vnd.api+json"


class Api:
    """One keep-alive connection to the gateway per thread."""

    def __init__(self, base, token=None):
        url = urllib.parse.urlparse(base)
        self.host, self.port = url.hostname, url.port or 80
        self.token = token
        self.local = threading.local()

    def call(self, method, path, body=None, expect=(200, 201), content_type=JSONAPI):
        for attempt in range(3):
            conn = getattr(self.local, "conn", None)
            if conn is None:
                conn = self.local.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            headers = {"Accept": JSONAPI}
            if body is not None:
                headers["Content-Type"] = content_type
            if self.token:
                headers["Authorization"] = "JWT " + self.token
            try:
                conn.request(method, path, json.dumps(body) if body is not None else None, headers)
                response = conn.getresponse()
                payload = response.read()
            except (http.client.HTTPException, OSError):
                conn.close()
                self.local.conn = None
                if attempt == 2:
                    raise
                continue
            if response.status not in expect:
                raise RuntimeError(f"{method} {path} answered {response.status}: {payload[:300]!r}")
            return json.loads(payload) if payload else None


def psql(sql):
    env = dict(os.environ, PGPASSWORD=os.environ.get("EXPORT_DB_PASSWORD", "openevent_export"))
    out = subprocess.run(["psql", "-qAt", "-F", "\t", "-h", os.environ.get("PGHOST", "127.0.0.1"),
                          "-p", os.environ.get("PGPORT", "5432"), "-U", os.environ.get("EXPORT_DB_USER", "openevent_export"),
                          "-d", os.environ.get("EXPORT_DB_NAME", "openevent_export"), "-c", sql],
                         env=env, check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def relation(event_id):
    return {"event": {"data": {"type": "event", "id": str(event_id)}}}


def new_event(api, name):
    event = api.call("POST", "/v1/events", {"data": {"type": "event", "attributes": {
        "name": name, "timezone": "UTC", "state": "published",
        "starts-at": "2027-04-01T08:00:00Z", "ends-at": "2027-04-05T18:00:00Z"}}})["data"]["id"]
    deadline = time.time() + 60
    while True:
        try:
            api.call("GET", f"/v1/events/{event}/tracks")
            return event
        except RuntimeError:
            if time.time() > deadline:
                raise
            time.sleep(0.2)


def new_session(api, event_id, title):
    return api.call("POST", "/v1/sessions", {"data": {"type": "session", "attributes": {
        "title": title, "starts-at": "2027-04-02T10:00:00Z", "ends-at": "2027-04-02T10:30:00Z"},
        "relationships": relation(event_id)}})["data"]["id"]


def rename(api, session_id, title):
    api.call("PATCH", f"/v1/sessions/{session_id}",
             {"data": {"type": "session", "id": str(session_id), "attributes": {"title": title}}})


def parallel(count, work):
    threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(count)]
    for thread in threads:
        thread.start()
    return threads


class Probe:
    """Renames quiet-event sessions one at a time at a fixed interval until stopped."""

    def __init__(self, api, sessions, interval, tag):
        self.api, self.sessions, self.interval, self.tag = api, list(sessions), interval, tag
        self.titles = {}
        self.stop = threading.Event()

    def run(self):
        for index, session_id in enumerate(self.sessions):
            if self.stop.is_set():
                break
            title = f"{self.tag} probe {index}"
            rename(self.api, session_id, title)
            self.titles[session_id] = title
            self.stop.wait(self.interval)

    def lags(self, quiet_event, timeout=120):
        ids = ",".join(str(i) for i in self.titles)
        if not ids:
            return []
        deadline = time.time() + timeout
        while True:
            rows = psql(f"SELECT id, title, round(extract(epoch FROM applied_at - updated_at) * 1000) "
                        f"FROM session WHERE event_id = {quiet_event} AND id IN ({ids})")
            done = [(row[0], float(row[2])) for row in rows if row[1] == self.titles.get(row[0])]
            if len(done) == len(self.titles) or time.time() > deadline:
                missing = len(self.titles) - len(done)
                if missing:
                    print(f"    {missing} probe edits not applied within {timeout} s", file=sys.stderr)
                return sorted(lag for _, lag in done)


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def report(name, lags, extra):
    print(f"{name}: {len(lags)} edits, propagation lag p50 {percentile(lags, 50):.0f} ms, "
          f"p99 {percentile(lags, 99):.0f} ms, max {max(lags) if lags else float('nan'):.0f} ms; {extra}")


def sustained(api, quiet, quiet_sessions, args, tag):
    busy = new_event(api, f"Busy {tag}")
    targets = [new_session(api, busy, f"busy {i}") for i in range(args.busy_sessions)]
    done = [0] * args.writers
    start = time.time() + 0.5
    end = start + args.duration
    period = args.writers / args.rate

    def writer(w):
        n = 0
        while True:
            due = start + (w / args.rate) + n * period
            if due > end:
                return
            delay = due - time.time()
            if delay > 0:
                time.sleep(delay)
            rename(api, random.choice(targets), f"busy {w}-{n}")
            done[w] += 1
            n += 1

    threads = parallel(args.writers, writer)
    time.sleep(max(0.0, start - time.time() + 1))
    probe = Probe(api, quiet_sessions, args.probe_interval, f"{tag}-a")
    probe_thread = parallel(1, lambda _: probe.run())[0]
    for thread in threads:
        thread.join()
    probe.stop.set()
    probe_thread.join()
    elapsed = time.time() - start
    report("(a) quiet event during sustained writes to another event", probe.lags(quiet),
           f"load {sum(done)} writes in {elapsed:.1f} s = {sum(done) / elapsed:.0f}/s (target {args.rate:.0f}/s)")


def bulk(api, quiet, quiet_sessions, args, tag):
    big = new_event(api, f"Bulk {tag}")
    counter = iter(range(args.bulk))
    lock = threading.Lock()
    created = [0]

    def loader(_):
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            new_session(api, big, f"bulk {i}")
            with lock:
                created[0] += 1

    start = time.time()
    threads = parallel(args.loaders, loader)
    probe = Probe(api, quiet_sessions, args.probe_interval, f"{tag}-b")
    probe_thread = parallel(1, lambda _: probe.run())[0]
    for thread in threads:
        thread.join()
    loaded = time.time() - start
    probe.stop.set()
    probe_thread.join()
    lags = probe.lags(quiet)
    deadline = time.time() + 600
    while time.time() < deadline:
        applied = int(psql(f"SELECT count(*) FROM session WHERE event_id = {big}")[0][0])
        if applied >= args.bulk:
            break
        time.sleep(1)
    drained = time.time() - start
    report("(b) quiet event during a bulk load into another event", lags,
           f"bulk {created[0]} sessions created in {loaded:.1f} s ({created[0] / loaded:.0f}/s), "
           f"all in export-service after {drained:.1f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gateway")
    parser.add_argument("email")
    parser.add_argument("password")
    parser.add_argument("--rate", type=float, default=200, help="writes/s to the busy event in scenario (a)")
    parser.add_argument("--duration", type=float, default=30, help="seconds of sustained writes")
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--busy-sessions", type=int, default=50)
    parser.add_argument("--bulk", type=int, default=10_000, help="sessions bulk-loaded in scenario (b)")
    parser.add_argument("--loaders", type=int, default=8)
    parser.add_argument("--probe-interval", type=float, default=0.25)
    parser.add_argument("--scenario", choices=["a", "b", "both"], default="both")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    random.seed(args.seed)
    print(f"propagation-lag seed {args.seed}")

    login = Api(args.gateway).call("POST", "/v1/auth/login", {"email": args.email, "password": args.password},
                                   content_type="application/json")
    api = Api(args.gateway, login["access_token"])
    tag = f"lag-{args.seed}"
    quiet = new_event(api, f"Quiet {tag}")
    probes = int(args.duration / args.probe_interval) + 400
    quiet_sessions = [new_session(api, quiet, f"quiet {i}") for i in range(probes)]
    half = len(quiet_sessions) // 2
    if args.scenario in ("a", "both"):
        sustained(api, quiet, quiet_sessions[:half], args, tag)
    if args.scenario in ("b", "both"):
        bulk(api, quiet, quiet_sessions[half:], args, tag)


if __name__ == "__main__":
    main()
