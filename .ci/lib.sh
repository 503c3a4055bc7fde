# Helpers shared by the production-mode scripts (.ci/smoke.sh, .ci/two-instances.sh). Each script defines
# its own fail MESSAGE (print what it knows, exit 1) before calling these.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# json EXPR: reads JSON on stdin and prints the Python expression applied to it, e.g. json "['code']"
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

# await_ready NAME PID BASE: returns once BASE/q/health/ready answers 200; fails if PID dies or after 60 s
await_ready() {
  for _ in $(seq 1 120); do
    curl -fsS "$3/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || fail "$1 exited during start-up"
    sleep 0.5
  done
  fail "$1 not ready after 60 s"
}
