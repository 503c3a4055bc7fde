#!/usr/bin/env bash
# Production-mode smoke run: the packaged JVM app against the machine's PostgreSQL and Redis, with nothing
# embedded. Creates and drops its own database; stops the app by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib.sh
. .ci/lib.sh

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
REDIS_URL=${SMOKE_REDIS_URL:-redis://127.0.0.1:6379}
DB="referral_smoke_$$"
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
JAR=referral-bootstrap/target/quarkus-app/quarkus-run.jar
APP_PID=""

cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() { echo "SMOKE FAILED: $*" >&2; echo "--- app log (tail)"; tail -n 80 "$WORK/app.log" >&2 || true; exit 1; }

[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "CREATE DATABASE $DB" >/dev/null

echo "starting $JAR on :$PORT against database $DB and $REDIS_URL"
# REFERRAL_QUALIFY_ON=registration: rewards at registration, the v1 behaviour this run checks (one setting away).
(cd "$WORK" && exec env \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
  QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
  QUARKUS_DATASOURCE_PASSWORD="" \
  QUARKUS_REDIS_HOSTS="$REDIS_URL" \
  REFERRAL_CACHE_KEY_SECRET="smoke-secret-$$" \
  REFERRAL_MAIL_DISABLED=true \
  REFERRAL_QUALIFY_ON=registration \
  REFERRAL_FRAUD_NETWORK_KEY="ci-network-key-$$" \
  REFERRAL_DATA_DIR="$WORK/data" \
  QUARKUS_HTTP_PORT="$PORT" \
  java -jar "$OLDPWD/$JAR" >"$WORK/app.log" 2>&1) &
APP_PID=$!

await_ready "the app" "$APP_PID" "$BASE"
echo "ready: $(curl -fsS "$BASE/q/health/ready" | tr -d '\n ')"

# No PostgreSQL of our own: no postgres process may descend from the app, and no embedded data dir exists.
if pgrep -f "$WORK/data/postgres" >/dev/null || [ -d "$WORK/data/postgres" ]; then
  fail "an embedded PostgreSQL was started although a JDBC URL is configured"
fi

expect() { # expect STATUS METHOD PATH [curl args...] -> body on stdout
  local want=$1 method=$2 path=$3; shift 3
  local out status
  out=$(curl -sS -o "$WORK/body" -w '%{http_code}' -X "$method" "$BASE$path" "$@") || fail "$method $path: curl failed"
  status=$out
  [ "$status" = "$want" ] || fail "$method $path: expected $want, got $status: $(cat "$WORK/body")"
  cat "$WORK/body"
}

USER="smoke$$"
EMAIL="$USER@example.com"
expect 201 POST /api/v1/auth/register -H 'Content-Type: application/json' \
  -d "{\"username\":\"$USER\",\"email\":\"$EMAIL\",\"password\":\"correct horse battery\"}" >/dev/null
TOKEN=$(expect 200 POST /api/v1/auth/token -d grant_type=password -d "username=$USER" \
  -d 'password=correct horse battery' | json "['access_token']")
ME=$(expect 200 GET /api/v1/users/me -H "Authorization: Bearer $TOKEN" | json "['username']")
[ "$ME" = "$USER" ] || fail "me returned $ME"
echo "register -> token -> me: ok"

EXPIRES=$(date -u -d '+10 days' +%Y-%m-%dT%H:%M:%SZ)
CODE=$(expect 201 POST /api/v1/referral-codes -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"expiresAt\":\"$EXPIRES\"}" | json "['code']")
LOOKED=$(expect 200 GET "/api/v1/referral-codes/lookup?email=$EMAIL" | json "['code']")
[ "$LOOKED" = "$CODE" ] || fail "lookup returned $LOOKED, expected $CODE"
# The referrer's pages are served by the packaged app too (their browser test runs in ./mvnw verify).
[[ "$(expect 200 GET "/r/$CODE")" == *"invited you"* ]] || fail "the share page of $CODE does not invite"
[[ "$(expect 200 GET /app/)" == *"/app/dashboard.js"* ]] || fail "the dashboard is not served at /app/"
LOOKED=$(expect 200 GET "/api/v1/referral-codes/lookup?email=$EMAIL" | json "['code']")
[ "$LOOKED" = "$CODE" ] || fail "cached lookup returned $LOOKED"
REFEREE="ref$$"
expect 201 POST "/api/v1/auth/register/$CODE" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$REFEREE\",\"email\":\"$REFEREE@example.org\",\"password\":\"correct horse battery\"}" >/dev/null
BALANCE=$(expect 200 GET /api/v1/users/me/referral-stats -H "Authorization: Bearer $TOKEN" | json "['rewardBalance']")
[ "$BALANCE" = "10" ] || fail "reward balance $BALANCE, expected 10"
SEEN=$(expect 200 GET /api/v1/users/me/referrals -H "Authorization: Bearer $TOKEN" \
  | python3 -c "import json,sys; r=json.load(sys.stdin)['items'][0]['referee']; print(r['username'], r['email'])")
[ "$SEEN" = "$REFEREE ${REFEREE:0:1}***@example.org" ] || fail "referrals show '$SEEN', expected $REFEREE with a masked email"
REWARDS=$(expect 200 GET /api/v1/users/me/rewards -H "Authorization: Bearer $TOKEN" | json "['balance']")
[ "$REWARDS" = "10" ] || fail "rewards balance $REWARDS, expected 10"
expect 204 DELETE "/api/v1/referral-codes/$CODE" -H "Authorization: Bearer $TOKEN" >/dev/null
expect 404 GET "/api/v1/referral-codes/lookup?email=$EMAIL" >/dev/null
echo "create -> lookup (db, cache) -> register with code -> referrals (masked), stats, rewards -> revoke -> lookup 404: ok"

# The API docs render in a real browser, served by this production-mode app with no network behind it.
bash .ci/browser-check.sh "$BASE" target/browser-check || fail "the API docs did not render"

kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
echo "smoke run passed"
