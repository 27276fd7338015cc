//! The OpenAPI 3 document of `/api/v1`, built from [`ROUTES`], the one list of the
//! API's routes kept next to them (`api.rs`). A test checks that every route the
//! router answers is in it, and that each listed route is answered.

use serde_json::{json, Map, Value};
use zonewatch_model::Kind;

/// (method, path, summary) of every API route; `{plural}` stands for each kind.
pub const ROUTES: &[(&str, &str, &str)] = &[
    ("get", "/api/v1/openapi.json", "This document"),
    (
        "get",
        "/api/v1/report",
        "The findings report (FORMAT.md); viewers get the public form",
    ),
    (
        "post",
        "/api/v1/import",
        "Import v1 JSON Lines, all or nothing (investigator, admin); `?dry_run=true` validates only",
    ),
    (
        "get",
        "/api/v1/assess",
        "Legal assessments per person (analyst and above)",
    ),
    (
        "get",
        "/api/v1/{plural}",
        "List records of a kind: filters and paging",
    ),
    (
        "post",
        "/api/v1/{plural}",
        "Create a record (investigator, admin); validated as an import",
    ),
    (
        "get",
        "/api/v1/{plural}/{id}",
        "One record as the caller may see it",
    ),
    (
        "put",
        "/api/v1/{plural}/{id}",
        "Replace a record as a whole (investigator, admin)",
    ),
    (
        "delete",
        "/api/v1/{plural}/{id}",
        "Delete a record (audited; refused while referenced)",
    ),
];

fn error_responses(op: &mut Map<String, Value>, method: &str) {
    let has_id = op_has_id(op);
    let Some(Value::Object(responses)) = op.get_mut("responses") else {
        return;
    };
    let err = json!({"description": "error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}});
    responses.insert("401".into(), err.clone());
    responses.insert("403".into(), err.clone());
    if method != "get" || has_id {
        responses.insert("404".into(), err.clone());
    }
    if method == "post" || method == "put" {
        responses.insert("422".into(), err.clone());
        responses.insert("409".into(), err.clone());
    }
    if method == "delete" {
        responses.insert("409".into(), err);
    }
}

fn op_has_id(op: &Map<String, Value>) -> bool {
    op.get("operationId")
        .and_then(Value::as_str)
        .is_some_and(|id| {
            id.ends_with("_one") || id.starts_with("update") || id.starts_with("delete")
        })
}

fn operation(method: &str, path: &str, summary: &str, kind: Option<Kind>) -> Value {
    let object = json!({"$ref": "#/components/schemas/Record"});
    let name = kind.map_or("", |k| k.plural());
    let mut params = Vec::new();
    if path.contains("{id}") {
        params.push(json!({"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[A-Za-z0-9._:-]{1,128}$"}}));
    }
    let (op_id, ok) = match (method, path.contains("{id}")) {
        ("get", true) => (
            format!("get_one_{name}"),
            json!({"200": {"description": "the record", "content": {"application/json": {"schema": object}}}}),
        ),
        ("put", _) => (
            format!("update_{name}"),
            json!({"200": {"description": "the record as stored", "content": {"application/json": {"schema": object}}}}),
        ),
        ("delete", _) => (
            format!("delete_{name}"),
            json!({"204": {"description": "deleted"}}),
        ),
        ("post", _) if kind.is_none() => (
            "import".to_owned(),
            json!({"200": {"description": "the import's summary", "content": {"application/json": {"schema": {"type": "object", "properties": {"records": {"type": "integer"}, "by_kind": {"type": "object", "additionalProperties": {"type": "integer"}}, "written": {"type": "boolean"}}}}}}}),
        ),
        ("post", _) => (
            format!("create_{name}"),
            json!({"201": {"description": "created", "content": {"application/json": {"schema": object}}}}),
        ),
        ("get", false) if kind.is_some() => {
            for (p, d) in [
                ("limit", "1 to 1000, default 100"),
                ("after", "the `next` of the previous page"),
                ("date_from", "date or partial date"),
                ("date_to", "date or partial date"),
            ] {
                params.push(json!({"name": p, "in": "query", "required": false, "description": d, "schema": {"type": "string"}}));
            }
            params.push(json!({"name": "filters", "in": "query", "required": false, "style": "form", "explode": true, "description": "any top-level field = value: a reference (`site=ID`), a vocabulary field (`status=operating`), `country=KH`", "schema": {"type": "object", "additionalProperties": {"type": "string"}}}));
            (
                format!("list_{name}"),
                json!({"200": {"description": "one page", "content": {"application/json": {"schema": {"type": "object", "required": ["items", "next", "withheld"], "properties": {"items": {"type": "array", "items": object}, "next": {"type": ["string", "null"]}, "withheld": {"type": "array", "items": {"type": "string"}}}}}}}}),
            )
        }
        _ => {
            let base = path.trim_start_matches("/api/v1/").replace(['.', '/'], "_");
            if path.ends_with("report") {
                for p in ["public", "trace"] {
                    params.push(json!({"name": p, "in": "query", "required": false, "schema": {"type": "boolean"}}));
                }
                params.push(json!({"name": "threshold", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 2}}));
            }
            if path.ends_with("assess") {
                params.push(json!({"name": "person", "in": "query", "required": false, "schema": {"type": "string"}}));
            }
            (
                base,
                json!({"200": {"description": "JSON", "content": {"application/json": {"schema": {}}}}}),
            )
        }
    };
    let mut op =
        json!({"summary": summary, "operationId": op_id, "parameters": params, "responses": ok});
    if kind.is_none() && method == "post" {
        params.push(json!({"name": "dry_run", "in": "query", "required": false, "schema": {"type": "boolean"}}));
        set(&mut op, "parameters", json!(params));
        set(
            &mut op,
            "requestBody",
            json!({"required": true, "content": {"application/jsonl": {"schema": {"type": "string", "description": "v1 JSON Lines"}}}}),
        );
    } else if method == "post" || method == "put" {
        set(
            &mut op,
            "requestBody",
            json!({"required": true, "content": {"application/json": {"schema": object}}}),
        );
    }
    if let Value::Object(map) = &mut op {
        if path != "/api/v1/openapi.json" {
            error_responses(map, method);
        } else {
            map.insert("security".into(), json!([]));
        }
    }
    op
}

