"""Webhook isolation benchmark driver (bench/webhook-isolation.sh).

  webhook_isolation.py receivers HANG_PORT OK_PORT
      two receivers: one accepts connections and never answers, the other answers every webhook with 204
  webhook_isolation.py load BASE HANG_URL OK_URL SECONDS LOOKUP_RPS EVENT_CYCLES DB REPORT

`load` offers the same open-model load (requests start on schedule whether earlier ones finished or not; latency is
measured from the scheduled start, so a stall counts in full) four times: twice without a webhook (the machine's
noise), then with one subscribed to every event at the healthy receiver, then at the hanging one. Only 127.0.0.1 is
contacted; every loop is bounded.
"""
import http.server
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

PASSWORD = "bench passphrase 4711"
# The least p99 ratio that counts as a change; the run also measures two identical phases and uses their
# ratio when this machine varies more than that.
MIN_NOISE = 1.5


class Healthy(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def receivers(hang_port, ok_port):
    healthy = http.server.ThreadingHTTPServer(("127.0.0.1", ok_port), Healthy)
    threading.Thread(target=healthy.serve_forever, daemon=True).start()
    hang(hang_port)


def hang(port):
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen(1024)
    held = []
    deadline = time.time() + 3600
    while time.time() < deadline:
        connection, _ = server.accept()
        held.append(connection)  # read nothing, answer nothing: the sender waits for its response timeout


def call(method, url, body=None, token=None, form=None):
    headers = {}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if form is not None:
        data = "&".join(f"{k}={urllib.request.quote(v)}" for k, v in form.items()).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            payload = response.read()
            return response.status, json.loads(payload) if payload else None
    except urllib.error.HTTPError as error:
        return error.code, None


def token(base, username, password):
    status, answer = call("POST", base + "/api/v1/auth/token",
                          form={"grant_type": "password", "username": username, "password": password})
    assert status == 200, f"login of {username}: {status}"
    return answer["access_token"]


def register(base, name):
    status, _ = call("POST", base + "/api/v1/auth/register",
                     body={"username": name, "email": f"{name}@bench.example", "password": PASSWORD})
    assert status == 201, f"register {name}: {status}"
    return token(base, name, PASSWORD)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] if ordered else float("nan")


def run_phase(base, seconds, lookup_rps, cycles, referrer_email, event_tokens):
    """Lookups at lookup_rps and create+revoke cycles at `cycles`/s; latencies in ms per kind."""
    results = {"lookup": [], "code": []}
    failures = {"lookup": 0, "code": 0}
    lock = threading.Lock()
    start = time.monotonic() + 0.5

    def lookup(scheduled):
        status, _ = call("GET", base + "/api/v1/referral-codes/lookup?email=" + urllib.request.quote(referrer_email))
        record("lookup", scheduled, status == 200)

    def cycle(scheduled, user_token):
        expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 30 * 86400))
        status, created = call("POST", base + "/api/v1/referral-codes", body={"expiresAt": expires}, token=user_token)
        ok = status == 201
        if ok:
            status, _ = call("DELETE", base + "/api/v1/referral-codes/" + created["code"], token=user_token)
            ok = status == 204
        record("code", scheduled, ok)

    def record(kind, scheduled, ok):
        elapsed = (time.monotonic() - scheduled) * 1000
        with lock:
            results[kind].append(elapsed)
            if not ok:
                failures[kind] += 1

    plan = [(start + i / lookup_rps, lookup, ()) for i in range(int(seconds * lookup_rps))]
    plan += [(start + i / cycles, cycle, (event_tokens[i % len(event_tokens)],)) for i in range(int(seconds * cycles))]
    plan.sort(key=lambda item: item[0])
    with ThreadPoolExecutor(max_workers=64) as pool:
        for scheduled, work, args in plan:
            delay = scheduled - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            pool.submit(work, scheduled, *args)
    return {kind: {"requests": len(values), "failures": failures[kind], "p50_ms": round(percentile(values, 0.5), 1),
                   "p99_ms": round(percentile(values, 0.99), 1), "max_ms": round(max(values), 1)}
            for kind, values in results.items()}


def deliveries(db, url=None):
    """Delivery attempts by status, of the endpoint at url (else of all endpoints, the deleted ones included)."""
    sql = "select d.status, count(*) from webhook_deliveries d"
    if url:
        sql += f" join webhook_endpoints e on e.id = d.endpoint_id where e.url = '{url}'"
    sql += " group by d.status order by d.status"
    out = subprocess.run(["psql", "-At", "-F", " ", "-d", db, "-c", sql], capture_output=True, text=True, check=True)
    return dict(line.split(" ") for line in out.stdout.splitlines() if line)


