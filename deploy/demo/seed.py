#!/usr/bin/env python3
"""Loads the demo event through the public API (via the gateway), exactly as a client would.

Idempotent: an existing demo event (found by name among the admin's events) is left alone.
Usage: seed.py <gateway-url> <admin-email> <admin-password>
"""
import json
import sys
import time
import urllib.error
import urllib.request

JSONAPI = "application/vnd.api+json"
DEMO_NAME = "Open Event Demo Summit"


class ApiError(Exception):
    pass


def call(base, method, path, token=None, body=None, content_type=JSONAPI, expect=(200, 201)):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Accept", JSONAPI)
    if data is not None:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", "JWT " + token)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, payload = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, payload = error.code, error.read()
    except urllib.error.URLError as error:
        raise ApiError(f"{method} {path}: gateway unreachable ({error.reason})")
    if status not in expect:
        raise ApiError(f"{method} {path} answered {status}: {payload[:400].decode(errors='replace')}")
    return json.loads(payload) if payload else None


def resource(kind, attributes, event_id=None, **relationships):
    rels = {}
    if event_id is not None:
        rels["event"] = {"data": {"type": "event", "id": str(event_id)}}
    for name, value in relationships.items():
        rel_name = name.replace("_", "-")
        if isinstance(value, list):
            rels[rel_name] = {"data": [{"type": t, "id": str(i)} for t, i in value]}
        elif value is not None:
            rels[rel_name] = {"data": {"type": value[0], "id": str(value[1])}}
    data = {"type": kind, "attributes": attributes}
    if rels:
        data["relationships"] = rels
    return {"data": data}


def main():
    base, email, password = sys.argv[1], sys.argv[2], sys.argv[3]
    token = None
    deadline = time.time() + 60
    while token is None:
        try:
            token = call(base, "POST", "/v1/auth/login", body={"email": email, "password": password},
                         content_type="application/json")["access_token"]
        except ApiError as error:
            if time.time() > deadline:
                raise ApiError(f"admin login failed: {error}")
            time.sleep(1)

    events = call(base, "GET", "/v1/events?page[size]=100", token)["data"]
    existing = [e for e in events if e["attributes"]["name"] == DEMO_NAME]
    if existing:
        print(f"    demo event already present: /v1/events/{existing[0]['attributes']['identifier']}")
        return

    event = call(base, "POST", "/v1/events", token, resource("event", {
        "name": DEMO_NAME,
        "description": "Two days of talks on open source event tooling.",
        "starts-at": "2027-06-10T09:00:00+02:00", "ends-at": "2027-06-11T18:00:00+02:00",
        "timezone": "Europe/Berlin", "location-name": "Kulturbrauerei, Berlin",
        "latitude": 52.5389, "longitude": 13.4132, "state": "draft",
        "is-sessions-speakers-enabled": True, "is-sponsors-enabled": True}))["data"]
    event_id = event["id"]
    call(base, "PATCH", f"/v1/events/{event_id}", token,
         {"data": {"type": "event", "id": event_id, "attributes": {
             "state": "published", "schedule-published-on": "2027-05-01T00:00:00+00:00"}}})

    def create(collection, kind, attributes, **relationships):
        return call(base, "POST", f"/v1/{collection}", token,
                    resource(kind, attributes, event_id, **relationships))["data"]["id"]

    tracks = {name: create("tracks", "track", {"name": name, "color": color})
              for name, color in [("Platform", "#1e88e5"), ("Community", "#43a047")]}
    rooms = {name: create("microlocations", "microlocation",
                          {"name": name, "floor": floor, "latitude": lat, "longitude": lng})
             for name, floor, lat, lng in [("Main Hall", 0, 52.5390, 13.4130), ("Workshop Room", 1, 52.5387, 13.4135)]}
    talk = create("session-types", "session-type", {"name": "Talk", "length": "00:45"})
    workshop = create("session-types", "session-type", {"name": "Workshop", "length": "01:30"})
    ada = create("speakers", "speaker", {"name": "Ada Example", "email": "ada@example.org",
                                         "organisation": "Example Labs", "short-biography": "Builds schedulers."})
    grace = create("speakers", "speaker", {"name": "Grace Sample", "email": "grace@example.org",
                                           "organisation": "Sample Foundation", "short-biography": "Runs meetups."})

    sessions = [
        ("Keynote: Events as Code", "2027-06-10T09:30:00+02:00", "2027-06-10T10:15:00+02:00",
         "Platform", "Main Hall", talk, [ada], "accepted"),
        ("Running a Call for Speakers", "2027-06-10T11:00:00+02:00", "2027-06-10T11:45:00+02:00",
         "Community", "Main Hall", talk, [grace], "accepted"),
        ("Hands-on: Schedules in iCalendar", "2027-06-11T10:00:00+02:00", "2027-06-11T11:30:00+02:00",
         "Platform", "Workshop Room", workshop, [ada, grace], "accepted"),
        ("Unreviewed proposal", "2027-06-11T14:00:00+02:00", "2027-06-11T14:45:00+02:00",
         "Community", "Main Hall", talk, [grace], "pending"),
    ]
    for title, starts, ends, track, room, kind, speakers, state in sessions:
        # Organizers create sessions in their state: a draft is its proposer's until submitted (the contract).
        create("sessions", "session", {
            "title": title, "short-abstract": f"{title} at the demo summit.", "state": state,
            "starts-at": starts, "ends-at": ends, "language": "English"},
            track=("track", tracks[track]), microlocation=("microlocation", rooms[room]),
            session_type=("session-type", kind), speakers=[("speaker", s) for s in speakers])
    print(f"    demo event created: /v1/events/{event['attributes']['identifier']} (id {event_id})")


if __name__ == "__main__":
    try:
        main()
    except ApiError as failure:
        print(f"seed failed: {failure}", file=sys.stderr)
        sys.exit(1)
