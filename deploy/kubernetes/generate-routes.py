#!/usr/bin/env python3
"""Generates the Gateway API HTTPRoutes of deploy/kubernetes from the local gateway's configuration.

The local nginx (./dev up) and the Kubernetes gateway route with one table: deploy/gateway/routes.conf plus the
exact-match locations of deploy/gateway/nginx.conf.template, with the upstreams' ports from deploy/topology.tsv.
CORS comes from deploy/gateway/cors-maps.conf and cors.conf, the header stripping from proxy.conf.

    deploy/kubernetes/generate-routes.py          rewrite deploy/kubernetes/base/gateway/httproutes.yaml
    deploy/kubernetes/generate-routes.py --check  exit 1 when the committed file is stale (./dev check runs this)

nginx picks an exact location first, then the longest prefix (final when marked ^~), else the first matching regex,
else that longest prefix. Envoy Gateway, Contour and NGINX Gateway Fabric order HTTPRoute matches Exact, then
RegularExpression, then the longest PathPrefix, and match a regex against the whole path. So a location becomes:
  = /p      -> Exact /p
  /p/       -> PathPrefix /p/                  (nginx's string prefix and Gateway API's path prefix agree)
  /p        -> PathPrefix /p, plus RegularExpression ^/p[^/].*  (nginx's /p also takes /pX...: kept, not fixed)
  ~ ^re     -> RegularExpression ^re.*          (anchored at the start, open at the end, as nginx searches it)
  return    -> no route: the gateway answers 404 for paths nothing claims (e.g. ^~ /internal)
The Kubernetes validation module checks the result against nginx's semantics on the frontend's real requests.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
GATEWAY = ROOT / "deploy" / "gateway"
OUTPUT = ROOT / "deploy" / "kubernetes" / "base" / "gateway" / "httproutes.yaml"
GATEWAY_NAME = "openevent"
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"}
LOCATION = re.compile(r"^\s*location\s+(=|~\*|~|\^~)?\s*(\S+)\s*\{(.*)\}\s*$")


def fail(message):
    sys.exit(f"generate-routes: {message}")


def topology_ports():
    ports = {}
    for line in (ROOT / "deploy" / "topology.tsv").read_text().splitlines():
        fields = line.split()
        if fields and not fields[0].startswith("#") and fields[1] == "service":
            ports[fields[0]] = int(fields[2])
    return ports


def locations(path, only_exact=False):
    """(modifier, path, upstream or None, source line) for each single-line location of an nginx file."""
    found = []
    for number, line in enumerate(path.read_text().splitlines(), 1):
        stripped = line.strip()
        if not stripped.startswith("location"):
            continue
        match = LOCATION.match(line)
        if not match:
            if only_exact:
                continue
            fail(f"{path.name}:{number}: a route must be one single-line location block: {stripped}")
        modifier, where, body = match.group(1) or "", match.group(2), match.group(3)
        if only_exact and modifier != "=":
            continue
        upstream = re.search(r"proxy_pass\s+http://([A-Za-z0-9-]+)\s*;", body)
        if upstream is None and "return" not in body:
            fail(f"{path.name}:{number}: a route either proxies to a service or returns: {stripped}")
        # The source names the location, not its line, so editing comments elsewhere leaves the output alone.
        found.append((modifier, where, upstream.group(1) if upstream else None,
                      f"{path.name}: location {modifier + ' ' if modifier else ''}{where}"))
    return found


def nginx_map(text, variable):
    block = re.search(r"map\s+\S+\s+\$" + re.escape(variable) + r"\s*\{(.*?)\}", text, re.S)
    if not block:
        fail(f"cors-maps.conf defines no map ${variable}")
    values = dict(re.findall(r'^\s*(\S+)\s+"([^"]*)";', block.group(1), re.M))
    return values


def cors():
    maps = (GATEWAY / "cors-maps.conf").read_text()
    headers = (GATEWAY / "cors.conf").read_text()
    origin = nginx_map(maps, "cors_allow_origin")
    if origin.get('""') != "*" and origin.get("default") != "$http_origin":
        fail("cors-maps.conf allows only some origins; teach this generator the list")
    expose = re.search(r'add_header\s+Access-Control-Expose-Headers\s+"([^"]*)"', headers)
    split = lambda value: [item.strip() for item in value.split(",") if item.strip()]
    return {
        "allowOrigins": ["*"],
        "allowMethods": split(nginx_map(maps, "cors_preflight_methods")["OPTIONS"]),
        "allowHeaders": split(nginx_map(maps, "cors_preflight_headers")["OPTIONS"]),
        "exposeHeaders": split(expose.group(1)) if expose else [],
        "maxAge": int(nginx_map(maps, "cors_preflight_max_age")["OPTIONS"]),
    }


def stripped_headers():
    """Headers the gateway blanks (proxy_set_header X ""), which nginx then does not send at all; hop-by-hop
    headers such as Connection are the proxy's own business and have no twin."""
    blanked = re.findall(r'^\s*proxy_set_header\s+(\S+)\s+""\s*;', (GATEWAY / "proxy.conf").read_text(), re.M)
    return [header for header in blanked if header.lower() not in HOP_BY_HOP]


