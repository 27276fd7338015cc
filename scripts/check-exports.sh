#!/usr/bin/env bash
# Checks zonewatch's GeoJSON and FollowTheMoney exports with the tools that read them:
# GDAL's ogrinfo for GeoJSON, the `followthemoney` Python package for FtM.
#
# Usage:
#   scripts/check-exports.sh DIR...            check the export files in each DIR
#                                              (*.geojson, *.ftm.jsonl)
#   scripts/check-exports.sh FILE.jsonl...     export each v1 file first (in full,
#                                              redacted, and public-only), then check
#   scripts/check-exports.sh --demo            also export and check the demo dataset
#   scripts/check-exports.sh                   the fixtures worked.jsonl and
#                                              every-field.jsonl, and the demo
#
# The exports are made the way a user makes them: each input imported into a fresh
# SQLite file, then `zonewatch export --format geojson|ftm` in full, with --redact,
# and as a viewer (public records only). Installs what it needs: gdal-bin
# through apt-get when ogrinfo is missing, followthemoney from PyPI in a virtual
# environment (FTM_VENV, default $TARGET/ftm-venv). Exits non-zero on any error.
set -euo pipefail

cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-target}
FTM_VENV=${FTM_VENV:-$TARGET/ftm-venv}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/zw-exports.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

args=("$@")
demo=0
if [ ${#args[@]} -eq 0 ]; then
    args=(tests/fixtures/worked.jsonl tests/fixtures/every-field.jsonl)
    demo=1
fi
inputs=()
dirs=()
for arg in "${args[@]}"; do
    case "$arg" in
        --demo) demo=1 ;;
        *) if [ -d "$arg" ]; then dirs+=("$arg"); else inputs+=("$arg"); fi ;;
    esac
done

# --- tools -------------------------------------------------------------------
if ! command -v ogrinfo >/dev/null 2>&1; then
    echo "== installing gdal-bin (ogrinfo)"
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gdal-bin >/dev/null
    else
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gdal-bin >/dev/null
    fi
fi
if ! "$FTM_VENV/bin/python" -c 'import followthemoney' >/dev/null 2>&1; then
    echo "== installing followthemoney in $FTM_VENV"
    python3 -m venv "$FTM_VENV"
    "$FTM_VENV/bin/pip" install -q --disable-pip-version-check followthemoney
fi
echo "== $(ogrinfo --version); followthemoney $("$FTM_VENV/bin/python" -c \
    'from importlib.metadata import version; print(version("followthemoney"))')"

# --- exports -----------------------------------------------------------------
# A throwaway passphrase, so full exports (with restricted fields) need no prompt;
# Argon2 at full cost is not what this script checks.
ZONEWATCH_PASSPHRASE=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
export ZONEWATCH_PASSPHRASE ZONEWATCH_ARGON2_TEST_COST=low
cargo build -q -p zonewatch
ZONEWATCH="$PWD/$TARGET/debug/zonewatch"

export_db() { # DB NAME
    local db=$1 name=$2
    local zw=("$ZONEWATCH" --db "sqlite://$db")
    mkdir -p "$WORK/$name/full" "$WORK/$name/redacted" "$WORK/$name/public"
    printf 'viewer password (fictional)\n' | "${zw[@]}" user add viewer-check --role viewer 2>/dev/null || true
    for format in geojson ftm; do
        local file=sites.geojson
        [ "$format" = ftm ] && file=entities.ftm.jsonl
        "${zw[@]}" export --format "$format" --output "$WORK/$name/full/$file" 2>/dev/null
        "${zw[@]}" export --format "$format" --redact --output "$WORK/$name/redacted/$file" 2>/dev/null
        "${zw[@]}" --as viewer-check export --format "$format" --output "$WORK/$name/public/$file" 2>/dev/null
    done
    dirs+=("$WORK/$name/full" "$WORK/$name/redacted" "$WORK/$name/public")
}
for input in ${inputs[@]+"${inputs[@]}"}; do
    name=$(basename "$input" .jsonl)
    "$ZONEWATCH" --db "sqlite://$WORK/$name.db" import "$input" >/dev/null
    export_db "$WORK/$name.db" "$name"
done
if [ "$demo" = 1 ]; then
    "$ZONEWATCH" --db "sqlite://$WORK/demo.db" demo >/dev/null
    export_db "$WORK/demo.db" demo
fi

# --- checks ------------------------------------------------------------------
failed=0
check_geojson() { # FILE
    local file=$1 out expected got
    if ! out=$(ogrinfo -ro -al -so "$file" 2>&1); then
        echo "FAIL $file: ogrinfo could not open it:"; echo "$out"; return 1
    fi
    if grep -qiE '^(ERROR|Warning)' <<<"$out"; then
        echo "FAIL $file: ogrinfo reported:"; grep -iE '^(ERROR|Warning)' <<<"$out"; return 1
    fi
    # RFC 7946 shape, which ogrinfo is lenient about: a FeatureCollection of Features,
    # each with a properties object and a null geometry or a Point [lon, lat] in range.
    if ! expected=$(python3 - "$file" <<'PY'
import json, math, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
problems = []
if doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
    problems.append("not a FeatureCollection with a features list")
for i, f in enumerate(doc.get("features") or []):
    if f.get("type") != "Feature" or not isinstance(f.get("properties"), dict):
        problems.append(f"feature {i}: not a Feature with properties")
    g = f.get("geometry", "missing")
    if g is None:
        continue
    c = g.get("coordinates") if isinstance(g, dict) else None
    ok = (isinstance(g, dict) and g.get("type") == "Point" and isinstance(c, list)
          and len(c) == 2 and all(isinstance(x, (int, float)) and math.isfinite(x) for x in c)
          and -180 <= c[0] <= 180 and -90 <= c[1] <= 90)
    if not ok:
        problems.append(f"feature {i}: geometry is not null or a Point [lon, lat]: {g!r}")
if problems:
    print("; ".join(problems[:10]))
    sys.exit(1)
print(len(doc["features"]))
PY
    ); then
        echo "FAIL $file: $expected"; return 1
    fi
    got=$(sed -n 's/^Feature Count: //p' <<<"$out")
    if [ "$got" != "$expected" ]; then
        echo "FAIL $file: ogrinfo counts ${got:-no} features, the file holds $expected"; return 1
    fi
    echo "ok   $file: ogrinfo reads $got features ($(sed -n 's/^Geometry: //p' <<<"$out"))"
}

