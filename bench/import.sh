#!/usr/bin/env bash
# Import benchmark (not a test): generates a v1 file of N fictional records (default
# 1,000,000) and imports it into a fresh SQLite file and a fresh PostgreSQL database,
# printing records per second and the peak memory (max RSS) of the import process.
#
#   bash bench/import.sh [N]
#
# PostgreSQL is used when ZONEWATCH_BENCH_POSTGRES (a server URL) is set or a server
# answers on 127.0.0.1:5432; the database is created for the run and dropped after.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000000}"
OUT=bench/out
mkdir -p "$OUT"

cargo build --release -j2 -q -p zonewatch
BIN=target/release/zonewatch
FILE="$OUT/records-$N.jsonl"
[ -f "$FILE" ] || "$BIN" generate --records "$N" --output "$FILE"
echo "input: $FILE ($N records, $(du -h "$FILE" | cut -f1))"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"

# The key ring is made first (Argon2 at full cost takes about a second), so the
# timing is of the import alone: restricted fields sealed, audit entry written.
export ZONEWATCH_PASSPHRASE="benchmark passphrase (fictional)"

# Runs one import; prints a result line.
measure() {
  local label="$1" url="$2"
  "$BIN" --db "$url" init 2>/dev/null
  local timing
  timing=$( { /usr/bin/time -f "%e %M" "$BIN" --db "$url" import "$FILE" >/dev/null; } 2>&1 | tail -n1)
  local seconds kb
  read -r seconds kb <<<"$timing"
  awk -v l="$label" -v n="$N" -v s="$seconds" -v kb="$kb" \
    'BEGIN { printf "%-10s %9d records in %7.2f s = %9.0f records/s, peak memory %6.1f MB\n", l, n, s, n / s, kb / 1024 }'
}

rm -f "$OUT/bench.db" "$OUT/bench.db-wal" "$OUT/bench.db-shm"
measure sqlite "sqlite://$OUT/bench.db"

SERVER="${ZONEWATCH_BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432/test}"
if psql "$SERVER" -qtAc 'select 1' >/dev/null 2>&1; then
  DB="zw_bench_$$"
  psql "$SERVER" -qc "CREATE DATABASE $DB" >/dev/null
  trap 'psql "$SERVER" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null' EXIT
  measure postgres "${SERVER%/*}/$DB"
else
  echo "postgres   skipped: no server at $SERVER"
fi
