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
# fails it. Screenshots go to ARTIFACTS_DIR (default: target/e2e-artifacts).
# Installs chromium (apt-get) and playwright-core (npm ci, from the lock file) when
# they are missing. Exits non-zero on any failure; the server is always stopped.
set -euo pipefail

cd "$(dirname "$0")/.."
ARTIFACTS=${1:-target/e2e-artifacts}
mkdir -p "$ARTIFACTS"
ARTIFACTS=$(cd "$ARTIFACTS" && pwd)
rm -f "$ARTIFACTS"/*.png
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
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# A throwaway key-ring passphrase and cheap Argon2: this database lives for one run.
export ZONEWATCH_ARGON2_TEST_COST=low
export ZONEWATCH_PASSPHRASE="e2e-throwaway-$RANDOM-$RANDOM"
export ZONEWATCH_DB="sqlite://$WORK/e2e.db"
"$ZONEWATCH" demo >/dev/null

# Port 0: the system picks a free port, and the server prints the URL it got.
"$ZONEWATCH" serve --addr 127.0.0.1:0 >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER_PID=$!

URL="" PASSWORD=""
for _ in $(seq 1 300); do
    URL=$(sed -n 's|^zonewatch is serving .* at \(http://127\.0\.0\.1:[0-9]*/\)$|\1|p' "$WORK/serve.out")
    PASSWORD=$(sed -n 's|^  one-time password: \(.*\)$|\1|p' "$WORK/serve.err")
    [ -n "$URL" ] && [ -n "$PASSWORD" ] && break
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "FAIL: zonewatch serve exited:" >&2
        cat "$WORK/serve.out" "$WORK/serve.err" >&2
        exit 1
    fi
    sleep 0.1
done
if [ -z "$URL" ] || [ -z "$PASSWORD" ]; then
    echo "FAIL: zonewatch serve printed no URL and admin password within 30 s" >&2
    exit 1
fi
echo "Server at $URL" >&2

status=0
ZW_URL="$URL" ZW_PASSWORD="$PASSWORD" ZW_ARTIFACTS="$ARTIFACTS" \
    timeout 180 node tests/e2e/web.mjs || status=$?
# What the server logged, without the password it printed.
grep -v 'one-time password' "$WORK/serve.err" >"$ARTIFACTS/serve.log" || true
if [ "$status" -ne 0 ]; then
    echo "FAIL: the end-to-end test failed (status $status); screenshots and the server log in $ARTIFACTS" >&2
    exit 1
fi
echo "e2e-web: OK (screenshots in $ARTIFACTS)" >&2
