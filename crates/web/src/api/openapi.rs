//! The OpenAPI 3 document of `/api/v1`, built from [`ROUTES`], the one list of the
//! API's routes kept next to them (`api.rs`). A test checks that every route the
//! router answers is in it, and that each listed route is answered.
//!
//! Each kind's record schema is written from FORMAT.md and the model's vocabularies,
//! so clients (and `scripts/schemathesis.sh`) can tell a valid object from an invalid
//! one. The schemas check shape only: what needs the database (references naming
//! records of the right kind) or a calendar (dates that exist, country codes that
//! exist) is the server's to check, and answered 422.

use serde_json::{json, Map, Value};
use zonewatch_model::vocab::*;

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

/// A record id (FORMAT.md, "Lines").
const ID_PATTERN: &str = "^[A-Za-z0-9._:-]{1,128}$";

fn id() -> Value {
    json!({"type": "string", "pattern": ID_PATTERN})
}

fn ids() -> Value {
    json!({"type": "array", "items": id(), "uniqueItems": true})
}

/// Text a required field holds: not empty (nor blank, which the server checks).
fn text() -> Value {
    json!({"type": "string", "minLength": 1})
}

fn texts() -> Value {
    json!({"type": "array", "items": text(), "uniqueItems": true})
}

fn any_text() -> Value {
    json!({"type": "string"})
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the server checks that the date exists.
fn date() -> Value {
    json!({"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"})
}

/// An upper-case ISO 3166-1 alpha-2 code; the server checks that it exists.
fn country() -> Value {
    json!({"type": "string", "pattern": "^[A-Z]{2}$"})
}

/// A BCP 47 tag, checked for shape exactly as the server does.
fn language() -> Value {
    json!({"type": "string", "pattern": "^([A-Za-z]{2,3}|[A-Za-z]{5,8})(-[A-Za-z0-9]{1,8})*$"})
}

fn count() -> Value {
    json!({"type": "integer", "minimum": 0})
}

fn vocab<V: Vocabulary>() -> Value {
    let values: Vec<&str> = V::values().iter().map(|v| v.as_str()).collect();
    json!({"type": "string", "enum": values})
}

fn vocabs<V: Vocabulary>() -> Value {
    json!({"type": "array", "items": vocab::<V>(), "uniqueItems": true})
}

/// A closed object: `properties` in order, the `required` ones, nothing else.
fn object(properties: Vec<(&str, Value)>, required: &[&str]) -> Value {
    let mut map = Map::new();
    for (name, schema) in properties {
        map.insert(name.to_owned(), schema);
    }
    json!({"type": "object", "properties": map, "required": required, "additionalProperties": false})
}

/// The v1 object of one kind (FORMAT.md, "Kinds"). Restricted fields are optional
/// everywhere, so the objects the API answers (which leave them out for roles that
/// may not read them) match the same schema.
pub fn record_schema(kind: Kind) -> Value {
    let (mut fields, required): (Vec<(&str, Value)>, &[&str]) = match kind {
        Kind::Source => (
            vec![
                ("title", text()),
                ("type", vocab::<SourceType>()),
                ("url", any_text()),
                ("date", date()),
                ("publisher", any_text()),
                (
                    "sha256",
                    json!({"type": "string", "pattern": "^[0-9a-f]{64}$"}),
                ),
            ],
            &["title", "type"],
        ),
        Kind::Organization => (
            vec![
                ("name", text()),
                ("type", vocab::<OrganizationType>()),
                ("aliases", texts()),
                ("country", country()),
            ],
            &["name", "type"],
        ),
        Kind::Site => (
            vec![
                ("name", text()),
                ("category", vocab::<SiteCategory>()),
                ("country", country()),
                ("admin1", any_text()),
                ("admin2", any_text()),
                (
                    "lat",
                    json!({"type": "number", "minimum": -90, "maximum": 90}),
                ),
                (
                    "lon",
                    json!({"type": "number", "minimum": -180, "maximum": 180}),
                ),
                ("former_use", vocab::<FormerUse>()),
                ("aliases", texts()),
                ("operators", ids()),
            ],
            &["name", "category", "country"],
        ),
        Kind::SiteStatus => (
            vec![
                ("site", id()),
                ("date", date()),
                ("status", vocab::<SiteStatusValue>()),
                ("basis", vocab::<ObservationBasis>()),
                ("relocated_to", id()),
                ("note", any_text()),
            ],
            &["site", "date", "status", "basis"],
        ),
        Kind::Intervention => (
            vec![
                ("site", id()),
                ("date", date()),
                ("type", vocab::<InterventionType>()),
                ("agencies", ids()),
                ("persons_removed", count()),
                ("persons_arrested", count()),
                ("note", any_text()),
            ],
            &["site", "date", "type"],
        ),
        Kind::Person => {
            let mut recruitment = object(
                vec![
                    ("channel", vocab::<RecruitmentChannel>()),
                    ("promised_job", any_text()),
                    (
                        "promised_salary_usd",
                        json!({"type": "number", "minimum": 0}),
                    ),
                    ("date", date()),
                    ("ad", id()),
                ],
                &[],
            );
            set(&mut recruitment, "minProperties", json!(1));
            let custody = object(
                vec![("site", id()), ("from", date()), ("to", date())],
                &["site"],
            );
            let mut pii = object(
                vec![
                    ("legal_name", any_text()),
                    ("date_of_birth", date()),
                    ("contact", any_text()),
                    ("document_numbers", texts()),
                    ("address", any_text()),
                ],
                &[],
            );
            set(&mut pii, "minProperties", json!(1));
            set(
                &mut pii,
                "description",
                json!("always restricted: left out for roles that may not read it"),
            );
            let mut roles = vocabs::<PersonRole>();
            set(&mut roles, "minItems", json!(1));
            (
                vec![
                    ("alias", text()),
                    ("roles", roles),
                    ("nationality", country()),
                    ("gender", vocab::<Gender>()),
                    (
                        "age_at_entry",
                        json!({"type": "integer", "minimum": 0, "maximum": 150}),
                    ),
                    ("recruitment", recruitment),
                    (
                        "custody",
                        json!({"type": "array", "items": custody, "uniqueItems": true}),
                    ),
                    ("exit", vocab::<ExitMode>()),
                    ("pii", pii),
                ],
                &["alias", "roles"],
            )
        }
        Kind::Testimony => {
            let finding = object(
                vec![
                    ("code", vocab::<FindingCode>()),
                    ("note", any_text()),
                    ("site", id()),
                    ("date", date()),
                ],
                &["code"],
            );
            (
                vec![
                    ("person", id()),
                    ("date", date()),
                    ("consent", vocab::<Consent>()),
                    ("language", language()),
                    ("interviewer", any_text()),
                    (
                        "transcript",
                        json!({"type": "string", "description": "always restricted: left out for roles that may not read it"}),
                    ),
                    (
                        "findings",
                        json!({"type": "array", "items": finding, "uniqueItems": true}),
                    ),
                ],
                &["person", "date", "consent"],
            )
        }
        Kind::Incident => (
            vec![
                ("type", vocab::<IncidentType>()),
                ("date", date()),
                ("site", id()),
                ("victims", ids()),
                ("perpetrators", ids()),
                ("testimony", id()),
                ("description", any_text()),
            ],
            &["type"],
        ),
        Kind::Ad => (
            vec![
                ("platform", vocab::<Platform>()),
                ("text", text()),
                ("url", any_text()),
                ("posted", date()),
                ("language", language()),
            ],
            &["platform", "text"],
        ),
    };
    let mut properties = vec![
        ("kind", json!({"type": "string", "const": kind.as_str()})),
        ("id", id()),
    ];
    properties.append(&mut fields);
    properties.push(("sources", ids()));
    properties.push(("sensitivity", vocab::<Sensitivity>()));
    let mut all_required = vec!["kind", "id"];
    all_required.extend_from_slice(required);
    object(properties, &all_required)
}

/// The top-level fields of `kind` a list may filter on (`?field=value`): those
/// holding text, a number or a list of texts, never an always-restricted one (it is
/// not in the open part a filter reads).
pub fn filter_fields(kind: Kind) -> &'static [String] {
    static FIELDS: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
    let all = FIELDS.get_or_init(|| {
        Kind::ALL
            .iter()
            .map(|kind| {
                let schema = record_schema(*kind);
                let Some(Value::Object(properties)) = schema.get("properties") else {
                    return Vec::new();
                };
                let scalar = |s: &Value| {
                    matches!(
                        s.get("type").and_then(Value::as_str),
                        Some("string" | "integer" | "number")
                    )
                };
                properties
                    .iter()
                    .filter(|(name, field)| {
                        !matches!(name.as_str(), "kind" | "id")
                            && !zonewatch_model::restricted::always_restricted(*kind)
                                .contains(&name.as_str())
                            && (scalar(field)
                                || field.get("items").is_some_and(|items| {
                                    items.get("type").and_then(Value::as_str) == Some("string")
                                }))
                    })
                    .map(|(name, _)| name.clone())
                    .collect()
            })
            .collect()
    });
    Kind::ALL
        .iter()
        .position(|k| *k == kind)
        .and_then(|i| all.get(i))
        .map_or(&[], Vec::as_slice)
}

