#!/usr/bin/env bash
# Two instances of the packaged app on one PostgreSQL and one Redis (the machine's), as operators run them:
# a token from A works on B, a code revoked on B is no longer served by A's lookup (the shared cache is
# evicted), rate limits and logouts are shared too, and held rewards released by both instances' jobs are
# written once, each webhook event is delivered once, and a logout on A is refused by B while Redis is away (the
# instances reach Redis through a local TCP relay that the script stops and starts again). Creates and drops its own
# database, generates one JWT key pair for both, stops both instances by PID.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib.sh
. .ci/lib.sh

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
REDIS_URL=${TWO_INSTANCES_REDIS_URL:-redis://127.0.0.1:6379}
DB="referral_two_$$"
WORK=$(mktemp -d)
JAR=referral-bootstrap/target/quarkus-app/quarkus-run.jar
# Small, so that the shared budget is used up with a handful of requests (the checks before use 6 of it).
LOOKUP_LIMIT=10
A_PID=""
B_PID=""
RELAY_PID=""

stop() { # stop PID: TERM, wait up to 20 s for it to exit, then KILL
  [ -n "$1" ] || return 0
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 40); do
    kill -0 "$1" 2>/dev/null || { wait "$1" 2>/dev/null || true; return 0; }
    sleep 0.5
  done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
cleanup() {
  stop "$A_PID"; stop "$B_PID"; stop "$RELAY_PID"
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "TWO-INSTANCES FAILED: $*" >&2
  for name in a b; do echo "--- instance $name log (tail)" >&2; tail -n 60 "$WORK/$name.log" >&2 || true; done
  exit 1
}

[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "CREATE DATABASE $DB" >/dev/null

# One ES256 key pair for both: PKCS#8 private key, X.509 (SubjectPublicKeyInfo) public key, both PEM.
mkdir -p "$WORK/jwt"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$WORK/jwt/private.pem" 2>/dev/null
openssl pkey -in "$WORK/jwt/private.pem" -pubout -out "$WORK/jwt/public.pem" 2>/dev/null
SECRET="two-instances-$$-$RANDOM$RANDOM"

# The instances reach Redis through this relay: stopping it is Redis going away for both (connections cut, new ones
# refused), without touching the machine's Redis.
cat >"$WORK/relay.py" <<'PY'
import asyncio, sys
from urllib.parse import urlparse

target = urlparse(sys.argv[2])

async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    finally:
        writer.close()

async def relay(client_reader, client_writer):
    try:
        server_reader, server_writer = await asyncio.open_connection(target.hostname, target.port or 6379)
    except OSError:
        client_writer.close()
        return
    await asyncio.gather(pipe(client_reader, server_writer), pipe(server_reader, client_writer),
                         return_exceptions=True)

async def main():
    server = await asyncio.start_server(relay, "127.0.0.1", int(sys.argv[1]))
    async with server:
        await server.serve_forever()

asyncio.run(main())
PY
RELAY_PORT=$(free_port)
start_relay() {
  python3 "$WORK/relay.py" "$RELAY_PORT" "$REDIS_URL" &
  RELAY_PID=$!
  for _ in $(seq 1 40); do
    (exec 3<>"/dev/tcp/127.0.0.1/$RELAY_PORT") 2>/dev/null && return 0
    sleep 0.25
  done
  fail "the Redis relay did not start"
}
start_relay

start() { # start NAME PORT; the caller reads the PID from $!
  local name=$1 port=$2
  mkdir -p "$WORK/data-$name"
  # REFERRAL_QUALIFY_ON=registration: rewards at registration, the v1 behaviour this run checks (one setting away).
  # Every request of this run comes from 127.0.0.1, one client network: the same-network rule would flag the
  # sixth referral of a referrer, so its threshold is raised here (the lifecycle tests cover the rule); so is the
  # registration budget of that one client (step 3 shows the budgets shared through Redis, with lookups).
  (cd "$WORK" && exec env \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
    QUARKUS_DATASOURCE_PASSWORD="" \
    QUARKUS_REDIS_HOSTS="redis://127.0.0.1:$RELAY_PORT" \
    REFERRAL_CACHE_KEY_SECRET="$SECRET" \
    REFERRAL_MAIL_DISABLED=true \
    REFERRAL_QUALIFY_ON=registration \
    REFERRAL_REWARD_HOLD=PT2S \
    REFERRAL_REWARD_RELEASE_INTERVAL=1s \
    REFERRAL_FRAUD_NETWORK_KEY="ci-network-key-$$" \
    REFERRAL_FRAUD_SAME_NETWORK_MAX=1000 \
    REFERRAL_JWT_PRIVATE_KEY_LOCATION="$WORK/jwt/private.pem" \
    REFERRAL_JWT_PUBLIC_KEY_LOCATION="$WORK/jwt/public.pem" \
    REFERRAL_RATE_LIMIT_CODE_LOOKUP_REQUESTS="$LOOKUP_LIMIT" \
    REFERRAL_RATE_LIMIT_REGISTER_REQUESTS=1000 \
    REFERRAL_WEBHOOK_ALLOW_HTTP=true \
    REFERRAL_WEBHOOK_ALLOW_PRIVATE_NETWORKS=true \
    REFERRAL_DATA_DIR="$WORK/data-$name" \
    QUARKUS_HTTP_PORT="$port" \
    java -jar "$OLDPWD/$JAR" >"$WORK/$name.log" 2>&1) &
}

A="http://127.0.0.1:$(free_port)"
B="http://127.0.0.1:$(free_port)"
echo "starting A on $A and B on $B against database $DB and $REDIS_URL (through a relay on port $RELAY_PORT)"
# A first: it migrates the schema; B then starts on a migrated database, as a rolling deployment would.
start a "${A##*:}"; A_PID=$!
await_ready "instance A" "$A_PID" "$A"
start b "${B##*:}"; B_PID=$!
await_ready "instance B" "$B_PID" "$B"
for name in a b; do
  grep -q "Referral caches: redis" "$WORK/$name.log" || fail "instance $name does not use Redis as its cache"
done

call() { # call BASE METHOD PATH [curl args...] -> "STATUS" on stdout, body in $WORK/body
  local base=$1 method=$2 path=$3; shift 3
  curl -sS -o "$WORK/body" -w '%{http_code}' -X "$method" "$base$path" "$@" || fail "$method $base$path: curl failed"
}
expect() { # expect STATUS BASE METHOD PATH [curl args...] -> body on stdout
  local want=$1 base=$2 method=$3 path=$4; shift 4
  local status
  status=$(call "$base" "$method" "$path" "$@")
  [ "$status" = "$want" ] || fail "$method $base$path: expected $want, got $status: $(cat "$WORK/body")"
  cat "$WORK/body"
}
register() { # register BASE USERNAME [CODE]
  local path=/api/v1/auth/register
  [ -n "${3:-}" ] && path="$path/$3"
  expect 201 "$1" POST "$path" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$2\",\"email\":\"$2@example.com\",\"password\":\"correct horse battery\"}" >/dev/null
}
token() { # token BASE USERNAME -> access token
  expect 200 "$1" POST /api/v1/auth/token -d grant_type=password -d "username=$2" \
    -d 'password=correct horse battery' | json "['access_token']"
}

# 1. Tokens: issued by one instance, accepted by the other.
ALICE="alice$$"
register "$A" "$ALICE"
TOKEN_A=$(token "$A" "$ALICE")
[ "$(expect 200 "$B" GET /api/v1/users/me -H "Authorization: Bearer $TOKEN_A" | json "['username']")" = "$ALICE" ] \
  || fail "B does not know the user of A's token"
TOKEN_B=$(token "$B" "$ALICE")
expect 200 "$A" GET /api/v1/users/me -H "Authorization: Bearer $TOKEN_B" >/dev/null
echo "token from A works on B, and from B on A: ok"

# 2. The lookup cache is shared, and so is its eviction.
EXPIRES=$(date -u -d '+10 days' +%Y-%m-%dT%H:%M:%SZ)
CODE=$(expect 201 "$A" POST /api/v1/referral-codes -H "Authorization: Bearer $TOKEN_A" \
  -H 'Content-Type: application/json' -d "{\"expiresAt\":\"$EXPIRES\"}" | json "['code']")
for base in "$A" "$A" "$B"; do # A fills the cache, A and B read it
  LOOKED=$(expect 200 "$base" GET "/api/v1/referral-codes/lookup?email=$ALICE@example.com" | json "['code']")
  [ "$LOOKED" = "$CODE" ] || fail "lookup on $base returned $LOOKED, expected $CODE"
done
expect 204 "$B" DELETE "/api/v1/referral-codes/$CODE" -H "Authorization: Bearer $TOKEN_A" >/dev/null
for base in "$A" "$A" "$B"; do
  expect 404 "$base" GET "/api/v1/referral-codes/lookup?email=$ALICE@example.com" >/dev/null
done
status=$(call "$A" POST "/api/v1/auth/register/$CODE" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bob$$\",\"email\":\"bob$$@example.com\",\"password\":\"correct horse battery\"}")
[ "$status" = "422" ] || fail "registering on A with the code revoked on B: expected 422, got $status"
echo "code looked up on A and B, revoked on B, no longer served by A or B, refused for registration: ok"

# 3. Rate limits: the per-client budget is one for both instances, so once A refuses a lookup with 429, B
# refuses the next one too.
limited=""
for i in $(seq 1 $((LOOKUP_LIMIT + 1))); do
  status=$(call "$A" GET "/api/v1/referral-codes/lookup?email=nobody$i@example.com")
  if [ "$status" = "429" ]; then limited=$i; break; fi
  [ "$status" = "404" ] || fail "lookup $i on A: expected 404 or 429, got $status"
done
[ -n "$limited" ] || fail "no 429 after $((LOOKUP_LIMIT + 1)) lookups on A with a budget of $LOOKUP_LIMIT"
status=$(call "$B" GET "/api/v1/referral-codes/lookup?email=nobody-b@example.com" -D "$WORK/headers")
[ "$status" = "429" ] || fail "B answered $status after A used up the shared lookup budget: $(cat "$WORK/body")"
grep -qi '^retry-after:' "$WORK/headers" || fail "B's 429 has no Retry-After"
[ "$(json "['code']" <"$WORK/body")" = "rate-limited" ] || fail "B's 429 is not a rate-limited problem"
echo "lookup budget ($LOOKUP_LIMIT/min, 6 used before) used up on A after $limited more, B answers 429 rate-limited: ok"

# 4. Logout: a token revoked on A is refused by B, with the reason.
expect 204 "$A" POST /api/v1/auth/logout -H "Authorization: Bearer $TOKEN_A" >/dev/null
status=$(call "$B" GET /api/v1/users/me -H "Authorization: Bearer $TOKEN_A")
[ "$status" = "401" ] || fail "B accepted ($status) a token logged out on A"
[ "$(json "['code']" <"$WORK/body")" = "token-revoked" ] || fail "B's 401 is not token-revoked: $(cat "$WORK/body")"
expect 200 "$B" GET /api/v1/users/me -H "Authorization: Bearer $TOKEN_B" >/dev/null
echo "token logged out on A is refused by B (token-revoked); the other session's token still works: ok"

# 5. Held rewards: both instances run the release job every second on the same rows; each reward is written once.
CAROL="carol$$"
register "$B" "$CAROL"
TOKEN_C=$(token "$B" "$CAROL")
CODE=$(expect 201 "$B" POST /api/v1/referral-codes -H "Authorization: Bearer $TOKEN_C" \
  -H 'Content-Type: application/json' -d "{\"expiresAt\":\"$EXPIRES\"}" | json "['code']")
HELD=12
for i in $(seq 1 $HELD); do
  if [ $((i % 2)) = 0 ]; then register "$A" "held${i}x$$" "$CODE"; else register "$B" "held${i}x$$" "$CODE"; fi
done
sql() { psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" -tAc "$1"; }
OF_CAROL="from referrals r join users u on u.id = r.referrer_id where u.username = '$CAROL'"
for _ in $(seq 1 60); do # the hold is 2 s and the jobs run every second: all released within a few seconds
  [ "$(sql "select count(*) $OF_CAROL and r.status = 'REWARDED'")" = "$HELD" ] && break
  sleep 0.5
done
[ "$(sql "select count(*) $OF_CAROL and r.status = 'REWARDED'")" = "$HELD" ] || fail "held rewards not all released"
CREDITS=$(sql "select count(*) from reward_entries e where e.referral_id in (select r.id $OF_CAROL)")
[ "$CREDITS" = "$HELD" ] || fail "$CREDITS ledger entries for $HELD held rewards released by two instances"
BALANCE=$(expect 200 "$A" GET /api/v1/users/me/rewards -H "Authorization: Bearer $TOKEN_C" | json "['balance']")
[ "$BALANCE" = "$((HELD * 10))" ] || fail "balance $BALANCE after $HELD released rewards, expected $((HELD * 10))"
echo "$HELD held rewards released by the jobs of A and B: each credited once, balance $BALANCE: ok"

# 6. Webhooks: both instances dispatch and deliver; each event reaches the receiver once (a plain http.server on
# localhost that appends every webhook-id it gets to a file).
RECEIVER_PORT=$(free_port)
cat >"$WORK/receiver.py" <<'PY'
import http.server, sys
class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length", 0)))
        with open(sys.argv[2], "a") as seen:
            seen.write(self.headers["webhook-id"] + "\n")
        self.send_response(204)
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Hook).serve_forever()
PY
: >"$WORK/received"
python3 "$WORK/receiver.py" "$RECEIVER_PORT" "$WORK/received" &
RECEIVER_PID=$!
trap 'kill $RECEIVER_PID 2>/dev/null || true; cleanup' EXIT
sql "update users set roles = 'user,admin' where username = '$CAROL'" >/dev/null
ADMIN=$(token "$A" "$CAROL")
HOOK=$(expect 201 "$B" POST /api/v1/webhooks -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hooks\",\"events\":[\"*\"]}" | json "['id']")
TESTS=20
for i in $(seq 1 $TESTS); do
  if [ $((i % 2)) = 0 ]; then BASE=$A; else BASE=$B; fi
  expect 202 "$BASE" POST "/api/v1/webhooks/$HOOK/test" -H "Authorization: Bearer $ADMIN" >/dev/null
  register "$BASE" "hooked${i}x$$" "$CODE" # user.registered, referral.created, ... for the "*" subscription
done
# Settled: no referral still waits for its hold (its release is one more event, written by a job seconds later), every
# event is sequenced and fanned out (the dispatch cursor is past the last one), each of the hook's events has a
# delivery that succeeded, and the receiver has them all. Counting deliveries before the held rewards and the fan-out
# have caught up stopped the wait too early on a slow machine (96 or 99 of 100 received).
settled() {
  [ "$(sql "select count(*) $OF_CAROL and r.status in ('PENDING', 'QUALIFIED')")" = 0 ] \
    && [ "$(sql "select count(*) from events where sequence is null")" = 0 ] \
    && [ "$(sql "select (select last_sequence from webhook_dispatch_cursor) >= (select coalesce(max(sequence), 0) from events)")" = t ] \
    && [ "$(sql "select count(distinct event_id) from webhook_deliveries d where endpoint_id = '$HOOK' and not exists
              (select 1 from webhook_deliveries s where s.endpoint_id = d.endpoint_id and s.event_id = d.event_id
               and s.status = 'SUCCEEDED')")" = 0 ] \
    && [ "$(sort -u "$WORK/received" | wc -l)" -ge "$(sql "select count(distinct event_id) from webhook_deliveries where endpoint_id = '$HOOK'")" ]
}
for _ in $(seq 1 120); do
  settled && break
  sleep 0.5
done
sleep 2 # a second delivery of any of them would come now
RECEIVED=$(wc -l <"$WORK/received")
DISTINCT=$(sort -u "$WORK/received" | wc -l)
EXPECTED=$(sql "select count(distinct event_id) from webhook_deliveries where endpoint_id = '$HOOK'")
[ "$DISTINCT" -ge "$TESTS" ] || fail "the receiver got $DISTINCT distinct events, expected at least $TESTS"
[ "$DISTINCT" = "$EXPECTED" ] || fail "the receiver got $DISTINCT distinct events of the $EXPECTED fanned out"
[ "$RECEIVED" = "$DISTINCT" ] || fail "$RECEIVED deliveries for $DISTINCT events: some event was delivered twice"
for name in a b; do
  grep -q "Webhook delivery paused" "$WORK/$name.log" && fail "instance $name paused webhook delivery"
done
echo "$DISTINCT events (with $TESTS test events) sent through A and B, each delivered once: ok"
kill $RECEIVER_PID 2>/dev/null || true

# 7. Revocation without Redis: PostgreSQL holds the revoked sessions, Redis only caches them. With Redis away, a
# session logged out on A is refused by B, another session still works, and the refusal holds once Redis is back.
DAVE="dave$$"
register "$A" "$DAVE"
LEAVING=$(token "$A" "$DAVE")
STAYING=$(token "$B" "$DAVE")
stop "$RELAY_PID"; RELAY_PID=""
expect 204 "$A" POST /api/v1/auth/logout -H "Authorization: Bearer $LEAVING" >/dev/null
status=$(call "$B" GET /api/v1/users/me -H "Authorization: Bearer $LEAVING")
[ "$status" = "401" ] || fail "with Redis stopped, B answered $status to a token logged out on A: $(cat "$WORK/body")"
[ "$(json "['code']" <"$WORK/body")" = "token-revoked" ] || fail "B's 401 is not token-revoked: $(cat "$WORK/body")"
expect 200 "$B" GET /api/v1/users/me -H "Authorization: Bearer $STAYING" >/dev/null
start_relay
for _ in $(seq 1 3); do # back on Redis: the logout made while it was away must not be forgotten
  status=$(call "$B" GET /api/v1/users/me -H "Authorization: Bearer $LEAVING")
  [ "$status" = "401" ] || fail "with Redis back, B answered $status to the token logged out while it was away"
  status=$(call "$A" GET /api/v1/users/me -H "Authorization: Bearer $LEAVING")
  [ "$status" = "401" ] || fail "with Redis back, A answered $status to the token logged out while it was away"
done
expect 200 "$A" GET /api/v1/users/me -H "Authorization: Bearer $STAYING" >/dev/null
echo "with Redis stopped, a token logged out on A is refused by B, the other session works; still refused with Redis back: ok"

stop "$A_PID"; A_PID=""
stop "$B_PID"; B_PID=""
echo "two-instances run passed"
