use serde_json::Value;

use super::*;
use crate::figures::{report, report_json, DEFAULT_THRESHOLD};
use crate::test_support::dataset;

const WORKED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/worked.jsonl"
));

const PERSON_IDS: [&str; 4] = ["p-mai", "p-dao", "p-rin", "p-v1"];
const ALIASES: [&str; 4] = ["Mai", "Dao", "Rin", "Record 1"];

fn worked_lines() -> Vec<&'static str> {
    WORKED.lines().filter(|l| !l.trim().is_empty()).collect()
}

fn worked() -> Dataset {
    dataset(&worked_lines())
}

/// The worked example with `site-a` and its raid `iv-a1` marked public, as a team
/// publishing a report would mark what it names.
fn worked_with_site_a_public() -> Dataset {
    let lines: Vec<String> = worked_lines()
        .into_iter()
        .map(|line| {
            if line.contains(r#""id":"site-a""#) || line.contains(r#""id":"iv-a1""#) {
                format!(
                    r#"{},"sensitivity":"public"}}"#,
                    line.trim_end().trim_end_matches('}')
                )
            } else {
                line.to_owned()
            }
        })
        .collect();
    dataset(&lines)
}

fn internal() -> ReportOptions {
    ReportOptions {
        public: None,
        trace: false,
    }
}

fn public() -> ReportOptions {
    ReportOptions {
        public: Some(DEFAULT_THRESHOLD),
        trace: false,
    }
}

fn traced(options: ReportOptions) -> ReportOptions {
    ReportOptions {
        trace: true,
        ..options
    }
}

/// Every (dotted path, value as shown) of a report object, `trace` left out.
fn flatten(value: &Value, prefix: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                if prefix.is_empty() && key == "trace" {
                    continue;
                }
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(value, &path, out);
            }
        }
        Value::Number(n) => out.push((prefix.to_owned(), n.to_string())),
        Value::String(s) => out.push((prefix.to_owned(), s.clone())),
        other => panic!("unexpected value at {prefix}: {other}"),
    }
}

/// Every labelled row with a FORMAT.md key, as both renderers show them.
fn keyed_rows<'r, 'a>(m: &Model<'r, 'a>) -> Vec<(String, String)> {
    let mut rows: Vec<Row<'r, 'a>> = m.headline().into_iter().flat_map(|g| g.rows).collect();
    rows.extend(m.outcome_rows());
    rows.extend(m.nationality_rows());
    rows.extend(m.incident_rows());
    rows.extend(m.channel_rows());
    rows.extend(m.legal_rows());
    rows.into_iter()
        .filter_map(|row| row.key.map(|key| (key, row.label)))
        .collect()
}

/// A whole word (not part of a longer word or id).
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        let boundary = |c: Option<char>| !c.is_some_and(|c| c.is_alphanumeric() || c == '-');
        boundary(before) && boundary(after)
    })
}

fn check_figures_agree(ds: &Dataset, options: ReportOptions) {
    let figures = Figures::compute(ds);
    let json = report_json(&figures, &options);
    let mut expected = Vec::new();
    flatten(&json, "", &mut expected);
    assert!(!expected.is_empty());

    let md = report_markdown_with(ds, &figures, &options);
    let html = report_html_with(ds, &figures, &options);
    let model = Model::new(ds, &figures, &options);
    let labels: std::collections::BTreeMap<String, String> =
        keyed_rows(&model).into_iter().collect();
    for (path, value) in &expected {
        let label = labels
            .get(path)
            .unwrap_or_else(|| panic!("no row for {path}"));
        let row = format!("| {} | {value} |", escape_markdown(label));
        assert!(md.contains(&row), "markdown lacks `{row}` ({path})");
        let cell = format!("data-key=\"{path}\">{}<", escape_html(value));
        assert!(html.contains(&cell), "html lacks `{cell}`");
    }
    // Every keyed value in the HTML is the JSON's value for that key.
    let json_values: std::collections::BTreeMap<&str, &str> = expected
        .iter()
        .map(|(p, v)| (p.as_str(), v.as_str()))
        .collect();
    for (i, _) in html.match_indices("data-key=\"") {
        let rest = &html[i + 10..];
        let end = rest.find('"').unwrap();
        let key = &rest[..end];
        let value_start = rest.find('>').unwrap() + 1;
        let value_end = value_start + rest[value_start..].find('<').unwrap();
        let shown = &rest[value_start..value_end];
        let json_value = json_values
            .get(key)
            .unwrap_or_else(|| panic!("html shows {key}, not in the JSON report"));
        assert_eq!(shown, escape_html(json_value), "{key}");
    }
}

