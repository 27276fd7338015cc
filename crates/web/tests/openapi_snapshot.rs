//! The OpenAPI document of the JSON API (`GET /api/v1/openapi.json`), as a committed
//! snapshot under tests/snapshots/: any change to a route, a schema or a response
//! shows up as a diff to review (`cargo insta review`, or INSTA_UPDATE=always, to
//! take a wanted one). CI runs with CI=true and INSTA_UPDATE=no, so a changed or
//! missing snapshot fails there.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

#[test]
fn openapi_document() {
    let doc = zonewatch_web::openapi_document();
    assert_eq!(doc["openapi"], "3.1.0");
    // Pretty-printed with keys sorted (serde_json's map), so the diff is readable
    // and does not depend on the order the document was built in.
    let text = serde_json::to_string_pretty(&doc).unwrap();
    insta::assert_snapshot!("openapi.json", text);
}