/// The OpenAPI 3.1 document.
pub fn openapi_document() -> Value {
    let mut paths = Map::new();
    for (method, path, summary) in ROUTES {
        let kinds: Vec<Option<Kind>> = if path.contains("{plural}") {
            Kind::ALL.iter().copied().map(Some).collect()
        } else {
            vec![None]
        };
        for kind in kinds {
            let concrete = match kind {
                Some(k) => path.replace("{plural}", k.plural()),
                None => (*path).to_owned(),
            };
            let entry = paths.entry(concrete).or_insert_with(|| json!({}));
            set(entry, method, operation(method, path, summary, kind));
        }
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "zonewatch API",
            "version": "1",
            "description": "Records are the v1 JSON objects of FORMAT.md. Restricted fields are left out for roles that may not read them (and while the server does not hold the passphrase); the X-Zonewatch-Withheld header and a list's `withheld` say so."
        },
        "servers": [{"url": "/"}],
        "security": [{"bearer": []}, {"session": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "description": "zonewatch token create NAME"},
                "session": {"type": "apiKey", "in": "cookie", "name": "zw_session", "description": "from the login page; writes also need the X-CSRF-Token header"}
            },
            "schemas": {
                "Record": {"type": "object", "required": ["kind", "id"], "properties": {"kind": {"type": "string", "enum": Kind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>()}, "id": {"type": "string"}}, "additionalProperties": true},
                "Error": {"type": "object", "required": ["error"], "properties": {
                    "error": {"type": "string"},
                    "errors": {"type": "array", "items": {"type": "object", "properties": {"field": {"type": ["string", "null"]}, "message": {"type": "string"}}}},
                    "referenced_by": {"type": "array", "items": {"type": "string"}}
                }}
            }
        }
    })
}

/// Sets a member of a JSON object (no panicking IndexMut).
fn set(target: &mut Value, key: &str, value: Value) {
    if let Value::Object(map) = target {
        map.insert(key.to_owned(), value);
    }
}