#[test]
fn figures_equal_the_json_report_on_the_worked_example() {
    let ds = worked();
    for options in [internal(), public(), traced(internal()), traced(public())] {
        check_figures_agree(&ds, options);
    }
    check_figures_agree(
        &ds,
        ReportOptions {
            public: Some(2),
            trace: false,
        },
    );
    // The worked example's expected figures, spot-checked in both formats.
    let md = report_markdown(&ds, &internal());
    assert!(md
        .contains("| Sites with a raid or rescue | 3 | `interventions.sites_with_intervention` |"));
    assert!(md.contains("| Trafficking in persons | 2 | `legal.trafficking` |"));
    assert!(md.contains("| Thailand (TH) | 1 |"));
    let html = report_html(&ds, &internal());
    assert!(html.contains("data-key=\"interventions.uncertain\">1<"));
    assert!(html.contains("data-key=\"persons.other_victim_records\">2<"));
}

#[test]
fn figures_agree_on_the_empty_dataset() {
    let ds = dataset::<&str>(&[]);
    for options in [internal(), traced(public())] {
        check_figures_agree(&ds, options);
        let html = report_html(&ds, &options);
        assert!(html.contains("No site has coordinates to draw."));
        assert!(html.contains("No site has a raid or rescue."));
        let md = report_markdown(&ds, &options);
        assert!(md.contains("No site has a raid or rescue."));
    }
}

#[test]
fn no_report_lists_a_person_and_a_public_one_suppresses_small_counts() {
    let ds = worked();
    for options in [internal(), public(), traced(public())] {
        for (format, text) in [
            ("md", report_markdown(&ds, &options)),
            ("html", report_html(&ds, &options)),
        ] {
            for alias in ALIASES {
                assert!(
                    !contains_word(&text, alias),
                    "{format} {options:?}: {alias}"
                );
            }
            for id in PERSON_IDS.into_iter().chain(["t-mai", "t-dao", "t-rin"]) {
                assert!(!text.contains(id), "{format} {options:?}: {id}");
            }
            if options.public.is_some() {
                assert!(
                    !text.contains("inc-1"),
                    "{format}: incident ids are not traced"
                );
                assert!(text.contains("PUBLIC REPORT"));
                assert!(!text.contains("INTERNAL REPORT"));
            } else {
                assert!(text.contains("INTERNAL REPORT"));
                assert!(text.contains("sensitive information"));
            }
        }
    }

    let md = report_markdown(&ds, &public());
    assert!(md.contains("| Survivors interviewed | <5 | `persons.survivors_interviewed` |"));
    assert!(md.contains("| Thailand (TH) | <5 |"));
    assert!(md.contains("| Beating | <5 |"));
    // Site counts are not suppressed.
    assert!(md.contains("| Scam compounds | 3 | `sites.scam_compounds` |"));
    let html = report_html(&ds, &public());
    assert!(html.contains("data-key=\"persons.survivors_interviewed\">&lt;5<"));
    assert!(html.contains("data-key=\"sites.scam_compounds\">3<"));

    let ten = ReportOptions {
        public: Some(10),
        trace: false,
    };
    assert!(report_markdown(&ds, &ten).contains("| Scam compounds | 3 |"));
    assert!(report_markdown(&ds, &ten).contains("| Thailand (TH) | <10 |"));
    assert!(report_html(&ds, &ten).contains("shown as <code>&lt;10</code>"));
}

