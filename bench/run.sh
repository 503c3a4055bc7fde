#!/usr/bin/env bash
# Load benchmark of the packaged app in production mode against the machine's PostgreSQL and Redis.
#
#   bench/run.sh [SCALE...]              full run; default scales 10000 100000 1000000 (about 30 minutes)
#   BENCH_QUICK=1 bench/run.sh 10000     quick run for development (about 3-5 minutes)
#
# For each scale: a fresh database; the app starts (Liquibase creates the schema) and stops; SQL seeds the data
# (bench/seed.sql); the app starts again (time to /q/health/ready measured), and Gatling (bench/gatling, open
# model) runs the scenarios; the app's RSS is sampled throughout. bench/report.py then writes
# docs/PERFORMANCE.md (BENCH_REPORT=path to write elsewhere). Raw results: bench/results/<run>/.
#
# Traffic goes to 127.0.0.1 only. Every loop is bounded in count and time. The app is stopped by its PID and the
# databases are dropped on exit, whatever happens (trap).
#
# Settings (environment):
#   BENCH_QUICK=1            short steps, fewer steps, default scale 10000
#   BENCH_REBUILD=1          package the app even if the jar exists (default: only when it is missing)
#   BENCH_APP_DIR            use this packaged quarkus-app directory instead of referral-bootstrap/target/quarkus-app
#   BENCH_JAVA_OPTS          JVM options for the app (default none: exactly the production command `java -jar`)
#   BENCH_DOC_JAVA_OPTS / BENCH_DOC_APP_ENV   the documented JVM options and environment of the RSS step (default:
#                            the container image's, quarkus.jib.jvm-additional-arguments and quarkus.jib.environment-variables.*)
#   BENCH_READY_REPEAT       starts per start-up variant (documented options, AppCDS); the median counts (default 3)
#   BENCH_OVERLOAD_SECONDS   length of the overload step at twice the sustained lookup rate (default 60, quick 20)
#   BENCH_APP_ENV            extra environment for the app, e.g. "REFERRAL_X=1 REFERRAL_Y=2" (wins over the defaults)
#   BENCH_APP_CPUS / BENCH_LOAD_CPUS   e.g. 0 and 1: pin the app and Gatling with taskset (default: no pinning)
#   BENCH_STEP_SECONDS, BENCH_COARSE_SECONDS, BENCH_HALF_SECONDS, BENCH_READ_SECONDS   step lengths
#   BENCH_SUSTAIN_P99_MS     a step of a cheap endpoint counts as sustained while p99 <= this (default 50)
#   BENCH_HASH_SUSTAIN_P99_MS  the same for token and register (default 2000)
#   BENCH_HASH_ABORT_P99_MS  token/register step search ends above this p99 (default 8000; their target is throughput)
#   BENCH_READ_RPS           fixed rate for the list/stats p99 comparison across scales (default: 5% of the
#                            no-op ceiling at the first scale, at least 20/s and at most 200/s)
#   BENCH_DEEP_RPS           the same for the deep page (default BENCH_READ_RPS / 5, at least 5/s)
#   BENCH_MIXED_LOOKUP_FRACTION  lookup rate next to saturated token, as a fraction of the no-op ceiling (0.1)
#   BENCH_LOOKUP_SET         lookup working set: that many referrer emails, warmed first (default 20000)
#   BENCH_HEAVY, BENCH_HEAVY_REFS   heavy referrers and their referrals each (default 2 and 5000)
#   BENCH_NOOP_PATH / BENCH_NOOP_STATUS   the no-op endpoint (default /q/health/live, 200)
#   BENCH_REDIS_URL          default redis://127.0.0.1:6379
#   PGHOST PGPORT PGUSER     default 127.0.0.1 5432 postgres
#
# The app runs with the production defaults except: lookup cache TTL 1 h and access tokens 2 h (so that the run's
# length changes nothing), and, since all traffic comes from 127.0.0.1, the per-client rate limits of lookup, token
# and register raised to 10^9 per window (still enabled, so their counting cost stays in the measurement).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

QUICK=${BENCH_QUICK:-0}
if [ "$#" -gt 0 ]; then SCALES=("$@"); elif [ "$QUICK" = 1 ]; then SCALES=(10000); else SCALES=(10000 100000 1000000); fi
for s in "${SCALES[@]}"; do [[ "$s" =~ ^[0-9]+$ ]] && [ "$s" -ge 60 ] || { echo "bad scale: $s" >&2; exit 2; }; done

PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
export PGOPTIONS="-c client_min_messages=warning"
REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379}
JAVA_OPTS_APP=${BENCH_JAVA_OPTS:-}
APP_ENV=${BENCH_APP_ENV:-}
APP_CPUS=${BENCH_APP_CPUS:-}
LOAD_CPUS=${BENCH_LOAD_CPUS:-}
if [ "$QUICK" = 1 ]; then
  STEP=${BENCH_STEP_SECONDS:-5}; COARSE=${BENCH_COARSE_SECONDS:-4}; HALF=${BENCH_HALF_SECONDS:-8}; GEN_WARM=2; APP_WARM=8
  READ=${BENCH_READ_SECONDS:-6}; LOOKUP_SET=${BENCH_LOOKUP_SET:-5000}; TOKEN_USERS=40
