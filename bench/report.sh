#!/usr/bin/env bash
# Report benchmark (not a test): a generated, fictional dataset of 1,000,000 persons
# and 100,000 sites (with their observations, raids, testimonies and incidents) is
# imported into a fresh SQLite file, then `zonewatch report --format json` is timed
# three times; the script prints each run and the median.
#
#   bash bench/report.sh [PERSONS] [SITES]
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS="${1:-1000000}"
SITES="${2:-100000}"
OUT=bench/out
mkdir -p "$OUT"

cargo build --release -j2 -q -p zonewatch
# The report needs no passphrase; the import's key ring gets a throwaway one.
export ZONEWATCH_PASSPHRASE="benchmark passphrase (fictional)"
BIN=target/release/zonewatch
DATA="$OUT/report-$PERSONS-$SITES.jsonl"
DB="$OUT/report-$PERSONS-$SITES.db"
[ -f "$DATA" ] || python3 bench/report_dataset.py "$PERSONS" "$SITES" > "$DATA"
if [ ! -f "$DB" ]; then
  "$BIN" --db "sqlite://$DB" import "$DATA"
fi
echo "dataset: $("$BIN" --db "sqlite://$DB" status | tail -n 1 | awk '{print $2}') records ($PERSONS persons, $SITES sites)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"

times=()
for run in 1 2 3; do
  line=$( { /usr/bin/time -f "%e %M" "$BIN" --db "sqlite://$DB" report --format json >/dev/null; } 2>&1 | tail -n1)
  read -r seconds kb <<<"$line"
  printf 'run %d: report --format json in %s s, peak memory %.0f MB\n' "$run" "$seconds" "$(echo "$kb / 1024" | bc -l)"
  times+=("$seconds")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
echo "median: $median s"