#[test]
fn a_suppressed_bar_does_not_reveal_its_value() {
    let ds = worked();
    let html = report_html(&ds, &public());
    let start = html
        .find("<svg class=\"chart\" id=\"chart-nationality\"")
        .unwrap();
    let chart = &html[start..start + html[start..].find("</svg>").unwrap()];
    // Both nationalities (1 each) are hatched bars drawn at the threshold.
    assert_eq!(
        chart
            .matches("fill=\"url(#chart-nationality-hatch)\"")
            .count(),
        2
    );
    assert_eq!(chart.matches("class=\"value\">&lt;5</text>").count(), 2);
    assert_eq!(chart.matches("class=\"value\">").count(), 2);
    assert!(!chart.contains(": 1"));
    // The Markdown bars of suppressed cells have the same length.
    let md = report_markdown(&ds, &public());
    let bars: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("| Thailand (TH)") || l.starts_with("| Viet Nam (VN)"))
        .collect();
    assert_eq!(bars.len(), 2);
    assert_eq!(
        bars[0].replace("Thailand (TH)", "X"),
        bars[1].replace("Viet Nam (VN)", "X")
    );
}

#[test]
fn suppressed_cells_sort_last_in_key_order() {
    let mut lines = Vec::new();
    let mut add = |id: &str, nationality: &str| {
        lines.push(format!(
            r#"{{"kind":"person","id":"{id}","alias":"A","roles":["survivor"],"nationality":"{nationality}"}}"#
        ));
        lines.push(format!(
            r#"{{"kind":"testimony","id":"t-{id}","person":"{id}","date":"2024","consent":"public_use"}}"#
        ));
    };
    for i in 0..6 {
        add(&format!("th{i}"), "TH");
    }
    for i in 0..3 {
        add(&format!("vn{i}"), "VN");
    }
    add("id0", "ID");
    let ds = dataset(&lines);
    let figures = Figures::compute(&ds);
    let order = |options: &ReportOptions| -> Vec<String> {
        Model::new(&ds, &figures, options)
            .nationality_rows()
            .into_iter()
            .map(|r| r.key.unwrap())
            .collect()
    };
    assert_eq!(
        order(&internal()),
        [
            "persons.by_nationality.TH",
            "persons.by_nationality.VN",
            "persons.by_nationality.ID"
        ]
    );
    // VN (3) and ID (1) are both "<5": key order, which says nothing of their sizes.
    assert_eq!(
        order(&public()),
        [
            "persons.by_nationality.TH",
            "persons.by_nationality.ID",
            "persons.by_nationality.VN"
        ]
    );
}

#[test]
fn trace_lists_the_records_behind_each_figure() {
    let ds = worked();
    let md = report_markdown(&ds, &traced(internal()));
    assert!(
        md.contains("- Survivors interviewed (`persons.survivors_interviewed`): `p-dao`, `p-mai`")
    );
    assert!(md.contains("- Scam compounds (`sites.scam_compounds`): `site-a`, `site-b`, `site-d`"));
    assert!(md.contains("- Beating (`incidents.by_type.beating`): `inc-1`"));
    let html = report_html(&ds, &traced(internal()));
    assert!(html.contains("<summary>2 records</summary><p class=\"ids\">p-dao, p-mai</p>"));
    assert!(html.contains("<p class=\"ids\">site-a, site-b, site-d</p>"));

    // Public: only figures of sites are traced, as in the JSON report, and only the
    // sites marked public.
    let ds = worked_with_site_a_public();
    let md = report_markdown(&ds, &traced(public()));
    assert!(md.contains("- Scam compounds (`sites.scam_compounds`): `site-a`\n"));
    assert!(!md.contains("site-b") && !md.contains("site-d"));
    assert!(md.contains("records not listed in a public report"));
    let html = report_html(&ds, &traced(public()));
    assert!(html.contains("<p class=\"ids\">site-a</p>"));
    assert!(!html.contains("site-b") && !html.contains("site-d"));
    assert!(html.contains("not listed (public report)"));
    assert!(html.contains("Trace: the records of persons and incidents are not listed"));

    // Without --trace, no trace.
    let md = report_markdown(&ds, &internal());
    assert!(!md.contains("(trace)"));
    assert!(!report_html(&ds, &internal()).contains("<details>"));
}

