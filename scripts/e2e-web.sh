#!/usr/bin/env bash
# End-to-end test of the web application in real headless Chromium (issue 5).
#
#   scripts/e2e-web.sh [ARTIFACTS_DIR]
#
# Builds zonewatch, loads the demo dataset into a fresh SQLite file in a temporary
# directory, starts `zonewatch serve` on a free loopback port, and runs
# tests/e2e/web.mjs (playwright-core driving Debian's /usr/bin/chromium): log in
# with the printed admin password, replace it through the account form (it is a
# one-time password), log out and in again, create a site, a raid and a later `operating`
# observation through the forms, see the dashboard's "operating after intervention"
# figure go up by one, find the site on the map; any console error or CSP violation
# fails it. It runs on SQLite, then, when ZONEWATCH_TEST_POSTGRES names a server, on
# a fresh PostgreSQL database made there (dropped afterwards). Screenshots go to
# ARTIFACTS_DIR/<backend> (default: target/e2e-artifacts).
# Installs chromium (apt-get) and playwright-core (npm ci, from the lock file) when
# they are missing. Exits non-zero on any failure; the server is always stopped.
set -euo pipefail

cd "$(dirname "$0")/.."
ARTIFACTS=${1:-target/e2e-artifacts}
mkdir -p "$ARTIFACTS"
ARTIFACTS=$(cd "$ARTIFACTS" && pwd)
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
# Node.js may come from elsewhere than Debian (its npm then conflicts with Debian's
# npm package), so each is installed only when it is missing.
packages=()
[ -x "$CHROMIUM" ] || packages+=(chromium)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
if [ ${#packages[@]} -gt 0 ]; then
    echo "Installing ${packages[*]} (apt-get)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq >/dev/null
    $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
fi
if [ ! -f tests/e2e/node_modules/playwright-core/package.json ]; then
    echo "Installing playwright-core (npm ci)..." >&2
    npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error >/dev/null
fi

echo "Building zonewatch..." >&2
cargo build -q -p zonewatch
ZONEWATCH="${CARGO_TARGET_DIR:-$PWD/target}/debug/zonewatch"

WORK=$(mktemp -d)
SERVER_PID=""
PG_DB=""
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
cleanup() {
    stop_server
    if [ -n "$PG_DB" ]; then
        psql -q "$ZONEWATCH_TEST_POSTGRES" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# A throwaway key-ring passphrase and cheap Argon2: these databases live for one run.
export ZONEWATCH_ARGON2_TEST_COST=low
export ZONEWATCH_PASSPHRASE="e2e-throwaway-$RANDOM-$RANDOM"

# One run of the browser test against a fresh database at $1, screenshots in $2.
run_backend() {
    local db="$1" shots="$2"
    mkdir -p "$shots"
    rm -f "$shots"/*.png
    export ZONEWATCH_DB="$db"
    "$ZONEWATCH" demo >/dev/null

    # Port 0: the system picks a free port, and the server prints the URL it got.
    : >"$WORK/serve.out"
    : >"$WORK/serve.err"
    "$ZONEWATCH" serve --addr 127.0.0.1:0 >"$WORK/serve.out" 2>"$WORK/serve.err" &
    SERVER_PID=$!

    local url="" password=""
    for _ in $(seq 1 300); do
        url=$(sed -n 's|^zonewatch is serving .* at \(http://127\.0\.0\.1:[0-9]*/\)$|\1|p' "$WORK/serve.out")
        password=$(sed -n 's|^  one-time password: \(.*\)$|\1|p' "$WORK/serve.err")
        [ -n "$url" ] && [ -n "$password" ] && break
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "FAIL: zonewatch serve exited:" >&2
            cat "$WORK/serve.out" "$WORK/serve.err" >&2
            exit 1
        fi
        sleep 0.1
    done
    if [ -z "$url" ] || [ -z "$password" ]; then
        echo "FAIL: zonewatch serve printed no URL and admin password within 30 s" >&2
        exit 1
    fi
    echo "Server at $url" >&2

    local status=0
    ZW_URL="$url" ZW_PASSWORD="$password" ZW_ARTIFACTS="$shots" \
        timeout 180 node tests/e2e/web.mjs || status=$?
    stop_server
    # What the server logged, without the password it printed.
    grep -v 'one-time password' "$WORK/serve.err" >"$shots/serve.log" || true
    if [ "$status" -ne 0 ]; then
        echo "FAIL: the end-to-end test failed (status $status); screenshots and the server log in $shots" >&2
        exit 1
    fi
}

echo "e2e-web: SQLite" >&2
run_backend "sqlite://$WORK/e2e.db" "$ARTIFACTS/sqlite"
if [ -n "${ZONEWATCH_TEST_POSTGRES:-}" ]; then
    # The same test on a fresh PostgreSQL database: the team server's backend.
    echo "e2e-web: PostgreSQL" >&2
    PG_DB="zw_e2e_$$_$RANDOM"
    psql -q "$ZONEWATCH_TEST_POSTGRES" -c "CREATE DATABASE $PG_DB" >/dev/null
    base=${ZONEWATCH_TEST_POSTGRES%%\?*}
    run_backend "${base%/*}/$PG_DB" "$ARTIFACTS/postgres"
fi
echo "e2e-web: OK (screenshots in $ARTIFACTS)" >&2
