#!/usr/bin/env bash
# Web server load benchmark (not a test): `zonewatch serve` (release build) on the
# demo data in a fresh SQLite file, loaded with wrk on loopback. Two endpoints:
#
#   list  GET /api/v1/sites          as an analyst, with an API bearer token
#                                    (one page: every demo site, ~25 KB of JSON)
#   site  GET /sites/demo-site-001   as an analyst, with a browser session cookie
#                                    (the HTML site page with its timeline and map)
#
# Each is warmed up, then loaded for DURATION seconds with CONNECTIONS connections
# (bounded: wrk stops by itself); the script prints requests/s and the p50 and p99
# latency per endpoint, then stops the server. The aim (issue 5) is 10,000
# requests/s with p99 under 10 ms on the project's 2-core machine; wrk shares those
# cores with the server, so run it on an otherwise idle machine.
#
#   bash bench/web.sh [DURATION_SECONDS] [CONNECTIONS]     (default 10 s, 32)
#   ZONEWATCH_BIN=path/to/zonewatch bash bench/web.sh       (measure that build)
#
# Installs wrk (Debian package) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-10}"
CONNECTIONS="${2:-32}"
TARGET=${CARGO_TARGET_DIR:-target}

if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing wrk (apt-get)..." >&2
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi

# ZONEWATCH_BIN: a zonewatch binary to measure instead of building this tree's (to
# compare two builds on the same machine, one right after the other).
BIN=${ZONEWATCH_BIN:-}
if [ -z "$BIN" ]; then
    cargo build --release -j2 -q -p zonewatch
    BIN="$TARGET/release/zonewatch"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/zonewatch-bench-web.XXXXXX")
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -INT "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# A throwaway key ring: the server runs without it (restricted fields withheld), as
# most deployments' read traffic does. Cheap Argon2: this database lives for one run.
export ZONEWATCH_ARGON2_TEST_COST=low
export ZONEWATCH_PASSPHRASE="bench-throwaway-$RANDOM-$RANDOM"
export ZONEWATCH_DB="sqlite://$WORK/bench.db"
"$BIN" demo >/dev/null
PASSWORD="bench password $RANDOM$RANDOM"
echo "$PASSWORD" | "$BIN" user add bench --role analyst >/dev/null
TOKEN=$("$BIN" token create bench 2>/dev/null)
unset ZONEWATCH_PASSPHRASE

"$BIN" serve --addr 127.0.0.1:0 >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER_PID=$!
URL=""
for _ in $(seq 1 300); do
    URL=$(sed -n 's|^zonewatch is serving .* at \(http://127\.0\.0\.1:[0-9]*\)/$|\1|p' "$WORK/serve.out")
    [ -n "$URL" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.err" >&2; exit 1; }
    sleep 0.1
done
[ -n "$URL" ] || { echo "zonewatch serve printed no URL" >&2; exit 1; }

# A browser session: the login form's CSRF token, then the login; a user whose
# password an admin set must change it first (the account form), as in a browser.
JAR="$WORK/cookies"
hidden_csrf() { sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n1; }
csrf=$(curl -sf -c "$JAR" "$URL/login" | hidden_csrf)
next=$(curl -sf -b "$JAR" -c "$JAR" -o /dev/null -w '%{redirect_url}' \
    --data-urlencode "csrf=$csrf" --data-urlencode "user=bench" \
    --data-urlencode "password=$PASSWORD" "$URL/login")
if [[ "$next" == */account* ]]; then
    csrf=$(curl -sf -b "$JAR" "$URL/account" | hidden_csrf)
    curl -sf -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "csrf=$csrf" \
        --data-urlencode "old=$PASSWORD" --data-urlencode "new=$PASSWORD again" \
        --data-urlencode "again=$PASSWORD again" "$URL/account/password"
fi
SESSION=$(awk '$6 == "zw_session" {print $7}' "$JAR")
[ -n "$SESSION" ] || { echo "login failed" >&2; exit 1; }

LIST="$URL/api/v1/sites"
SITE="$URL/sites/demo-site-001"
AUTH="Authorization: Bearer $TOKEN"
COOKIE="Cookie: zw_session=$SESSION"
# Each answers 200 before it is loaded.
for check in "$LIST|$AUTH" "$SITE|$COOKIE"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "${check#*|}" "${check%%|*}")
    [ "$code" = 200 ] || { echo "${check%%|*} answered $code" >&2; exit 1; }
done

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); wrk: 1 thread, $CONNECTIONS connections, ${DURATION} s per endpoint"
# wrk's latency units vary (us, ms, s): milliseconds.
to_ms() { awk '{v=$1; if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else if (v ~ /s$/) printf "%.2f", v*1000; else print v}'; }
# The server's CPU time so far (user + system), in clock ticks.
server_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
run() {
    local name=$1 url=$2 header=$3
    wrk -t1 -c"$CONNECTIONS" -d3s -H "$header" "$url" >/dev/null # warm-up
    local before after
    before=$(server_ticks)
    wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$header" "$url" >"$WORK/$name.txt"
    after=$(server_ticks)
    local rps p50 p99 errors requests cpu
    rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$WORK/$name.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$WORK/$name.txt" | to_ms)
    p99=$(awk '$1 == "99%" {print $2}' "$WORK/$name.txt" | to_ms)
    errors=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$WORK/$name.txt")
    requests=$(awk '/requests in/ {print $1}' "$WORK/$name.txt")
    # CPU time per request barely depends on what else the machine runs, unlike
    # requests/s: the figure to compare two builds by on a busy machine.
    cpu=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
        'BEGIN {printf "%.0f", t / hz * 1e6 / n}')
    printf '%-5s %-28s %8s requests/s   p50 %6s ms   p99 %6s ms   server CPU %4s us/request%s\n' \
        "$name" "${url#"$URL"}" "$rps" "$p50" "$p99" "$cpu" "${errors:+   NON-2XX: $errors}"
}
run list "$LIST" "$AUTH"
run site "$SITE" "$COOKIE"