/// The tags of an HTML document (user text is escaped, so every `<` is markup):
/// (name, attributes) of each start tag.
fn start_tags(html: &str) -> Vec<(String, String)> {
    let mut tags = Vec::new();
    for (i, _) in html.match_indices('<') {
        let rest = &html[i + 1..];
        if rest.starts_with('/') || rest.starts_with('!') {
            continue;
        }
        let end = rest.find('>').expect("an unclosed tag");
        let tag = &rest[..end];
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        tags.push((name.to_ascii_lowercase(), tag[name.len()..].to_owned()));
    }
    tags
}

const ALLOWED_TAGS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "div",
    "header",
    "footer",
    "main",
    "nav",
    "section",
    "p",
    "h1",
    "h2",
    "h3",
    "strong",
    "em",
    "code",
    "span",
    "br",
    "a",
    "ol",
    "ul",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "details",
    "summary",
    "figure",
    "figcaption",
    "svg",
    "desc",
    "defs",
    "pattern",
    "rect",
    "line",
    "text",
    "circle",
    "path",
];

/// Checks the HTML is self-contained and passes a strict CSP: only known tags (no
/// script, img, link, iframe...), no `style=` or event-handler attribute, no
/// `src=`, links only to fragments of the document, one `<style>` element.
fn assert_self_contained(html: &str) {
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "a script element");
    assert_eq!(lower.matches("<style").count(), 1);
    for (name, attributes) in start_tags(html) {
        assert!(ALLOWED_TAGS.contains(&name.as_str()), "tag <{name}>");
        let attributes = attributes.to_ascii_lowercase();
        for bad in [
            " style=",
            " src=",
            " srcset=",
            " action=",
            " xlink:href=",
            "javascript:",
        ] {
            assert!(!attributes.contains(bad), "<{name}{attributes}>");
        }
        for (i, _) in attributes.match_indices(" on") {
            let word: String = attributes[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            assert!(
                !attributes[i + 1 + word.len()..].starts_with('='),
                "event handler in <{name}{attributes}>"
            );
        }
        for (i, _) in attributes.match_indices("href=\"") {
            assert!(attributes[i + 6..].starts_with('#'), "<{name}{attributes}>");
        }
        for (i, _) in attributes.match_indices("url(") {
            assert!(attributes[i + 4..].starts_with('#'), "<{name}{attributes}>");
        }
    }
    // The stylesheet loads nothing.
    let style = &lower[lower.find("<style>").unwrap()..lower.find("</style>").unwrap()];
    assert!(!style.contains("url(") && !style.contains("@import"));
}

/// No address anywhere (the worked example's text has none).
fn assert_no_address(html: &str) {
    let lower = html.to_lowercase();
    assert!(!lower.contains("http://") && !lower.contains("https://"));
    assert!(!lower.contains("src="));
}

#[test]
fn html_is_self_contained_accessible_and_safe() {
    let ds = worked();
    for options in [internal(), traced(internal()), traced(public())] {
        let html = report_html(&ds, &options);
        assert_self_contained(&html);
        assert_no_address(&html);
        // Charts carry a title and description; tables have headers.
        let charts = html.matches("<svg ").count();
        assert!(charts >= 7, "{charts} charts");
        assert_eq!(
            html.matches("role=\"img\" aria-labelledby=").count(),
            charts
        );
        assert_eq!(html.matches("<title id=\"chart-").count(), charts);
        assert_eq!(html.matches("<desc id=\"chart-").count(), charts);
        assert!(html.contains("<th scope=\"col\">"));
        assert!(html.contains("Content-Security-Policy"));
        for section in [
            "id=\"headline\"",
            "id=\"sites\"",
            "id=\"raids\"",
            "id=\"survivors\"",
            "id=\"incidents\"",
            "id=\"recruitment\"",
            "id=\"legal\"",
            "id=\"methods\"",
            "id=\"chart-map\"",
            "id=\"chart-timeline\"",
        ] {
            assert!(html.contains(section), "{section}");
        }
    }
}

const HOSTILE: &str = "<script>alert(1)</script>\"><img src=x onerror=alert(2)> | *bold* [link](http://evil.example) `code` &amp; \\ ~~x~~";

