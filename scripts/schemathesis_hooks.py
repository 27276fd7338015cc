"""Hooks for scripts/schemathesis.sh (loaded through SCHEMATHESIS_HOOKS).

POST /api/v1/import takes a JSON Lines body (`application/jsonl`), which
schemathesis has no serializer for: send the generated text as it is.
"""

import json

import schemathesis


@schemathesis.serializer("application/jsonl")
def jsonl(ctx, value):
    if value is None:
        return None
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    # A negative test may generate a non-string: send it as one JSON line.
    return json.dumps(value).encode("utf-8")