def matches(modifier, where, source):
    if modifier == "=":
        return [("Exact", where)]
    if modifier in ("", "^~"):
        if where.endswith("/"):
            return [("PathPrefix", where)]
        return [("PathPrefix", where), ("RegularExpression", "^" + escape_path(where) + "[^/].*")]
    if modifier == "~":
        if not where.startswith("^"):
            fail(f"{source}: regex routes must be anchored with ^ so they mean the same in both gateways")
        return [("RegularExpression", where if where.endswith("$") else where + ".*")]
    fail(f"{source}: case-insensitive regex routes (~*) have no Gateway API twin")


def escape_path(path):
    return re.sub(r"([.+*?()\[\]{}|^$\\])", r"\\\1", path)



def quoted(value):
    return "'" + value.replace("'", "''") + "'"


def render():
    ports = topology_ports()
    routes = locations(GATEWAY / "routes.conf") + locations(GATEWAY / "nginx.conf.template", only_exact=True)
    prefixes = [where for modifier, where, upstream, _ in routes if modifier in ("", "^~") and upstream]
    for shorter in prefixes:
        for longer in prefixes:
            if longer != shorter and longer.startswith(shorter) and not shorter.endswith("/") \
                    and longer[len(shorter)] != "/":
                fail(f"prefix {shorter} would hide the longer prefix {longer} in Gateway API (regex twins win "
                     "over prefixes); end {shorter} with a slash or add an exact route")
    by_service = {}
    for modifier, where, upstream, source in routes:
        if upstream is None:
            continue
        if upstream not in ports:
            fail(f"{source}: upstream {upstream} is not a service in deploy/topology.tsv")
        by_service.setdefault(upstream, []).append((matches(modifier, where, source), source))
    policy = cors()
    removed = stripped_headers()
    out = ["# GENERATED by deploy/kubernetes/generate-routes.py from deploy/gateway/routes.conf, the exact routes of",
           "# deploy/gateway/nginx.conf.template, cors-maps.conf, cors.conf, proxy.conf and deploy/topology.tsv.",
           "# Do not edit: change the local gateway's files and run the generator (./dev check fails when stale)."]
    for service in sorted(by_service):
        # One rule per service: its matches are alternatives, and their precedence does not depend on the rule.
        out += ["---", "apiVersion: gateway.networking.k8s.io/v1", "kind: HTTPRoute", "metadata:",
                f"  name: {service}", "  labels:", f"    app.kubernetes.io/name: {service}",
                "    app.kubernetes.io/component: route", "spec:", "  parentRefs:", f"  - name: {GATEWAY_NAME}",
                "  rules:", "  - matches:"]
        for rule_matches, source in by_service[service]:
            out.append(f"    # {source}")
            for kind, value in rule_matches:
                out += ["    - path:", f"        type: {kind}", f"        value: {quoted(value)}"]
        out += ["    filters:", "    - type: CORS", "      cors:",
                "        allowOrigins: [" + ", ".join(quoted(o) for o in policy["allowOrigins"]) + "]",
                "        allowMethods: [" + ", ".join(policy["allowMethods"]) + "]",
                "        allowHeaders: [" + ", ".join(policy["allowHeaders"]) + "]",
                "        exposeHeaders: [" + ", ".join(policy["exposeHeaders"]) + "]",
                f"        maxAge: {policy['maxAge']}"]
        if removed:
            out += ["    - type: RequestHeaderModifier", "      requestHeaderModifier:",
                    "        remove: [" + ", ".join(removed) + "]"]
        out += ["    backendRefs:", f"    - name: {service}", f"      port: {ports[service]}"]
    return "\n".join(out) + "\n"


def main():
    text = render()
    if "--check" in sys.argv[1:]:
        if not OUTPUT.exists() or OUTPUT.read_text() != text:
            sys.exit(f"{OUTPUT.relative_to(ROOT)} is stale: run deploy/kubernetes/generate-routes.py")
        print(f"{OUTPUT.relative_to(ROOT)} is up to date with the local gateway's routes")
        return
    OUTPUT.write_text(text)
    print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