fn hostile_dataset() -> Dataset {
    let name = serde_json::to_string(HOSTILE).unwrap();
    let admin1 = serde_json::to_string("Koh <b>Kong</b> | x").unwrap();
    dataset(&[
        format!(
            r#"{{"kind":"site","id":"s-x","name":{name},"category":"scam_compound","country":"KH","admin1":{admin1},"lat":10.6,"lon":103.5,"sensitivity":"public"}}"#
        ),
        r#"{"kind":"intervention","id":"r-x","site":"s-x","date":"2024-05-02","type":"raid","sensitivity":"public"}"#
            .to_owned(),
        r#"{"kind":"site_status","id":"o-x","site":"s-x","date":"2024-06","status":"operating","basis":"media"}"#
            .to_owned(),
    ])
}

#[test]
fn user_text_is_escaped_in_html() {
    let ds = hostile_dataset();
    for options in [internal(), traced(internal())] {
        let html = report_html(&ds, &options);
        assert_self_contained(&html);
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x"));
        assert!(!html.contains("<b>"));
    }
}

/// The number of cell separators of a Markdown table row.
fn markdown_cells(line: &str) -> usize {
    // GFM splits cells on every pipe not escaped by a backslash, even in code spans.
    let mut cells = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '|' => cells += 1,
            _ => {}
        }
    }
    cells
}

/// Every table has the same number of cells on every row, and every line outside
/// code spans is free of raw HTML tags.
fn assert_valid_markdown(md: &str) {
    let mut columns: Option<usize> = None;
    for line in md.lines() {
        if line.starts_with('|') {
            let cells = markdown_cells(line);
            match columns {
                None => columns = Some(cells),
                Some(expected) => assert_eq!(cells, expected, "ragged table row: {line}"),
            }
        } else {
            columns = None;
        }
        // A table's second line is its delimiter row.
    }
    let lower = md.to_lowercase();
    for tag in ["<script", "<img", "<b>", "<iframe", "<a ", "<details"] {
        assert!(!lower.contains(tag), "raw HTML {tag}");
    }
}

#[test]
fn user_text_is_harmless_in_markdown() {
    let ds = hostile_dataset();
    for options in [internal(), traced(internal()), public()] {
        let md = report_markdown(&ds, &options);
        assert_valid_markdown(&md);
        assert!(md.contains("&lt;script&gt;alert\\(1\\)") || md.contains("&lt;script&gt;alert(1)"));
        assert!(md.contains("\\| \\*bold\\* \\[link\\]"));
        assert!(md.contains("Koh &lt;b&gt;Kong&lt;/b&gt; \\| x"));
    }
    for options in [internal(), traced(internal()), traced(public())] {
        assert_valid_markdown(&report_markdown(&worked(), &options));
    }
}

#[test]
fn output_is_deterministic_whatever_the_record_order() {
    let lines = worked_lines();
    let mut reversed = lines.clone();
    reversed.reverse();
    let (a, b) = (dataset(&lines), dataset(&reversed));
    for options in [internal(), traced(internal()), traced(public())] {
        let md = report_markdown(&a, &options);
        assert_eq!(md, report_markdown(&a, &options));
        assert_eq!(md, report_markdown(&b, &options));
        let html = report_html(&a, &options);
        assert_eq!(html, report_html(&a, &options));
        assert_eq!(html, report_html(&b, &options));
    }
}

#[test]
fn the_timeline_shows_unknown_order_instead_of_guessing() {
    let ds = worked();
    let md = report_markdown(&ds, &internal());
    // site-b: a rescue on 2024-05-20 and a "closed" observation dated 2024-05.
    let row = md.lines().find(|l| l.contains("(`site-b`")).unwrap();
    assert!(row.contains("rescue 2024-05-20 (`iv-b1`)"), "{row}");
    assert!(
        row.contains("**2024-05 closed (`obs-b2`), *order unknown***"),
        "{row}"
    );
    assert!(row.contains("**Uncertain**"), "{row}");
    let row = md.lines().find(|l| l.contains("(`site-a`")).unwrap();
    assert!(row.contains("**Operating after**"), "{row}");
    assert!(row.contains("| 85 |"), "{row}");
    assert!(
        !row.contains("obs-a1"),
        "an observation before the raid is not listed"
    );

    let html = report_html(&ds, &internal());
    assert!(html.contains(
        "observation obs-b2, 2024-05: closed (overlaps the latest raid or rescue: order unknown)"
    ));
    // The month is drawn as a bar wider than the day of the rescue.
    let width = |needle: &str| -> f64 {
        let at = html.find(needle).unwrap();
        let open = html[..at].rfind("<rect").unwrap();
        let tag = &html[open..at];
        let w = tag.split("width=\"").nth(1).unwrap();
        w[..w.find('"').unwrap()].parse().unwrap()
    };
    let month = width("<title>observation obs-b2");
    let day = width("<title>rescue iv-b1");
    assert!(month > 5.0 * day, "month {month} vs day {day}");

    // Persons removed is a count of persons: suppressed in public (85 is not small).
    assert!(report_markdown(&worked_with_site_a_public(), &public()).contains("| 85 |"));
}