else
  STEP=${BENCH_STEP_SECONDS:-10}; COARSE=${BENCH_COARSE_SECONDS:-6}; HALF=${BENCH_HALF_SECONDS:-30}; GEN_WARM=3; APP_WARM=20
  READ=${BENCH_READ_SECONDS:-20}; LOOKUP_SET=${BENCH_LOOKUP_SET:-20000}; TOKEN_USERS=200
fi
OVERLOAD_SECS=${BENCH_OVERLOAD_SECONDS:-$([ "$QUICK" = 1 ] && echo 20 || echo 60)}
READY_REPEAT=${BENCH_READY_REPEAT:-3}
# The documented JVM options and environment are the container image's (application.properties, quarkus.jib.*),
# which the README's "Memory" section repeats: the RSS target is measured with exactly those.
PROPS=referral-bootstrap/src/main/resources/application.properties
DOC_JAVA_OPTS=${BENCH_DOC_JAVA_OPTS:-$(sed -n 's/^quarkus\.jib\.jvm-additional-arguments=//p' "$PROPS" | tr ',' ' ')}
DOC_APP_ENV=${BENCH_DOC_APP_ENV:-$(sed -n 's/^quarkus\.jib\.environment-variables\.\([A-Z_]*\)=\(.*\)$/\1=\2/p' "$PROPS" | tr '\n' ' ')}
SUSTAIN_MS=${BENCH_SUSTAIN_P99_MS:-50}
HASH_SUSTAIN_MS=${BENCH_HASH_SUSTAIN_P99_MS:-2000}
# token and register are judged on throughput (a CPU-bound endpoint queues when saturated): their stepped search
# ends only on errors or a p99 close to the 10 s request timeout
HASH_ABORT_MS=${BENCH_HASH_ABORT_P99_MS:-8000}
READ_RPS=${BENCH_READ_RPS:-}   # empty: 5% of the first scale's no-op ceiling, between 20 and 200, then fixed
MIXED_FRACTION=${BENCH_MIXED_LOOKUP_FRACTION:-0.1}
HEAVY=${BENCH_HEAVY:-2}; HEAVY_REFS=${BENCH_HEAVY_REFS:-5000}
DEEP_SIZE=100; DEEP_PAGE=$(( (HEAVY_REFS + DEEP_SIZE - 1) / DEEP_SIZE ))
NOOP_PATH=${BENCH_NOOP_PATH:-/q/health/live}; NOOP_STATUS=${BENCH_NOOP_STATUS:-200}
PASSWORD='bench passphrase 4711'
BUILT_APP=${BENCH_APP_DIR:-referral-bootstrap/target/quarkus-app}
GATLING_DIR=bench/gatling
RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$ROOT/bench/results/$RUN_ID
WORK=$(mktemp -d /tmp/referral-bench.XXXXXX)
mkdir -p "$RESULTS"
ulimit -n 65536 2>/dev/null || true

