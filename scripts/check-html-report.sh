#!/usr/bin/env bash
# Renders the HTML report of the worked example and of the demo dataset, opens each in
# headless Chromium, and fails if the browser reports any console message (script
# error, Content-Security-Policy violation, failed load), if the document does not
# parse into what was written, or if the HTML loads anything from outside itself.
#
#   scripts/check-html-report.sh [OUT_DIR]
#
# OUT_DIR (default: target/report-check) receives the reports, the DOM Chromium
# parsed, its log, and a screenshot of each report. The demo dataset comes from
# `zonewatch demo`. Reports are made the way a user makes them: imported into a
# fresh SQLite file, then `zonewatch report --format html`. Chromium is installed
# with apt-get when missing.
set -euo pipefail

cd "$(dirname "$0")/.."
OUT_DIR=${1:-target/report-check}
mkdir -p "$OUT_DIR"
OUT_DIR=$(cd "$OUT_DIR" && pwd)
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

if [ ! -x "$CHROMIUM" ]; then
    echo "Installing Chromium (apt-get)..." >&2
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq >/dev/null
    $SUDO apt-get install -y -qq chromium >/dev/null
fi

# Chromium, headless, with nothing that talks to the network, and a fresh profile.
chromium() {
    local profile
    profile=$(mktemp -d)
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-default-apps --disable-extensions --no-first-run --no-default-browser-check \
        --user-data-dir="$profile" --enable-logging=stderr --v=0 "$@"
    local status=$?
    rm -rf "$profile"
    return $status
}

# What counts as the browser complaining. Chromium logs every console message as
# `...:CONSOLE...`, including Content-Security-Policy violations.
ERRORS='CONSOLE|Uncaught|Refused to|Failed to load|Content Security Policy|net::ERR_'

echo "Building zonewatch..." >&2
cargo build -q -p zonewatch
ZONEWATCH="$PWD/target/debug/zonewatch"
rm -f "$OUT_DIR"/*.db "$OUT_DIR"/*.db-wal "$OUT_DIR"/*.db-shm
"$ZONEWATCH" --db "sqlite://$OUT_DIR/worked.db" import tests/fixtures/worked.jsonl >/dev/null
"$ZONEWATCH" --db "sqlite://$OUT_DIR/demo.db" demo >/dev/null
render() {
    local db=$1 out=$2
    shift 2
    "$ZONEWATCH" --db "sqlite://$OUT_DIR/$db.db" report --format html --output "$OUT_DIR/$out.html" "$@"
}

reports=()
render worked worked
render worked worked-public-trace --public --trace
render worked worked-trace --trace
render demo demo
render demo demo-public-trace --public --trace
reports+=(worked worked-public-trace worked-trace demo demo-public-trace)

# The detection itself must work: a copy of a report with an inline script and an
# external image must make Chromium complain (the report's own CSP refuses both).
sed 's|</body>|<script>console.error("canary")</script><img src="https://example.invalid/x.png"></body>|' \
    "$OUT_DIR/worked.html" >"$OUT_DIR/canary.html"
chromium --dump-dom "file://$OUT_DIR/canary.html" >/dev/null 2>"$OUT_DIR/canary.log" || true
if ! grep -Eq "$ERRORS" "$OUT_DIR/canary.log"; then
    fail "the canary page raised no console error: this check cannot see errors"
fi
rm -f "$OUT_DIR/canary.html"

for name in "${reports[@]}"; do
    html="$OUT_DIR/$name.html"
    url="file://$html"

    # Static checks: nothing to run, nothing to fetch.
    if grep -qi '<script' "$html"; then fail "$name: contains <script"; fi
    if grep -Eqi '(src|srcset|href|action)="(https?:)?//' "$html"; then
        fail "$name: loads or links something outside the document"
    fi
    if grep -Eqi ' style="' "$html"; then fail "$name: has a style= attribute"; fi
    if grep -qi 'https\?://' "$html"; then fail "$name: contains an http(s) address"; fi

    # Chromium parses it, logs nothing, and the DOM holds what was written.
    if ! chromium --dump-dom "$url" >"$OUT_DIR/$name.dom.html" 2>"$OUT_DIR/$name.log"; then
        fail "$name: Chromium failed (see $OUT_DIR/$name.log)"
    fi
    if grep -E "$ERRORS" "$OUT_DIR/$name.log" >&2; then
        fail "$name: Chromium reported errors (above)"
    fi
    for tag in '<svg' '<table' '<section'; do
        written=$(grep -o "$tag" "$html" | wc -l)
        parsed=$(grep -o "$tag" "$OUT_DIR/$name.dom.html" | wc -l)
        if [ "$written" -ne "$parsed" ] || [ "$written" -eq 0 ]; then
            fail "$name: $written $tag written, $parsed in the parsed DOM"
        fi
    done
    if ! grep -q 'id="methods"' "$OUT_DIR/$name.dom.html"; then
        fail "$name: the parsed document has no methods section"
    fi

    chromium --hide-scrollbars --window-size=1280,4000 --screenshot="$OUT_DIR/$name.png" "$url" \
        >/dev/null 2>"$OUT_DIR/$name.screenshot.log" || fail "$name: no screenshot"
    if grep -E "$ERRORS" "$OUT_DIR/$name.screenshot.log" >&2; then
        fail "$name: Chromium reported errors while taking the screenshot (above)"
    fi
    echo "ok: $name ($(wc -c <"$html") bytes) -> $OUT_DIR/$name.png" >&2
done

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "All HTML reports open in headless Chromium without errors. Screenshots: $OUT_DIR/*.png" >&2