/// The components name of a kind's schema: `Source`, `SiteStatus`…
fn schema_name(kind: Kind) -> String {
    kind.as_str()
        .split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

fn schema_ref(kind: Kind) -> Value {
    json!({"$ref": format!("#/components/schemas/{}", schema_name(kind))})
}

fn error_response(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}})
}

fn json_response(description: &str, schema: Value) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": schema}}})
}

fn query(name: &str, description: &str, schema: Value) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": description, "schema": schema})
}

fn operation(method: &str, path: &str, summary: &str, kind: Option<Kind>) -> Value {
    let has_id = path.contains("{id}");
    let mut params = Vec::new();
    if has_id {
        params.push(json!({"name": "id", "in": "path", "required": true, "schema": id()}));
    }
    let mut body = None;
    let mut responses = Map::new();
    let mut add = |code: &str, response: Value| {
        responses.insert(code.to_owned(), response);
    };
    let op_id = match (method, kind) {
        ("get", None) if path.ends_with("openapi.json") => {
            add(
                "200",
                json_response("this document", json!({"type": "object"})),
            );
            "openapi_json".to_owned()
        }
        ("get", None) if path.ends_with("report") => {
            params.push(query(
                "public",
                "the public report (viewers always get it)",
                json!({"type": "boolean"}),
            ));
            params.push(query(
                "trace",
                "beside each figure, the ids that make it up",
                json!({"type": "boolean"}),
            ));
            params.push(query(
                "threshold",
                "public report: the smallest count shown exactly",
                json!({"type": "integer", "minimum": 2}),
            ));
            add(
                "200",
                json_response(
                    "the report (FORMAT.md, \"Report\")",
                    json!({"type": "object"}),
                ),
            );
            add("422", error_response("a parameter out of range"));
            "report".to_owned()
        }
        ("get", None) => {
            params.push(query("person", "only this person's assessment", id()));
            add(
                "200",
                json_response(
                    "assessments (FORMAT.md, \"Assessments\")",
                    json!({"type": "array", "items": {"type": "object"}}),
                ),
            );
            add("404", error_response("no person with this id"));
            "assess".to_owned()
        }
        ("post", None) => {
            params.push(query(
                "dry_run",
                "validate only, write nothing",
                json!({"type": "boolean"}),
            ));
            body = Some(
                json!({"required": true, "content": {"application/jsonl": {"schema": {"type": "string", "minLength": 1, "description": "v1 JSON Lines"}}}}),
            );
            add(
                "200",
                json_response(
                    "the import's summary",
                    json!({
                        "type": "object",
                        "required": ["records", "by_kind", "written"],
                        "properties": {
                            "records": {"type": "integer", "minimum": 0},
                            "by_kind": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
                            "written": {"type": "boolean"}
                        }
                    }),
                ),
            );
            add(
                "413",
                error_response("the body is larger than the API takes (use the CLI)"),
            );
            add(
                "422",
                error_response(
                    "the input has errors (each with its line and field); nothing was written",
                ),
            );
            "import".to_owned()
        }
        (_, None) => String::new(),
        ("get", Some(kind)) if !has_id => {
            params.push(query(
                "limit",
                "page size",
                json!({"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}),
            ));
            params.push(query(
                "after",
                "the `next` of the previous page",
                json!({"type": "string"}),
            ));
            params.push(query(
                "date_from",
                "date or partial date: records whose `date` (or `posted`) ends on or after it",
                json!({"type": "string"}),
            ));
            params.push(query(
                "date_to",
                "date or partial date: records whose `date` (or `posted`) starts on or before it",
                json!({"type": "string"}),
            ));
            for field in filter_fields(kind) {
                params.push(query(
                    field,
                    "only records whose field equals this value (or whose list holds it)",
                    json!({"type": "string"}),
                ));
            }
            add(
                "200",
                json_response(
                    "one page, sorted by id",
                    json!({
                        "type": "object",
                        "required": ["items", "next", "withheld"],
                        "properties": {
                            "items": {"type": "array", "items": schema_ref(kind)},
                            "next": {"type": ["string", "null"], "description": "pass as `after` for the next page; null on the last"},
                            "withheld": {"type": "array", "items": id(), "description": "ids of items whose restricted fields were left out"}
                        },
                        "additionalProperties": false
                    }),
                ),
            );
            add(
                "422",
                error_response(
                    "a parameter out of range, or a filter on a field the kind does not have",
                ),
            );
            format!("list_{}", kind.plural())
        }
        ("get", Some(kind)) => {
            add("200", json_response("the record", schema_ref(kind)));
            add(
                "404",
                error_response(
                    "no record of this kind with this id (or the caller may not see it)",
                ),
            );
            format!("get_one_{}", kind.plural())
        }
        ("post", Some(kind)) => {
            body = Some(
                json!({"required": true, "content": {"application/json": {"schema": schema_ref(kind)}}}),
            );
            let mut created = json_response("created; Location names it", schema_ref(kind));
            let links: Map<String, Value> = ["get_one", "update", "delete"]
                .iter()
                .map(|op| {
                    (
                        (*op).to_owned(),
                        json!({"operationId": format!("{op}_{}", kind.plural()), "parameters": {"id": "$response.body#/id"}}),
                    )
                })
                .collect();
            set(&mut created, "links", Value::Object(links));
            add("201", created);
            add("409", error_response("a record with this id exists"));
            add("413", error_response("the body is too large"));
            add(
                "422",
                error_response(
                    "the record is invalid (each error names its field); nothing was written",
                ),
            );
            format!("create_{}", kind.plural())
        }
        ("put", Some(kind)) => {
            body = Some(
                json!({"required": true, "content": {"application/json": {"schema": schema_ref(kind)}}}),
            );
            add(
                "200",
                json_response("the record as stored", schema_ref(kind)),
            );
            add("404", error_response("no record of this kind with this id"));
            add("413", error_response("the body is too large"));
            add(
                "422",
                error_response(
                    "the record is invalid, or its id is not the path's; nothing was written",
                ),
            );
            format!("update_{}", kind.plural())
        }
        ("delete", Some(kind)) => {
            add("204", json!({"description": "deleted"}));
            add("404", error_response("no record of this kind with this id"));
            add(
                "409",
                error_response("other records name this one (`referenced_by`)"),
            );
            format!("delete_{}", kind.plural())
        }
        (_, Some(_)) => String::new(),
    };
    let open = path.ends_with("openapi.json");
    if !open {
        responses.insert(
            "400".into(),
            error_response("a query string, path or body that cannot be read"),
        );
        responses.insert(
            "401".into(),
            error_response("no credentials, or unknown ones"),
        );
        responses.insert(
            "403".into(),
            error_response("the caller's role may not do this"),
        );
    }
    let mut op = json!({"summary": summary, "operationId": op_id, "parameters": params, "responses": responses});
    if let Some(body) = body {
        set(&mut op, "requestBody", body);
    }
    if open {
        set(&mut op, "security", json!([]));
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
    let mut schemas = Map::new();
    for kind in Kind::ALL {
        schemas.insert(schema_name(*kind), record_schema(*kind));
    }
    schemas.insert(
        "Error".into(),
        json!({"type": "object", "required": ["error"], "properties": {
            "error": {"type": "string"},
            "errors": {"type": "array", "items": {"type": "object", "required": ["message"], "properties": {
                "line": {"type": "integer"},
                "field": {"type": ["string", "null"]},
                "message": {"type": "string"}
            }}},
            "stopped_early": {"type": "boolean"},
            "referenced_by": {"type": "array", "items": {"type": "string"}}
        }}),
    );
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "zonewatch API",
            "version": "1",
            "description": "Records are the v1 JSON objects of FORMAT.md. Restricted fields are left out for roles that may not read them (and while the server does not hold the passphrase); the X-Zonewatch-Withheld header and a list's `withheld` say so. Every error is a JSON object with `error`."
        },
        "servers": [{"url": "/"}],
        "security": [{"bearer": []}, {"session": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "description": "zonewatch token create NAME"},
                "session": {"type": "apiKey", "in": "cookie", "name": "zw_session", "description": "from the login page; writes also need the X-CSRF-Token header"}
            },
            "schemas": schemas
        }
    })
}