APP_PID=""; SAMPLER_PID=""; DBS=()
log() { echo "[bench $(date +%H:%M:%S)] $*" | tee -a "$RESULTS/run.log" >&2; }
now_ms() { date +%s%3N; }

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
  if [ -n "$SAMPLER_PID" ] && kill -0 "$SAMPLER_PID" 2>/dev/null; then
    kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true
  fi
  SAMPLER_PID=""
}
cleanup() {
  local rc=$?
  stop_app
  for db in "${DBS[@]}"; do
    psql -d postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
  [ $rc -eq 0 ] || echo "bench: failed (exit $rc); logs in $RESULTS" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pin() { # pin CPUS cmd...: run cmd pinned when CPUS is set
  local cpus=$1; shift
  if [ -n "$cpus" ]; then taskset -c "$cpus" "$@"; else "$@"; fi
}

# ---------------------------------------------------------------------------------------------------- build
if [ -z "${BENCH_APP_DIR:-}" ] && { [ ! -f "$BUILT_APP/quarkus-run.jar" ] || [ "${BENCH_REBUILD:-0}" = 1 ]; }; then
  log "packaging the app"
  ./mvnw -o -q package -DskipTests -pl referral-bootstrap -am || ./mvnw -q package -DskipTests -pl referral-bootstrap -am
fi
# Run a snapshot of the packaged app, so that a rebuild during the run cannot change what is measured.
cp -a "$BUILT_APP" "$WORK/quarkus-app"
JAR="$WORK/quarkus-app/quarkus-run.jar"
LIB="$WORK/quarkus-app/lib/main/*:$WORK/quarkus-app/lib/boot/*"
log "compiling the Gatling simulation"
if ! ./mvnw -o -B -q -f "$GATLING_DIR/pom.xml" test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >"$WORK/mvn-gatling.log" 2>&1; then
  log "offline resolution failed; resolving Gatling from Maven Central once"
  ./mvnw -B -q -f "$GATLING_DIR/pom.xml" test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
fi
GATLING_CP="$ROOT/$GATLING_DIR/target/test-classes:$(cat "$GATLING_DIR/target/cp.txt")"

# ---------------------------------------------------------------------------------------------- machine facts
HASH=$(java -cp "$LIB" bench/tools/HashTool.java hash "$PASSWORD")
python3 - "$RESULTS/machine.json" <<EOF
import json, os, platform, subprocess, sys
def sh(c):
    try: return subprocess.run(c, shell=True, capture_output=True, text=True, timeout=20).stdout.strip()
    except Exception: return ""
cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
mem = sh("awk '/MemTotal/ {printf \"%.1f GiB\", \$2/1048576}' /proc/meminfo")
json.dump({
  "nproc": int(sh("nproc") or 0), "cpuModel": cpu, "memory": mem, "kernel": platform.release(),
  "jdk": sh("java -version 2>&1 | head -2 | tr '\n' ' '"),
  "postgres": sh("psql -d postgres -tAc 'show server_version'"),
  "redis": sh("redis-cli -h 127.0.0.1 INFO server 2>/dev/null | grep redis_version | tr -d '\r'"),
  "loadAverageAtStart": sh("cut -d' ' -f1-3 /proc/loadavg"),
  "gitCommit": sh("git -C '$ROOT' rev-parse --short HEAD"), "gitDirty": bool(sh("git -C '$ROOT' status --porcelain")),
  "quick": "$QUICK" == "1", "scales": [int(s) for s in "${SCALES[*]}".split()],
  "command": "${BENCH_COMMAND:-bench/run.sh ${*}}".strip(),
  "settings": {"step": $STEP, "coarse": $COARSE, "half": $HALF, "read": $READ, "sustainP99Ms": $SUSTAIN_MS,
    "hashSustainP99Ms": $HASH_SUSTAIN_MS, "hashAbortP99Ms": $HASH_ABORT_MS, "readRps": "$READ_RPS", "mixedLookupFraction": $MIXED_FRACTION,
    "lookupSet": $LOOKUP_SET, "heavy": $HEAVY, "heavyRefs": $HEAVY_REFS, "deepPage": $DEEP_PAGE, "deepSize": $DEEP_SIZE,
    "noopPath": "$NOOP_PATH", "appEnv": "$APP_ENV", "appCpus": "$APP_CPUS", "loadCpus": "$LOAD_CPUS", "javaOpts": "$JAVA_OPTS_APP"},
}, open(sys.argv[1], "w"), indent=2)
EOF

# ------------------------------------------------------------------------------------------------- app control
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_app DB OUTFILE_PREFIX: starts the app, waits for readiness, records ms-to-ready in $READY_MS
start_app() {
  local db=$1 tag=$2
  PORT=$(free_port); BASE="http://127.0.0.1:$PORT"
  local t0; t0=$(now_ms)
  # shellcheck disable=SC2086
  (cd "$WORK" && exec env \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
    QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="" \
    QUARKUS_REDIS_HOSTS="$REDIS_URL" \
    REFERRAL_CACHE_KEY_SECRET="bench-secret-$RUN_ID-$$" \
    REFERRAL_CACHE_LOOKUP_TTL=PT1H \
    REFERRAL_JWT_ACCESS_TOKEN_LIFETIME=PT2H \
    REFERRAL_RATE_LIMIT_CODE_LOOKUP_REQUESTS=1000000000 REFERRAL_RATE_LIMIT_TOKEN_REQUESTS=1000000000 \
    REFERRAL_RATE_LIMIT_REGISTER_REQUESTS=1000000000 \
    REFERRAL_DATA_DIR="$WORK/data" \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
    $APP_ENV \
    ${APP_CPUS:+taskset -c "$APP_CPUS"} java $JAVA_OPTS_APP -Xlog:gc:file="$RESULTS/gc-$tag.log":timemillis \
      -jar "$JAR" >"$RESULTS/app-$tag.log" 2>&1) &
  APP_PID=$!
  local ready=""
  for _ in $(seq 1 1200); do   # at most 60 s
    if curl -fsS -o /dev/null --max-time 1 "$BASE/q/health/ready" 2>/dev/null; then ready=1; break; fi
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.05
  done
  [ -n "$ready" ] || { tail -n 60 "$RESULTS/app-$tag.log" >&2; echo "bench: the app did not become ready" >&2; exit 1; }
  READY_MS=$(( $(now_ms) - t0 ))
  STARTED_IN=$(grep -o 'started in [0-9.]*s' "$RESULTS/app-$tag.log" | head -1 | grep -o '[0-9.]*' || echo "")
}

start_sampler() { # VmRSS of the app every 250 ms into rss.tsv (epoch-ms, kB); ends with the app, at most 2 h
  local out=$1 pid=$APP_PID
  ( for _ in $(seq 1 28800); do
      kill -0 "$pid" 2>/dev/null || exit 0
      rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$rss" ] && echo "$(date +%s%3N) $rss" >>"$out"
      sleep 0.25
    done ) &
  SAMPLER_PID=$!
}

# ready_median TAG: READY_REPEAT starts and stops (logs app-TAG-N.log); READY_MS and STARTED_IN of the median start
ready_median() {
  local tag=$1 i results=""
  for i in $(seq 1 "$READY_REPEAT"); do
    start_app "$DB" "$tag-$i"; stop_app
    results="$results$READY_MS $STARTED_IN"$'\n'
  done
  read -r READY_MS STARTED_IN < <(printf '%s' "$results" | sort -n | sed -n "$(( (READY_REPEAT + 1) / 2 ))p")
}

# train_requests: a few of each cheap request, so that a training start also loads the request path's classes
train_requests() {
  local email i
  for i in $(seq 1 20); do
    email=$(sed -n "${i}p" "$SCALE_DIR/data/emails.txt")
    curl -s -o /dev/null --max-time 5 "$BASE/api/v1/referral-codes/lookup?email=${email:-nobody@example.com}" || true
    curl -s -o /dev/null --max-time 5 "$BASE/q/health/live" || true
  done
}

cpu_ticks() { # user + system CPU time of a process in clock ticks (0 when it is gone)
  awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0
}

phase() { echo "$(now_ms) $1" >>"$SCALE_DIR/phases.tsv"; log "phase $1"; }

# gatling NAME PLAN ABORT_P99_MS: one Gatling run; results in $SCALE_DIR/NAME.json
gatling() {
  local name=$1 plan=$2 abort=${3:-0}
  # Every Gatling run is a fresh JVM: a few seconds of light no-op traffic first warm up the generator itself.
  plan="warm-gen=noop@100/$GEN_WARM;$plan"
  phase "$name"
  local app_cpu0 t0; app_cpu0=$(cpu_ticks "$APP_PID"); t0=$(now_ms)
  # shellcheck disable=SC2086
  pin "$LOAD_CPUS" python3 bench/tools/cpu_of.py "$SCALE_DIR/$name.gatling-cpu" java -Xms512m -Xmx1g -XX:+UseParallelGC -cp "$GATLING_CP" \
    -Dgatling.data.enableAnalytics=false -Dgatling.http.warmUpUrl= \
    -Dbench.base="$BASE" -Dbench.plan="$plan" -Dbench.out="$SCALE_DIR/$name.json" \
    -Dbench.abort.p99ms="$abort" -Dbench.data="$SCALE_DIR/data" -Dbench.password="$PASSWORD" \
    -Dbench.noop.path="$NOOP_PATH" -Dbench.noop.status="$NOOP_STATUS" \
    -Dbench.deep.page="$DEEP_PAGE" -Dbench.deep.size="$DEEP_SIZE" -Dbench.run.tag="${RUN_ID//[^0-9]/}s$SCALE" \
    io.gatling.app.Gatling --simulation bench.StepSimulation --results-folder "$WORK/gatling" --no-reports \
    >"$SCALE_DIR/$name.log" 2>&1 || true
  [ -f "$SCALE_DIR/$name.json" ] || { tail -n 40 "$SCALE_DIR/$name.log" >&2; echo "bench: gatling $name wrote no results" >&2; exit 1; }
  # CPU seconds of Gatling and of the app over this run: who had the cores (they share them)
  echo "{\"wallS\": $(calc "($(now_ms) - $t0) / 1000"), \"appCpuS\": $(calc "($(cpu_ticks "$APP_PID") - $app_cpu0) / $(getconf CLK_TCK)"), \"gatlingCpuS\": $(cat "$SCALE_DIR/$name.gatling-cpu" 2>/dev/null || echo 0), \"cores\": $(nproc)}" >"$SCALE_DIR/$name.cpu"
  phase "end-$name"
}

# Helpers over the result files (python, no third-party modules)
best_rate() { # best_rate FILE KIND P99_MS: highest offered rate of a sustained load of KIND (0 if none)
  python3 - "$@" <<'EOF'
import json, sys
f, kind, bound = sys.argv[1], sys.argv[2], float(sys.argv[3])
best = 0.0
for l in json.load(open(f))["loads"]:
    if l["kind"] != kind or l["label"].startswith("warm") or l["sent"] == 0: continue
    if (l["sent"] - l["ok"]) <= 0.01 * l["sent"] and l["latencyUs"]["p99"] / 1000 <= bound and l["achievedRps"] >= 0.9 * l["offeredRps"]:
        best = max(best, l["offeredRps"])
print(int(best))
EOF
}
first_broken() { # first_broken FILE KIND P99_MS: lowest offered rate of a broken load of KIND (0 if none)
  python3 - "$@" <<'EOF'
import json, sys
f, kind, bound = sys.argv[1], sys.argv[2], float(sys.argv[3])
worst = 0.0
for l in json.load(open(f))["loads"]:
    if l["kind"] != kind or l["label"].startswith("warm") or l["sent"] == 0: continue
    if not ((l["sent"] - l["ok"]) <= 0.01 * l["sent"] and l["latencyUs"]["p99"] / 1000 <= bound and l["achievedRps"] >= 0.9 * l["offeredRps"]):
        worst = l["offeredRps"] if worst == 0 else min(worst, l["offeredRps"])
print(int(worst))
EOF
}
calc() { python3 -c "import math; print($1)"; }

# ramp NAME KIND START MAX P99_MS: coarse doubling steps until a step breaks, then fine steps in between.
# Sets RAMP_BEST (highest sustained rate, 0 if none).
ramp() {
  local name=$1 kind=$2 start=$3 max=$4 bound=$5 plan="" r=$3 i=0
  plan="warm-$name=$kind@$(calc "max(10, $start // 2)")/$COARSE"
  while [ "$r" -le "$max" ] && [ $i -lt 12 ]; do plan="$plan;$name-$r=$kind@$r/$COARSE"; r=$((r * 2)); i=$((i + 1)); done
  gatling "$name-coarse" "$plan" "$bound"
  local good bad; good=$(best_rate "$SCALE_DIR/$name-coarse.json" "$kind" "$bound")
  bad=$(first_broken "$SCALE_DIR/$name-coarse.json" "$kind" "$bound")
  RAMP_BEST=$good
  if [ "$bad" -gt 0 ] && [ "$bad" -gt "$good" ]; then
    # between the last good and the first bad rate; below the first bad one when even the start broke
    local low=$good fr="0.2 0.4 0.6 0.8"
    if [ "$good" -eq 0 ]; then low=0; fr="0.125 0.25 0.5 0.75"; fi
    plan="warm-$name-fine=$kind@$(calc "max(10, int(($low + ($bad - $low) * 0.1) / 2))")/$COARSE"
    for f in $fr; do
      r=$(calc "max(1, int($low + ($bad - $low) * $f))"); plan="$plan;$name-$r=$kind@$r/$STEP"
    done
    gatling "$name-fine" "$plan" "$bound"
    local fine; fine=$(best_rate "$SCALE_DIR/$name-fine.json" "$kind" "$bound")
    [ "$fine" -gt "$RAMP_BEST" ] && RAMP_BEST=$fine
  fi
  return 0
}

# fractions NAME KIND BASE "f1 f2 ..." SECONDS: plan of steps at fractions of BASE, labelled with the fraction
fractions() {
  local name=$1 kind=$2 base=$3 list=$4 secs=$5 plan="" f r
  for f in $list; do
    r=$(calc "max(1, round($base * $f, 1))")
    plan="${plan:+$plan;}$name-x$f=$kind@$r/$secs"
  done
  echo "$plan"
}

# ---------------------------------------------------------------------------------------------------- scales
for SCALE in "${SCALES[@]}"; do
  SCALE_DIR=$RESULTS/scale-$SCALE; mkdir -p "$SCALE_DIR/data"
  DB="referral_bench_${SCALE}_$$"; DBS+=("$DB")
  log "=== scale $SCALE: database $DB"
  psql -d postgres -qc "DROP DATABASE IF EXISTS $DB" >/dev/null
  psql -d postgres -qc "CREATE DATABASE $DB" >/dev/null

  # 1) first start: Liquibase creates the schema on an empty database
  start_app "$DB" "$SCALE-first"; READY_EMPTY_MS=$READY_MS; STARTED_EMPTY=$STARTED_IN
  log "ready on an empty database in ${READY_EMPTY_MS} ms (Quarkus: ${STARTED_EMPTY}s)"
  stop_app

  # 2) seed
  t0=$(now_ms)
  psql -d "$DB" -q -v ON_ERROR_STOP=1 -v n="$SCALE" -v heavy="$HEAVY" -v heavy_refs="$HEAVY_REFS" \
       -v hash="'$HASH'" -f bench/seed.sql >"$SCALE_DIR/seed.log" 2>&1 || { cat "$SCALE_DIR/seed.log" >&2; exit 1; }
  SEED_MS=$(( $(now_ms) - t0 )); t0=$(now_ms)
  psql -d "$DB" -qc "VACUUM ANALYZE" >/dev/null
  VACUUM_MS=$(( $(now_ms) - t0 ))
  psql -d "$DB" -tA -F' ' -c "SELECT 'users', count(*) FROM users UNION ALL SELECT 'referral_codes', count(*) FROM referral_codes
     UNION ALL SELECT 'active_codes', count(*) FROM referral_codes WHERE status='ACTIVE'
     UNION ALL SELECT 'referrals', count(*) FROM referrals UNION ALL SELECT 'reward_entries', count(*) FROM reward_entries
     UNION ALL SELECT 'db_bytes', pg_database_size(current_database())" >"$SCALE_DIR/counts.txt"
  log "seeded in ${SEED_MS} ms (+ VACUUM ANALYZE ${VACUUM_MS} ms): $(tr '\n' ' ' <"$SCALE_DIR/counts.txt")"

  # data for the load: lookup working set (referrers with an ACTIVE code), their codes, login names, token holders
  psql -d "$DB" -qc "\copy (SELECT u.email, c.code FROM users u JOIN referral_codes c ON c.owner_id = u.id AND c.status = 'ACTIVE'
       WHERE u.username LIKE 'user%' ORDER BY md5(u.username) LIMIT $LOOKUP_SET) TO '$SCALE_DIR/data/set.tsv'"
  cut -f1 "$SCALE_DIR/data/set.tsv" >"$SCALE_DIR/data/emails.txt"; cut -f2 "$SCALE_DIR/data/set.tsv" >"$SCALE_DIR/data/codes.txt"
  psql -d "$DB" -qc "\copy (SELECT username FROM users WHERE username LIKE 'user%' ORDER BY md5(username || 'login') LIMIT 10000) TO '$SCALE_DIR/data/logins.txt'"
  psql -d "$DB" -qc "\copy (SELECT username FROM users WHERE username LIKE 'user%' AND referred_by IS NULL ORDER BY md5(username || 'tok') LIMIT $TOKEN_USERS) TO '$SCALE_DIR/data/token-users.txt'"
  seq 1 "$HEAVY" | sed 's/^/heavy/' >"$SCALE_DIR/data/heavy-users.txt"

  # 3) second start on the seeded database: the JVM start target. First as the generated Kubernetes Deployment
  # runs it (migrations in a separate Job, QUARKUS_LIQUIBASE_ENABLED=false), then as plain `java -jar` does.
  APP_ENV_PLAIN=$APP_ENV; APP_ENV="QUARKUS_LIQUIBASE_ENABLED=false $APP_ENV"
  ready_median "$SCALE-nomigrate"; READY_NOMIGRATE_MS=$READY_MS; STARTED_NOMIGRATE=$STARTED_IN
  log "ready on the seeded database without migrations at start in ${READY_NOMIGRATE_MS} ms (Quarkus: ${STARTED_NOMIGRATE}s)"
  # 3b) what each start-up lever costs or saves, migrations still separate: the documented JVM options, then the
  #     same with an AppCDS archive (README "Start-up"): a training start writes it at exit (its own JVM, this
  #     classpath), the measured starts map it. Each of these start figures is the median of READY_REPEAT starts.
  JAVA_OPTS_PLAIN=$JAVA_OPTS_APP; APP_ENV="QUARKUS_LIQUIBASE_ENABLED=false $DOC_APP_ENV $APP_ENV_PLAIN"
  JAVA_OPTS_APP="$DOC_JAVA_OPTS"
  ready_median "$SCALE-documented-start"; READY_DOC_MS=$READY_MS; STARTED_DOC=$STARTED_IN
  CDS_ARCHIVE="$WORK/app-$SCALE.jsa"; rm -f "$CDS_ARCHIVE"
  JAVA_OPTS_APP="$DOC_JAVA_OPTS -XX:ArchiveClassesAtExit=$CDS_ARCHIVE"
  start_app "$DB" "$SCALE-cds-training"; train_requests; stop_app
  # -Xshare:auto (the default) starts without an archive the JVM refuses; its cds log says whether it was mapped
  JAVA_OPTS_APP="$DOC_JAVA_OPTS -XX:SharedArchiveFile=$CDS_ARCHIVE -Xlog:cds=info:file=$RESULTS/cds-$SCALE.log"
  READY_CDS_MS=0; STARTED_CDS=""
  if [ -s "$CDS_ARCHIVE" ]; then
    ready_median "$SCALE-cds"; READY_CDS_MS=$READY_MS; STARTED_CDS=$STARTED_IN
    grep -q "Mapped dynamic region" "$RESULTS/cds-$SCALE.log" \
      || { log "the JVM did not use the AppCDS archive (see cds-$SCALE.log)"; READY_CDS_MS=0; }
  else
    log "the training start wrote no AppCDS archive (see app-$SCALE-cds-training.log)"
  fi
  JAVA_OPTS_APP=$JAVA_OPTS_PLAIN; APP_ENV=$APP_ENV_PLAIN
  log "ready without migrations: documented options ${READY_DOC_MS} ms, with AppCDS ${READY_CDS_MS} ms (median of $READY_REPEAT)"
  start_app "$DB" "$SCALE"; READY_SEEDED_MS=$READY_MS; STARTED_SEEDED=$STARTED_IN
  log "ready on the seeded database in ${READY_SEEDED_MS} ms (Quarkus: ${STARTED_SEEDED}s)"
  start_sampler "$SCALE_DIR/rss.tsv"
  phase "idle"
  RSS_IDLE=$(awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status")

  # 4) the hashing limit, measured now, next to the idle app, with the app's own hasher
  phase "hash-timing"
  HASH_COUNT=$([ "$QUICK" = 1 ] && echo 20 || echo 60)
  CORES=$( [ -n "$APP_CPUS" ] && taskset -c "$APP_CPUS" nproc || nproc )
  pin "$APP_CPUS" java -cp "$LIB" bench/tools/HashTool.java verify-time "$PASSWORD" "$HASH" "$HASH_COUNT" "$CORES" \
      >"$SCALE_DIR/hash.json"
  HASH_LIMIT=$(python3 -c "import json; h=json.load(open('$SCALE_DIR/hash.json')); print(round($CORES * 1000 / h['singleMedianMs'], 2))")
  log "one verification: $(python3 -c "import json; print(json.load(open('$SCALE_DIR/hash.json'))['singleMedianMs'])") ms; hashing limit $HASH_LIMIT/s on $CORES cores"

  # 5) tokens for the authenticated reads (this also warms the token path)
  phase "tokens"
  python3 bench/tools/tokens.py "$BASE" "$PASSWORD" "$SCALE_DIR/data/token-users.txt" "$SCALE_DIR/data/tokens.txt" 2 >>"$RESULTS/run.log"
  python3 bench/tools/tokens.py "$BASE" "$PASSWORD" "$SCALE_DIR/data/heavy-users.txt" "$SCALE_DIR/data/heavy-tokens.txt" 2 >>"$RESULTS/run.log"

  # 6) warm the app's JIT on every read path at a moderate rate (not reported)
  gatling warmup "warm-app-noop=noop@100/$APP_WARM+warm-app-lookup=lookup@50/$APP_WARM+warm-app-list=list@20/$APP_WARM+warm-app-stats=stats@20/$APP_WARM+warm-app-deep=deep@5/$APP_WARM+warm-app-cursor=cursor@5/$APP_WARM" 0

  # no-op ceiling
  if [ "$QUICK" = 1 ]; then ramp noop noop 500 16000 "$SUSTAIN_MS"; else ramp noop noop 500 64000 "$SUSTAIN_MS"; fi
  CEILING=$RAMP_BEST
  [ "$CEILING" -gt 0 ] || CEILING=100
  log "no-op ceiling: $CEILING/s"
  [ -n "$READ_RPS" ] || READ_RPS=$(calc "min(200, max(20, int($CEILING * 0.05)))")

  # 7) lookup: warm the working set, then steps at fractions of the ceiling; the 0.5 step is the p99 target step
  WARM_RATE=$(calc "max(100, min(1000, int($CEILING * 0.1)))")   # cache misses: database reads and Redis writes
  WARM_SECS=$(calc "max(2, math.ceil($LOOKUP_SET / $WARM_RATE))")
  # the half-ceiling step always runs (no early end); the search for the maximum continues from its verdict
  # the no-op endpoint at the same rate first: the latency floor of this machine at that rate, for comparison
  gatling lookup-half "warm-lookup=warm@$WARM_RATE/$WARM_SECS;$(fractions noop noop "$CEILING" "0.5" "$HALF");$(fractions lookup lookup "$CEILING" "0.5" "$HALF")" 0
  if [ "$(best_rate "$SCALE_DIR/lookup-half.json" lookup "$SUSTAIN_MS")" -gt 0 ]; then
    if [ "$QUICK" = 1 ]; then LFR="0.6 0.7 0.8 0.9 1.0"; else LFR="0.6 0.7 0.8 0.9 1.0 1.1"; fi
  else
    LFR="0.1 0.2 0.3 0.4"
  fi
  PLAN="warm-lookup-ramp=lookup@$(calc "max(10, int($CEILING * 0.1))")/$COARSE;$(fractions lookup lookup "$CEILING" "$LFR" "$STEP")"
  gatling lookup "$PLAN" "$SUSTAIN_MS"
  LOOKUP_BEST=$(python3 -c "print(max($(best_rate "$SCALE_DIR/lookup-half.json" lookup "$SUSTAIN_MS"), $(best_rate "$SCALE_DIR/lookup.json" lookup "$SUSTAIN_MS")))")

  # 8) token: steps at fractions of the hashing limit
  if [ "$QUICK" = 1 ]; then TFR="0.7 0.9 1.1"; else TFR="0.7 0.8 0.9 1.0 1.1 1.2"; fi
  PLAN="$(fractions warm-token token "$HASH_LIMIT" "0.5" "$COARSE");$(fractions token token "$HASH_LIMIT" "$TFR" "$STEP")"
  gatling token "$PLAN" "$HASH_ABORT_MS"

  # 9) lookup next to saturated token: the same lookup rate alone, then together with token at the hashing limit
  MIXED_RATE=$(calc "max(20, int($CEILING * $MIXED_FRACTION))")
  PLAN="mixed-lookup-alone=lookup@$MIXED_RATE/$STEP;mixed-lookup-loaded=lookup@$MIXED_RATE/$STEP+mixed-token=token@$HASH_LIMIT/$STEP"
  gatling mixed "$PLAN" 0

  # 10) register (one Argon2id hash + the inserts): steps at fractions of the hashing limit
  if [ "$QUICK" = 1 ]; then RFR="0.7 1.0"; else RFR="0.7 0.8 0.9 1.0 1.1"; fi
  PLAN="$(fractions warm-register register "$HASH_LIMIT" "0.5" "$COARSE");$(fractions register register "$HASH_LIMIT" "$RFR" "$STEP")"
  gatling register "$PLAN" "$HASH_ABORT_MS"

  # 11) reads: the fixed reference rate (compared across scales), then a short ramp for each maximum
  #     (the deep page by number skips a heavy referrer's earlier rows: its reference rate is a fifth; the same
  #     page by cursor, reached by a cursor walk before the step, runs at that rate too, so the two compare)
  DEEP_RPS=${BENCH_DEEP_RPS:-$(calc "max(5, int($READ_RPS / 5))")}
  gatling reads "list-ref=list@$READ_RPS/$READ;deep-ref=deep@$DEEP_RPS/$READ;cursor-ref=cursor@$DEEP_RPS/$READ;stats-ref=stats@$READ_RPS/$READ" 0
  if [ "$QUICK" != 1 ]; then   # the quick mode skips the search for the read maxima
    for kind in list deep cursor stats; do
      base=$READ_RPS; [ "$kind" = deep ] || [ "$kind" = cursor ] && base=$DEEP_RPS
      PLAN=""; for m in 2 3 4.5 7 10; do r=$(calc "int($base * $m)"); PLAN="${PLAN:+$PLAN;}$kind-$r=$kind@$r/$COARSE"; done
      gatling "$kind-ramp" "$PLAN" "$SUSTAIN_MS"
    done
  fi

  # 12) overload: lookups at twice the best sustained rate. Admission control must refuse the excess at once
  #     (503 overloaded with Retry-After) while the admitted lookups keep the sustained rate, and the process must
  #     stay up within its memory (RSS sampled as throughout; an OutOfMemoryError in its log counts as a failure).
  OVERLOAD_RATE=$(calc "max(40, int($LOOKUP_BEST * 2))")
  gatling overload "overload=lookup@$OVERLOAD_RATE/$OVERLOAD_SECS" 0
  OVERLOAD_ALIVE=false
  if kill -0 "$APP_PID" 2>/dev/null && curl -fsS -o /dev/null --max-time 5 "$BASE/q/health/live"; then OVERLOAD_ALIVE=true; fi
  OVERLOAD_OOM=$(grep -c OutOfMemoryError "$RESULTS/app-$SCALE.log" || true)

  phase "done"
  RSS_END=$(awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status" 2>/dev/null || echo 0)
  stop_app

  # 13) RSS with the documented JVM options (the container image's, README "Memory"): the app restarted with
  #     them, then lookups at the best sustained rate (the cache in Redis is still warm).
  JAVA_OPTS_PLAIN=$JAVA_OPTS_APP; APP_ENV_PLAIN=$APP_ENV
  JAVA_OPTS_APP="$DOC_JAVA_OPTS"; APP_ENV="$DOC_APP_ENV $APP_ENV"
  start_app "$DB" "$SCALE-documented"
  start_sampler "$SCALE_DIR/rss-documented.tsv"
  gatling documented "warm-documented=lookup@$(calc "max(10, int($LOOKUP_BEST * 0.2))")/$COARSE;documented-lookup=lookup@$(calc "max(10, $LOOKUP_BEST)")/$HALF" 0
  RSS_DOCUMENTED=$(awk 'BEGIN {m = 0} $2 > m {m = $2} END {print m}' "$SCALE_DIR/rss-documented.tsv")
  stop_app
  JAVA_OPTS_APP=$JAVA_OPTS_PLAIN; APP_ENV=$APP_ENV_PLAIN
  python3 - "$SCALE_DIR/meta.json" <<EOF
import json, sys
counts = dict((l.split()[0], int(l.split()[1])) for l in open("$SCALE_DIR/counts.txt") if l.strip())
json.dump({"scale": $SCALE, "readyEmptyMs": $READY_EMPTY_MS, "startedEmptyS": "$STARTED_EMPTY",
  "readySeededMs": $READY_SEEDED_MS, "startedSeededS": "$STARTED_SEEDED",
  "readyNoMigrateMs": $READY_NOMIGRATE_MS, "startedNoMigrateS": "$STARTED_NOMIGRATE",
  "readyDocumentedMs": $READY_DOC_MS, "startedDocumentedS": "$STARTED_DOC", "readyCdsMs": $READY_CDS_MS,
  "startedCdsS": "$STARTED_CDS", "readyRepeat": $READY_REPEAT, "seedMs": $SEED_MS, "vacuumMs": $VACUUM_MS,
  "counts": counts, "rssIdleKb": int("${RSS_IDLE:-0}" or 0), "rssEndKb": int("${RSS_END:-0}" or 0),
  "cores": $CORES, "hashLimit": $HASH_LIMIT, "ceiling": $CEILING, "lookupBest": $LOOKUP_BEST,
  "mixedLookupRps": $MIXED_RATE, "readRps": $READ_RPS, "deepRps": $DEEP_RPS,
  "overloadRps": $OVERLOAD_RATE, "overloadSeconds": $OVERLOAD_SECS, "overloadAlive": $( [ "$OVERLOAD_ALIVE" = true ] && echo True || echo False ),
  "overloadOomErrors": int("${OVERLOAD_OOM:-0}" or 0), "documentedJavaOpts": "$DOC_JAVA_OPTS", "documentedEnv": "$DOC_APP_ENV",
  "rssDocumentedKb": int("${RSS_DOCUMENTED:-0}" or 0)}, open(sys.argv[1], "w"), indent=2)
EOF
  psql -d postgres -qc "DROP DATABASE IF EXISTS $DB" >/dev/null
  log "=== scale $SCALE done"
done

REPORT=${BENCH_REPORT:-docs/PERFORMANCE.md}
python3 bench/report.py "$RESULTS" "$REPORT"
log "wrote $REPORT (raw results in ${RESULTS#$ROOT/})"