#[test]
fn public_reports_name_place_and_trace_only_public_records() {
    let ds = dataset(&[
        r#"{"kind":"site","id":"s-open","name":"Open compound","aliases":["Open alias"],"category":"scam_compound","country":"KH","lat":10.6,"lon":103.5,"sensitivity":"public"}"#,
        r#"{"kind":"site","id":"s-inner","name":"Internal compound","aliases":["Inner alias"],"category":"scam_compound","country":"KH","lat":12.25,"lon":105.75}"#,
        r#"{"kind":"site","id":"s-secret","name":"Secret compound","aliases":["Secret alias"],"category":"suspected_site","country":"KH","lat":11.6,"lon":104.9,"sensitivity":"restricted"}"#,
        r#"{"kind":"intervention","id":"r","site":"s-secret","date":"2024","type":"raid","persons_removed":3}"#,
        r#"{"kind":"intervention","id":"r-open","site":"s-open","date":"2024","type":"raid","persons_removed":3,"sensitivity":"public"}"#,
    ]);
    for options in [public(), traced(public())] {
        for (format, text) in [
            ("html", report_html(&ds, &options)),
            ("md", report_markdown(&ds, &options)),
            (
                "json",
                serde_json::to_string(&report(&ds, &options)).unwrap(),
            ),
        ] {
            for hidden in [
                "Secret compound",
                "Secret alias",
                "s-secret",
                "104.9",
                "Internal compound",
                "Inner alias",
                "s-inner",
                "105.75",
                "\"r\"",
                "`r`",
            ] {
                assert!(!text.contains(hidden), "{format}: {hidden}");
            }
        }
        let html = report_html(&ds, &options);
        assert!(html.contains("Open compound (s-open)"));
        assert!(html.contains("2 sites not marked public are left off"));
        assert!(html.contains("1 more sites with a raid or rescue are not marked public"));
        let md = report_markdown(&ds, &options);
        // 3 persons removed is a small count of persons.
        let row = md.lines().find(|l| l.contains("(`s-open`")).unwrap();
        assert!(row.contains("| <5 |"), "{row}");
    }
    // Counted all the same.
    let json = report(&ds, &public());
    assert_eq!(json["sites"]["scam_compounds"], 2);
    assert_eq!(json["interventions"]["sites_with_intervention"], 2);
    // The internal report names them.
    assert!(report_html(&ds, &internal()).contains("Secret compound"));
    assert!(report_markdown(&ds, &internal()).contains("| 3 |"));
}

#[test]
fn methods_state_every_definition() {
    let ds = worked();
    for options in [internal(), public()] {
        let md = report_markdown(&ds, &options);
        let html = report_html(&ds, &options);
        for term in [
            "Usable testimony",
            "Survivors interviewed",
            "Minors",
            "Ill-treatment",
            "Intervention outcome",
            "Facts behind the legal tests",
            "Forced labour",
            "Slavery indicated",
            "Trafficking in persons",
            "Child trafficking",
            "Not a legal determination",
            "Small-cell suppression",
            "Dates",
        ] {
            assert!(md.contains(&format!("**{term}.**")), "md: {term}");
            assert!(html.contains(&format!("<dt>{term}</dt>")), "html: {term}");
        }
        assert!(md.contains("not a legal determination"));
        assert!(html.contains("an aid to a human analyst, not a legal determination"));
        assert!(md.contains("then the greatest id"));
    }
}