/// Sets a member of a JSON object (no panicking IndexMut).
fn set(target: &mut Value, key: &str, value: Value) {
    if let Value::Object(map) = target {
        map.insert(key.to_owned(), value);
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::expect_used, clippy::panic)] // a test fails loudly
mod field_table {
    use super::*;
    use zonewatch_model::fields::fields;

    /// The schema of each kind describes exactly the field table's fields: the same
    /// names (nested objects by dotted path), the same required ones, the same
    /// vocabulary values. A field added to the table and not here fails this.
    #[test]
    fn record_schemas_follow_the_field_table() {
        for kind in Kind::ALL {
            let schema = record_schema(*kind);
            let mut names: Vec<String> = Vec::new();
            let mut values: Vec<(String, Vec<String>)> = Vec::new();
            let props = schema["properties"].as_object().expect("properties");
            for (name, prop) in props {
                if name == "kind" {
                    continue;
                }
                match prop["properties"].as_object() {
                    Some(inner) if prop["type"] == "object" => {
                        for (sub, p) in inner {
                            names.push(format!("{name}.{sub}"));
                            if let Some(e) = p["enum"].as_array() {
                                values.push((format!("{name}.{sub}"), strings(e)));
                            }
                        }
                    }
                    _ => {
                        names.push(name.clone());
                        let e = prop["enum"].as_array().or(prop["items"]["enum"].as_array());
                        if let Some(e) = e {
                            values.push((name.clone(), strings(e)));
                        }
                    }
                }
            }
            let mut table: Vec<String> = fields(*kind).map(|f| f.path.to_owned()).collect();
            names.sort();
            table.sort();
            assert_eq!(names, table, "{kind}: properties");
            let mut required: Vec<&str> = schema["required"]
                .as_array()
                .expect("required")
                .iter()
                .filter_map(|v| v.as_str())
                .filter(|v| *v != "kind")
                .collect();
            let mut table_required: Vec<&str> = fields(*kind)
                .filter(|f| f.required)
                .map(|f| f.path)
                .collect();
            required.sort_unstable();
            table_required.sort_unstable();
            assert_eq!(required, table_required, "{kind}: required");
            for (path, listed) in values {
                let field = zonewatch_model::fields::field(*kind, &path).expect("in the table");
                let table_values = field.ty.values().unwrap_or_default();
                assert_eq!(listed, table_values, "{kind}: {path} values");
            }
        }
    }

    fn strings(values: &[Value]) -> Vec<String> {
        values
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    }
}
