//! The rendered report of the worked example (tests/fixtures/worked.jsonl), as
//! committed snapshots under tests/snapshots/: the Markdown, the HTML and the SVG
//! charts inside it, each internal and public, with traces. A change to any of them
//! shows up as a diff to review; `cargo insta review` (or INSTA_UPDATE=always) takes
//! a wanted one. CI runs with CI=true and INSTA_UPDATE=no, so a changed or missing
//! snapshot fails there.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use zonewatch_findings::{report_html, report_markdown, Dataset, ReportOptions, DEFAULT_THRESHOLD};
use zonewatch_model::decode_line;

fn worked() -> Dataset {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/worked.jsonl"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let records = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| decode_line(line).unwrap_or_else(|e| panic!("{line}: {e:?}")))
        .collect();
    Dataset::new(records).expect("unique ids")
}

const INTERNAL: ReportOptions = ReportOptions {
    public: None,
    trace: true,
};

const PUBLIC: ReportOptions = ReportOptions {
    public: Some(DEFAULT_THRESHOLD),
    trace: true,
};

/// Every inline `<svg>…</svg>` chart of an HTML report, one after another.
fn charts(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let len = rest[start..].find("</svg>").expect("a closed <svg>") + "</svg>".len();
        out.push_str(&rest[start..start + len]);
        out.push_str("\n\n");
        rest = &rest[start + len..];
    }
    out
}

#[test]
fn markdown_report() {
    let ds = worked();
    insta::assert_snapshot!("worked_internal.md", report_markdown(&ds, &INTERNAL));
    insta::assert_snapshot!("worked_public.md", report_markdown(&ds, &PUBLIC));
}

#[test]
fn html_report() {
    let ds = worked();
    insta::assert_snapshot!("worked_internal.html", report_html(&ds, &INTERNAL));
    insta::assert_snapshot!("worked_public.html", report_html(&ds, &PUBLIC));
}

#[test]
fn svg_charts() {
    let ds = worked();
    let internal = charts(&report_html(&ds, &INTERNAL));
    assert!(
        internal.matches("<svg").count() >= 2,
        "the report has charts"
    );
    insta::assert_snapshot!("worked_internal_charts.svg", internal);
    insta::assert_snapshot!(
        "worked_public_charts.svg",
        charts(&report_html(&ds, &PUBLIC))
    );
}