check_ftm() { # FILE
    local file=$1
    "$FTM_VENV/bin/python" - "$file" <<'PY' || return 1
"""Strict check of FtM JSON Lines: every line must load as an entity and every value
must be valid for its property and already in FtM's normal form."""
import json
import sys
import unicodedata

from followthemoney import model, registry
from followthemoney.exc import InvalidData

path = sys.argv[1]
errors = []
entities = {}
refs = []


def error(n, message):
    errors.append(f"{path}:{n}: {message}")


with open(path, encoding="utf-8") as fh:
    for n, line in enumerate(fh, 1):
        try:
            data = json.loads(line)
        except ValueError as ex:
            error(n, f"not JSON: {ex}")
            continue
        if not isinstance(data, dict) or set(data) != {"id", "schema", "properties"}:
            error(n, "expected an object with exactly id, schema and properties")
            continue
        schema = model.get(data["schema"])
        if schema is None or schema.abstract:
            error(n, f"no concrete schema {data['schema']!r}")
            continue
        eid = data["id"]
        if not isinstance(eid, str) or not registry.entity.validate(eid):
            error(n, f"invalid entity id {eid!r}")
            continue
        if eid in entities:
            error(n, f"id {eid} appears twice")
        entities[eid] = schema
        props = data["properties"]
        if not isinstance(props, dict):
            error(n, "properties is not an object")
            continue
        for name, values in props.items():
            prop = schema.properties.get(name)
            if prop is None or prop.stub:
                error(n, f"{schema.name} has no writable property {name!r}")
                continue
            if not isinstance(values, list) or not values:
                error(n, f"{name}: expected a non-empty list of strings")
                continue
            if len(set(values)) != len(values):
                error(n, f"{name}: duplicate values")
            for value in values:
                if not isinstance(value, str):
                    error(n, f"{name}: {value!r} is not a string")
                    continue
                invalid = prop.validate([value])
                if invalid is not None:
                    error(n, f"{name}: {invalid}")
                    continue
                cleaned = prop.type.clean(value)
                if cleaned != unicodedata.normalize("NFC", value):
                    error(n, f"{name}: {value!r} is not in FtM's normal form ({cleaned!r})")
                if prop.type == registry.entity:
                    refs.append((n, name, value, prop.range))
        for name in schema.required:
            if not props.get(name):
                error(n, f"{schema.name} requires {name!r}")
        try:
            proxy = model.get_proxy(data, cleaned=False)
            schema.validate(proxy.to_dict())
        except InvalidData as ex:
            error(n, f"followthemoney refuses it: {ex} {getattr(ex, 'errors', '')}")
            continue
        loaded = {k: sorted(v) for k, v in proxy.to_dict()["properties"].items()}
        given = {k: sorted(unicodedata.normalize("NFC", x) for x in v) for k, v in props.items()}
        if loaded != given:
            error(n, f"followthemoney loads other values: {loaded} != {given}")

for n, name, target, expected in refs:
    schema = entities.get(target)
    if schema is None:
        error(n, f"{name} -> {target}: no such entity in the file")
    elif expected is not None and not schema.is_a(expected):
        error(n, f"{name} -> {target}: a {schema.name}, expected a {expected.name}")

for e in errors[:50]:
    print("FAIL", e)
if errors:
    print(f"FAIL {path}: {len(errors)} errors")
    sys.exit(1)
schemas = {}
for schema in entities.values():
    schemas[schema.name] = schemas.get(schema.name, 0) + 1
summary = ", ".join(f"{v} {k}" for k, v in sorted(schemas.items()))
print(f"ok   {path}: {len(entities)} entities valid ({summary})")
PY
    # And the package's own command-line tool must read it all.
    if ! "$FTM_VENV/bin/ftm" validate -i "$file" -o /dev/null; then
        echo "FAIL $file: ftm validate"; return 1
    fi
}

checked=0
for dir in ${dirs[@]+"${dirs[@]}"}; do
    shopt -s nullglob
    for file in "$dir"/*.geojson; do
        check_geojson "$file" || failed=1
        checked=$((checked + 1))
    done
    for file in "$dir"/*.ftm.jsonl; do
        check_ftm "$file" || failed=1
        checked=$((checked + 1))
    done
    shopt -u nullglob
done
if [ "$checked" = 0 ]; then
    echo "FAIL no export files found"; exit 1
fi
if [ "$failed" != 0 ]; then
    echo "FAIL: some exports did not pass"; exit 1
fi
echo "all $checked export files passed ogrinfo and followthemoney"
