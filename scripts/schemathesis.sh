#!/usr/bin/env bash
# Property-based tests of the JSON API against its own OpenAPI document (issue 5):
# schemathesis generates valid and invalid requests for every operation of
# /api/v1/openapi.json and checks that none gets a server error, that every response
# matches the document (status code, content type, body schema), and that what the
# document calls invalid is refused.
#
#   scripts/schemathesis.sh [--postgres] [--max-examples N] [--seed N]
#
# Builds zonewatch, loads the demo dataset into a fresh database (SQLite in a
# temporary directory; with --postgres, a throwaway database on the server named by
# ZONEWATCH_TEST_POSTGRES, dropped afterwards), adds an admin user and an API token,
# starts `zonewatch serve` (key ring unlocked, so restricted reads are exercised) on a
# free loopback port, runs schemathesis as that admin, and stops the server. Bounded:
# --max-examples per operation (default 30) and an overall time budget.
# Installs schemathesis (pinned) from PyPI into a virtual environment
# (SCHEMATHESIS_VENV, default $CARGO_TARGET_DIR/schemathesis-venv) when missing.
# Exits non-zero on any failed check; the report goes to $TARGET/schemathesis-report.
set -euo pipefail

cd "$(dirname "$0")/.."
SCHEMATHESIS_VERSION=4.32.5
TARGET=${CARGO_TARGET_DIR:-target}
mkdir -p "$TARGET"
TARGET=$(cd "$TARGET" && pwd)
VENV=${SCHEMATHESIS_VENV:-$TARGET/schemathesis-venv}
MAX_EXAMPLES=30
SEED=""
BACKEND=sqlite
while [ $# -gt 0 ]; do
    case "$1" in
        --postgres) BACKEND=postgres ;;
        --max-examples) MAX_EXAMPLES=$2; shift ;;
        --seed) SEED=$2; shift ;;
        *) echo "usage: $0 [--postgres] [--max-examples N] [--seed N]" >&2; exit 2 ;;
    esac
    shift
done

if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -qF "$SCHEMATHESIS_VERSION"; then
    echo "Installing schemathesis $SCHEMATHESIS_VERSION in $VENV..." >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

echo "Building zonewatch..." >&2
cargo build -q -p zonewatch
ZONEWATCH="$TARGET/debug/zonewatch"
REPORT="$TARGET/schemathesis-report"
rm -rf "$REPORT"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/zw-schemathesis.XXXXXX")
SERVER_PID=""
PG_DB=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -INT "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [ -n "$PG_DB" ]; then
        psql -q "$ZONEWATCH_TEST_POSTGRES" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# A throwaway key-ring passphrase and cheap Argon2: this database lives for one run.
export ZONEWATCH_ARGON2_TEST_COST=low
export ZONEWATCH_PASSPHRASE="schemathesis-throwaway-$RANDOM-$RANDOM"
if [ "$BACKEND" = postgres ]; then
    : "${ZONEWATCH_TEST_POSTGRES:?--postgres needs ZONEWATCH_TEST_POSTGRES (a server URL)}"
    PG_DB="zw_schemathesis_$$_$RANDOM"
    psql -q "$ZONEWATCH_TEST_POSTGRES" -c "CREATE DATABASE $PG_DB" >/dev/null
    # The server's URL with the new database's name as its path.
    base=${ZONEWATCH_TEST_POSTGRES%%\?*}
    export ZONEWATCH_DB="${base%/*}/$PG_DB"
else
    export ZONEWATCH_DB="sqlite://$WORK/schemathesis.db"
fi
"$ZONEWATCH" demo >/dev/null
echo "a long throwaway password $RANDOM$RANDOM" | "$ZONEWATCH" user add fuzzer --role admin >/dev/null
TOKEN=$("$ZONEWATCH" token create fuzzer 2>/dev/null)

# Port 0: the system picks a free port, and the server prints the URL it got.
"$ZONEWATCH" serve --addr 127.0.0.1:0 >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER_PID=$!
URL=""
for _ in $(seq 1 300); do
    URL=$(sed -n 's|^zonewatch is serving .* at \(http://127\.0\.0\.1:[0-9]*/\)$|\1|p' "$WORK/serve.out")
    [ -n "$URL" ] && break
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "FAIL: zonewatch serve exited:" >&2
        cat "$WORK/serve.out" "$WORK/serve.err" >&2
        exit 1
    fi
    sleep 0.1
done
if [ -z "$URL" ]; then
    echo "FAIL: zonewatch serve printed no URL within 30 s" >&2
    exit 1
fi
echo "Server ($BACKEND) at $URL" >&2

seed_args=()
[ -n "$SEED" ] && seed_args=(--seed "$SEED")
status=0
# positive_data_acceptance is left out: the document cannot say which made-up
# record is valid (references must name existing records, dates must be real...),
# so a generated "valid" body is rightly refused with 422.
# The generation database is off: every run starts from the document alone.
# One worker: hypothesis's lambda descriptions call ast.parse, which on CPython
# 3.11 before 3.11.8 can fail with "AST constructor recursion depth mismatch"
# when two threads parse at once.
HOOKS="$PWD/scripts/schemathesis_hooks.py"
# Run from the temporary directory: schemathesis keeps a cache (.schemathesis/) in
# the working directory.
(cd "$WORK" && SCHEMATHESIS_HOOKS="$HOOKS" \
timeout 900 "$VENV/bin/schemathesis" run "${URL}api/v1/openapi.json" \
    --header "Authorization: Bearer $TOKEN" \
    --checks all --exclude-checks positive_data_acceptance \
    --phases examples,coverage,fuzzing,stateful \
    --continue-on-failure \
    --max-examples "$MAX_EXAMPLES" "${seed_args[@]}" \
    --generation-database none \
    --request-timeout 30 \
    --workers 1 \
    --no-color \
    --report junit --report-dir "$REPORT") || status=$?

# What the server logged: internal errors say their kind only (no personal data).
cp "$WORK/serve.err" "$REPORT/serve.log" 2>/dev/null || true
if grep -q 'internal error' "$WORK/serve.err"; then
    echo "FAIL: the server logged internal errors:" >&2
    grep 'internal error' "$WORK/serve.err" | sort | uniq -c >&2
    status=1
fi
if [ "$status" -ne 0 ]; then
    echo "FAIL: schemathesis ($BACKEND) found failures (status $status); report in $REPORT" >&2
    exit 1
fi
echo "schemathesis ($BACKEND): OK" >&2
