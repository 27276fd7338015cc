#!/usr/bin/env bash
# Runs every cargo-fuzz target of the project for a time budget each, and fails when
# any of them finds a crash (a panic, a failed assertion, a sanitizer report, a
# time-out or running out of memory).
#
# Usage:
#   scripts/fuzz.sh [SECONDS] [TARGET...]   SECONDS per target (default 30); only the
#                                           named targets when any are given
#
# The targets (each fuzz crate lives outside the workspace, with its own [workspace]):
#   crates/model/fuzz    decode_line, json_parse
#   crates/interop/fuzz  mapping_from_toml
#   crates/screen/fuzz   screen_text
#
# Each target starts from its committed seeds (crates/*/fuzz/seeds/TARGET, made from
# tests/fixtures and examples) and its working corpus (crates/*/fuzz/corpus/TARGET,
# not committed, kept between runs on one machine). A crash is written to
# crates/*/fuzz/artifacts/TARGET/ (not committed) and is replayed with
#   cd crates/<crate>/fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run --target-dir ../../../target/fuzz TARGET artifacts/TARGET/crash-...
#
# cargo-fuzz is installed from crates.io when `cargo fuzz` is missing. The stable
# toolchain runs it with RUSTC_BOOTSTRAP=1 (it needs -Z flags for the sanitizer and
# the coverage instrumentation). All fuzz crates build into one target dir
# ($CARGO_TARGET_DIR or target/, then fuzz/), with CARGO_BUILD_JOBS (default 2) jobs.
# The full output of each run goes to target/fuzz/logs/TARGET.log.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_PER_TARGET=${1:-30}
if ! [[ "$SECONDS_PER_TARGET" =~ ^[0-9]+$ ]] || [ "$SECONDS_PER_TARGET" -lt 1 ]; then
    echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2
    exit 2
fi
shift $(( $# > 0 ? 1 : 0 ))
ONLY=("$@")

CARGO_FUZZ_VERSION=0.13.2
export RUSTC_BOOTSTRAP=1
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-2}
TARGET_DIR=${CARGO_TARGET_DIR:-target}/fuzz
[[ "$TARGET_DIR" = /* ]] || TARGET_DIR=$ROOT/$TARGET_DIR
LOGS=$TARGET_DIR/logs
mkdir -p "$LOGS"

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz: installing cargo-fuzz $CARGO_FUZZ_VERSION"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

# crate dir, target, extra libFuzzer options
TARGETS=(
    "crates/model/fuzz decode_line -dict=v1.dict"
    "crates/model/fuzz json_parse -dict=v1.dict"
    "crates/interop/fuzz mapping_from_toml"
    "crates/screen/fuzz screen_text"
)

selected() {
    [ ${#ONLY[@]} -eq 0 ] && return 0
    local name
    for name in "${ONLY[@]}"; do [ "$name" = "$1" ] && return 0; done
    return 1
}

# Build each fuzz crate once (all its targets), timed.
built=()
for entry in "${TARGETS[@]}"; do
    read -r dir target _ <<<"$entry"
    selected "$target" || continue
    case " ${built[*]-} " in *" $dir "*) continue ;; esac
    built+=("$dir")
    start=$(date +%s)
    echo "fuzz: building $dir"
    (cd "$dir" && cargo fuzz build --target-dir "$TARGET_DIR")
    echo "fuzz: built $dir in $(( $(date +%s) - start ))s"
done

failed=()
ran=0
for entry in "${TARGETS[@]}"; do
    read -r dir target options <<<"$entry"
    selected "$target" || continue
    ran=$((ran + 1))
    mkdir -p "$dir/corpus/$target" "$dir/seeds/$target"
    log=$LOGS/$target.log
    echo "fuzz: $target for ${SECONDS_PER_TARGET}s"
    # -timeout: one input running this long is a hang; -rss_limit_mb: a leak or a
    # blow-up. Both count as crashes.
    # shellcheck disable=SC2086 # $options is a list of flags
    if (cd "$dir" && cargo fuzz run --target-dir "$TARGET_DIR" "$target" \
            "corpus/$target" "seeds/$target" -- \
            -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
            -print_final_stats=1 $options) >"$log" 2>&1; then
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
        echo "fuzz: $target ok (${runs:-?} inputs run)"
    else
        echo "fuzz: $target FAILED (full output in $log):" >&2
        grep -m1 -A10 -E 'panicked at|==ERROR|ERROR: libFuzzer' "$log" | cut -c1-2000 >&2 || true
        grep -A2 -E '^(Failing input|Reproduce with):' "$log" >&2 || tail -n 30 "$log" >&2
        failed+=("$target")
    fi
done

if [ "$ran" -eq 0 ]; then
    echo "fuzz: no target named ${ONLY[*]}" >&2
    exit 2
fi
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: crashes in ${failed[*]} (inputs under crates/*/fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzz: $ran targets, no crash"
