#!/usr/bin/env bash
# Webhook isolation benchmark (issue 14): does a receiver that hangs slow the API down?
#
#   bench/webhook-isolation.sh            about 4 minutes; writes docs/WEBHOOK-ISOLATION.md
#
# The packaged app runs in production mode on the machine's PostgreSQL (a fresh database, dropped on exit) and
# Redis. bench/tools/webhook_isolation.py offers the same open-model load four times, for BENCH_SECONDS each:
# lookups (GET /referral-codes/lookup) plus a stream of events (create and revoke a code: code.created and
# code.revoked). Phases: no webhook, no webhook again (the noise), a webhook subscribed to every event at a receiver
# that answers 204, then one at a receiver that accepts the connection and never answers, so every delivery attempt
# holds a sender for the whole response timeout and due attempts pile up. The report compares the API's p50/p99
# with the hanging receiver against the healthy one (the same delivery work) and shows the attempts made and pending.
#
# Settings (environment): BENCH_SECONDS (30), BENCH_LOOKUP_RPS (150), BENCH_EVENT_CYCLES (10 create+revoke per
# second), BENCH_REPORT (docs/WEBHOOK-ISOLATION.md), BENCH_APP_DIR (referral-bootstrap/target/quarkus-app),
# PGHOST PGPORT PGUSER (127.0.0.1 5432 postgres), BENCH_REDIS_URL (redis://127.0.0.1:6379).
# Traffic goes to 127.0.0.1 only; the app is stopped by its PID and the database dropped on exit (trap).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER PGOPTIONS="-c client_min_messages=warning"
APP_DIR=${BENCH_APP_DIR:-referral-bootstrap/target/quarkus-app}
REPORT=${BENCH_REPORT:-docs/WEBHOOK-ISOLATION.md}
PORT=18090; HANG_PORT=18091; OK_PORT=18092
DB="bench_webhooks_$$"
WORK=$(mktemp -d /tmp/referral-webhook-bench.XXXXXX)
APP_PID=""; HANG_PID=""

cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "$HANG_PID" ] && kill "$HANG_PID" 2>/dev/null || true
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$APP_DIR/quarkus-run.jar" ] || ./mvnw -q -B package -DskipTests
cp -r "$APP_DIR" "$WORK/app"
psql -q -d postgres -c "CREATE DATABASE $DB"

python3 bench/tools/webhook_isolation.py receivers "$HANG_PORT" "$OK_PORT" &
HANG_PID=$!

env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
  QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="" \
  QUARKUS_REDIS_HOSTS="${BENCH_REDIS_URL:-redis://127.0.0.1:6379}" REFERRAL_CACHE_KEY_SECRET="bench-$$" \
  REFERRAL_MAIL_DISABLED=true REFERRAL_JWT_ACCESS_TOKEN_LIFETIME=PT2H \
  REFERRAL_RATE_LIMIT_CODE_LOOKUP_REQUESTS=1000000000 REFERRAL_RATE_LIMIT_TOKEN_REQUESTS=1000000000 \
  REFERRAL_RATE_LIMIT_REGISTER_REQUESTS=1000000000 \
  REFERRAL_ADMIN_EMAIL=admin@bench.example REFERRAL_ADMIN_PASSWORD='bench admin passphrase 4711' \
  REFERRAL_WEBHOOK_ALLOW_HTTP=true REFERRAL_WEBHOOK_ALLOW_PRIVATE_NETWORKS=true \
  REFERRAL_DATA_DIR="$WORK/data" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
  java -jar "$WORK/app/quarkus-run.jar" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$WORK/app.log" >&2; exit 1; }
  sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { tail -n 40 "$WORK/app.log" >&2; exit 1; }

python3 bench/tools/webhook_isolation.py load "http://127.0.0.1:$PORT" "http://127.0.0.1:$HANG_PORT/hook" \
  "http://127.0.0.1:$OK_PORT/hook" \
  "${BENCH_SECONDS:-30}" "${BENCH_LOOKUP_RPS:-150}" "${BENCH_EVENT_CYCLES:-10}" "$DB" "$ROOT/$REPORT"
echo "wrote $REPORT"