def load(base, hang_url, ok_url, seconds, lookup_rps, cycles, db, report):
    seconds, lookup_rps, cycles = int(seconds), float(lookup_rps), float(cycles)
    admin = token(base, "admin@bench.example", "bench admin passphrase 4711")
    stamp = str(int(time.time()))
    referrer = register(base, "ref" + stamp)
    expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 30 * 86400))
    assert call("POST", base + "/api/v1/referral-codes", body={"expiresAt": expires}, token=referrer)[0] == 201
    event_tokens = [register(base, f"ev{stamp}x{i}") for i in range(8)]
    run_phase(base, 5, lookup_rps, cycles, f"ref{stamp}@bench.example", event_tokens)  # warm-up, not reported
    baseline = run_phase(base, seconds, lookup_rps, cycles, f"ref{stamp}@bench.example", event_tokens)
    again = run_phase(base, seconds, lookup_rps, cycles, f"ref{stamp}@bench.example", event_tokens)
    status, hook = call("POST", base + "/api/v1/webhooks", body={"url": ok_url, "events": ["*"]}, token=admin)
    assert status == 201, f"webhook: {status}"
    healthy = run_phase(base, seconds, lookup_rps, cycles, f"ref{stamp}@bench.example", event_tokens)
    delivered = deliveries(db)
    assert call("DELETE", base + "/api/v1/webhooks/" + hook["id"], token=admin)[0] == 204
    status, _ = call("POST", base + "/api/v1/webhooks", body={"url": hang_url, "events": ["*"]}, token=admin)
    assert status == 201, f"webhook: {status}"
    hanging = run_phase(base, seconds, lookup_rps, cycles, f"ref{stamp}@bench.example", event_tokens)
    attempts = deliveries(db, hang_url)
    phases = {"baseline": baseline, "baseline-again": again, "healthy": healthy, "hanging": hanging}
    write_report(report, seconds, lookup_rps, cycles, phases, delivered, attempts)
    print(json.dumps({**phases, "deliveries-healthy": delivered, "deliveries-hanging": attempts}, indent=2))


def worst_ratio(phase, baseline):
    return max(phase[k]["p99_ms"] / baseline[k]["p99_ms"] for k in baseline if baseline[k]["p99_ms"])


def spread(one, other):
    """How far two runs of the same phase lie apart: the larger p99 over the smaller, worst of the request kinds."""
    return max(max(worst_ratio(one, other), worst_ratio(other, one)), 1.0)


def write_report(report, seconds, lookup_rps, cycles, phases, delivered, attempts):
    baseline, again, healthy, hanging = (phases[k] for k in ("baseline", "baseline-again", "healthy", "hanging"))
    rows = []
    for kind, label in (("lookup", "lookup (GET /referral-codes/lookup)"),
                        ("code", "create + revoke a code (2 requests, 2 events)")):
        cells = " | ".join(f"{p[kind]['requests']} / {p[kind]['failures']} | {p[kind]['p50_ms']} | {p[kind]['p99_ms']}"
                           for p in (baseline, again, healthy, hanging))
        ratio = hanging[kind]["p99_ms"] / healthy[kind]["p99_ms"] if healthy[kind]["p99_ms"] else float("nan")
        rows.append(f"| {label} | {cells} | {ratio:.2f} |")
    made = sum(int(v) for k, v in attempts.items() if k != "PENDING")
    noise_seen = spread(again, baseline)
    noise = max(MIN_NOISE, noise_seen)
    worst = worst_ratio(hanging, healthy)
    cost = worst_ratio(healthy, baseline)
    verdict = (f"Verdict: API p99 unchanged by the hanging receiver: worst p99 ratio hanging / healthy {worst:.2f},"
               f" within {noise:.2f} (two identical phases without a webhook lay {noise_seen:.2f}x apart;"
               f" never less than {MIN_NOISE:g})." if worst <= noise else
               f"Verdict: API p99 SLOWER with the hanging receiver: worst p99 ratio hanging / healthy {worst:.2f}"
               f" > {noise:.2f}.")
    header = " | ".join(f"{name}: sent / failed | p50 ms | p99 ms"
                        for name in ("no webhook", "no webhook again", "healthy receiver", "hanging receiver"))
    text = f"""# Webhook isolation: a hanging receiver and the API

Generated by `bench/webhook-isolation.sh` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: the packaged app
in production mode (PostgreSQL + Redis on this 2-core machine, load generator on the same cores), the same
open-model load for {seconds} s per phase: {lookup_rps:g} lookups/s plus {cycles:g} create+revoke cycles/s (each
cycle writes a `code.created` and a `code.revoked` event). Phases, in order: no webhook, no webhook again (the
machine's noise), one webhook subscribed to `*` at a receiver that answers 204 at once, then (that endpoint deleted)
one at a receiver that accepts the connection and never answers, so every attempt holds one of the
`REFERRAL_WEBHOOK_CONCURRENCY` senders for the response timeout (10 s) while new deliveries keep arriving. Latency
counts from each request's scheduled start (no coordinated omission).

| requests | {header} | p99 hanging / healthy |
|---|{"---|" * 12}---|
{chr(10).join(rows)}

Delivery attempts: healthy receiver {', '.join(f'{k} {v}' for k, v in sorted(delivered.items()))}; hanging receiver
{', '.join(f'{k} {v}' for k, v in sorted(attempts.items()))} ({made} attempts made, each failed by its timeout; the
rest wait their turn). The senders are a fixed pool apart from the HTTP workers and the event loop, and an attempt is
claimed only when a sender is free, so a dead receiver costs a bounded number of threads and sockets.

The question of the issue is whether a receiver that hangs slows the API, so the hanging phase is compared with the
healthy one: both fan the same events out into delivery rows, and where the healthy receiver takes every attempt at
once, the hanging one holds all senders. Worst p99 ratios: healthy receiver / no webhook {cost:.2f} (what delivering
costs at all on these two cores, where the senders, PostgreSQL and the load generator share the cores with the API);
hanging receiver / no webhook {worst_ratio(hanging, baseline):.2f}.

{verdict}
"""
    with open(report, "w") as out:
        out.write(text)


if __name__ == "__main__":
    if sys.argv[1] == "receivers":
        receivers(int(sys.argv[2]), int(sys.argv[3]))
    else:
        load(*sys.argv[2:])
