//! The HTML report: one self-contained document (one `<style>` element, inline SVG,
//! no script, no `style=` attribute, no external resource), readable on screen,
//! printable, and usable with a screen reader (table headers, chart titles and
//! descriptions, and every chart's data in a table).

use std::fmt::Write as _;

use super::svg::{self, Bar, Segment, Stack};
use zonewatch_model::SiteCategory;

use super::{
    audience_note, category_label_in, cell_text, date_text, definitions, escape_html as esc,
    intervention_label_in, legal_note, outcome_label_in, outcome_reason, spans, status_label_in,
    title, Model, Relation, Row, SiteRow, MAX_SITE_ROWS, MAX_TIMELINE_ROWS,
};
use crate::figures::{Cell, Figure, Unit};

const CSS: &str = include_str!("report.css");

/// The policy the document carries: nothing may load or run, only the one
/// `<style>` element applies.
const CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

pub(crate) fn render(m: &Model<'_, '_>) -> String {
    let tr = m.tr;
    let mut out = String::with_capacity(128 * 1024);
    let (audience, _) = audience_note(&m.options, tr);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"generator\" content=\"zonewatch {}\">\n\
         <title>{} ({})</title>\n<style>\n{CSS}{}</style>\n</head>\n<body>\n<div class=\"page\">\n",
        tr.locale().tag(),
        env!("CARGO_PKG_VERSION"),
        esc(&title(tr)),
        esc(&audience.to_lowercase()),
        if tr.is_english() { "" } else { FONTS_CSS },
    );
    header(&mut out, m);
    contents(&mut out, m);
    out.push_str("<main>\n");
    headline(&mut out, m);
    sites(&mut out, m);
    raids(&mut out, m);
    survivors(&mut out, m);
    incidents(&mut out, m);
    recruitment(&mut out, m);
    legal(&mut out, m);
    methods(&mut out, m);
    out.push_str("</main>\n");
    let _ = writeln!(
        out,
        "<footer>{}</footer>\n</div>\n</body>\n</html>",
        esc(&tr.f(
            "html-footer",
            &[
                ("version", env!("CARGO_PKG_VERSION").into()),
                ("records", m.ds.len().into())
            ]
        ))
    );
    out
}

/// In a report in another language than English: a font stack naming the Noto
/// family of each script (installed fonts only: the report loads nothing).
const FONTS_CSS: &str = "body, svg text { font-family: system-ui, -apple-system, \"Segoe UI\", \
\"Noto Sans\", \"Noto Sans Khmer\", \"Noto Sans Thai\", \"Noto Sans Myanmar\", \"Noto Sans SC\", \
\"Noto Sans CJK SC\", \"Khmer OS\", \"Leelawadee UI\", \"Myanmar Text\", \"Microsoft YaHei\", \
\"PingFang SC\", sans-serif; }\n:lang(km), :lang(th), :lang(my) { line-height: 1.7; }\n";

/// Text with `code` spans, as HTML.
fn rich(text: &str) -> String {
    spans(text)
        .map(|(code, part)| {
            if code {
                format!("<code>{}</code>", esc(part))
            } else {
                esc(part)
            }
        })
        .collect()
}

fn header(out: &mut String, m: &Model<'_, '_>) {
    let tr = m.tr;
    let (audience, note) = audience_note(&m.options, tr);
    let class = if m.public().is_some() {
        "public"
    } else {
        "internal"
    };
    let _ = write!(
        out,
        "<header class=\"report-head\">\n<p class=\"eyebrow\">{}</p>\n\
         <h1>{}</h1>\n<p class=\"banner {class}\"><strong>{audience}</strong> {}</p>\n",
        esc(&tr.t("html-eyebrow")),
        esc(&title(tr)),
        rich(&note)
    );
    let generated = super::generated_note(m, "html-generated");
    let _ = writeln!(out, "<p class=\"meta\">{}</p>", esc(&generated));
    if m.options.trace {
        let trace = if m.public().is_some() {
            tr.t("html-trace-public")
        } else {
            tr.t("html-trace-internal")
        };
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", esc(&trace));
    }
    out.push_str("</header>\n");
}

/// The sections, by element id, with the message key of their title.
const SECTIONS: [(&str, &str); 8] = [
    ("headline", "md-toc-headline"),
    ("sites", "md-toc-sites"),
    ("raids", "md-raids-heading"),
    ("survivors", "md-survivors-heading"),
    ("incidents", "md-toc-incidents"),
    ("recruitment", "md-recruitment-heading"),
    ("legal", "md-toc-legal"),
    ("methods", "md-toc-methods"),
];

fn contents(out: &mut String, m: &Model<'_, '_>) {
    let _ = write!(
        out,
        "<nav class=\"toc\" aria-label=\"{}\"><ol>",
        esc(&m.tr.t("html-contents"))
    );
    for (id, title) in SECTIONS {
        let _ = write!(
            out,
            "<li><a href=\"#{id}\">{}</a></li>",
            esc(&m.tr.t(title))
        );
    }
    out.push_str("</ol></nav>\n");
}

fn section_start(out: &mut String, m: &Model<'_, '_>, id: &str) {
    let title = SECTIONS
        .iter()
        .find(|(key, _)| *key == id)
        .map_or(id.to_owned(), |(_, title)| m.tr.t(title));
    let _ = write!(
        out,
        "<section id=\"{id}\" aria-labelledby=\"{id}-h\">\n<h2 id=\"{id}-h\">{}</h2>\n",
        esc(&title)
    );
}

fn value_cell(out: &mut String, m: &Model<'_, '_>, key: Option<&str>, figure: &Figure<'_>) {
    let cell = m.cell(figure);
    let class = match cell {
        Cell::Suppressed { .. } => "num suppressed-cell",
        Cell::Count(_) => "num",
    };
    let shown = cell_text(m.tr, cell);
    match key {
        Some(key) => {
            let _ = write!(
                out,
                "<td class=\"{class}\" data-key=\"{}\">{}</td>",
                esc(key),
                esc(&shown)
            );
        }
        None => {
            let _ = write!(out, "<td class=\"{class}\">{}</td>", esc(&shown));
        }
    }
}

/// The trace cell of a figure, in a table with a trace column.
fn trace_cell(out: &mut String, m: &Model<'_, '_>, figure: &Figure<'_>) {
    let tr = m.tr;
    if !m.traced(figure) {
        let _ = write!(
            out,
            "<td class=\"trace muted\">{}</td>",
            esc(&tr.t("html-trace-not-listed"))
        );
        return;
    }
    let listed = m.trace_ids(figure);
    if listed.is_empty() {
        let _ = write!(
            out,
            "<td class=\"trace muted\">{}</td>",
            esc(&tr.t("md-trace-none"))
        );
        return;
    }
    let ids: Vec<String> = listed.iter().map(|id| esc(id)).collect();
    let _ = write!(
        out,
        "<td class=\"trace\"><details><summary>{}</summary><p class=\"ids\">{}</p></details></td>",
        esc(&tr.f("html-records-count", &[("count", listed.len().into())])),
        ids.join(", ")
    );
}

fn trace_head(out: &mut String, m: &Model<'_, '_>, column: bool) {
    if column {
        let _ = write!(
            out,
            "<th scope=\"col\">{}</th>",
            esc(&m.tr.t("html-col-trace"))
        );
    }
}

/// A table of figures: label, value, and the trace when asked for.
fn figure_table(
    out: &mut String,
    m: &Model<'_, '_>,
    caption: &str,
    heads: (&str, &str),
    rows: &[Row<'_, '_>],
    total: Option<&Row<'_, '_>>,
) {
    let tr = m.tr;
    let _ = write!(
        out,
        "<div class=\"table-wrap\"><table class=\"figures\">\n<caption>{}</caption>\n\
         <thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th>",
        esc(caption),
        esc(&tr.t(heads.0)),
        esc(&tr.t(heads.1))
    );
    // A trace column only when it lists something: a public report lists no
    // person or incident, and says so once under the table.
    let column = m.options.trace && rows.iter().chain(total).any(|row| m.traced(row.figure));
    trace_head(out, m, column);
    out.push_str("</tr></thead>\n<tbody>\n");
    if rows.is_empty() {
        let span = if column { 3 } else { 2 };
        let _ = writeln!(
            out,
            "<tr><td colspan=\"{span}\" class=\"muted\">{}</td></tr>",
            esc(&tr.t("md-no-records"))
        );
    }
    for row in rows {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", esc(&row.label));
        value_cell(out, m, row.key.as_deref(), row.figure);
        if column {
            trace_cell(out, m, row.figure);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n");
    if let Some(row) = total {
        let _ = write!(
            out,
            "<tfoot><tr class=\"total\"><th scope=\"row\">{}</th>",
            esc(&row.label)
        );
        value_cell(out, m, row.key.as_deref(), row.figure);
        if column {
            trace_cell(out, m, row.figure);
        }
        out.push_str("</tr></tfoot>\n");
    }
    out.push_str("</table></div>\n");
    if m.options.trace && !column && !rows.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            esc(&tr.t("md-trace-not-listed"))
        );
    }
}

fn bars(m: &Model<'_, '_>, rows: &[Row<'_, '_>], class: &'static str) -> Vec<Bar> {
    rows.iter()
        .map(|row| Bar {
            label: row.label.clone(),
            cell: m.cell(row.figure),
            class,
        })
        .collect()
}

fn chart_figure(out: &mut String, m: &Model<'_, '_>, svg: &str, caption: &str) {
    let svg = super::localize_svg(m.tr, svg);
    let _ = write!(
        out,
        "<figure>\n{svg}\n<figcaption>{}</figcaption>\n</figure>\n",
        rich(caption)
    );
}

fn suppression_caption(m: &Model<'_, '_>) -> String {
    match m.public() {
        Some(t) if t > 1 => {
            let tr = m.tr;
            format!(
                " {}",
                tr.f(
                    "html-suppression-caption",
                    &[
                        ("below", tr.num(t - 1).into()),
                        ("threshold", tr.num(t).into())
                    ]
                )
            )
        }
        _ => String::new(),
    }
}

// ---------------------------------------------------------------------------

fn headline(out: &mut String, m: &Model<'_, '_>) {
    section_start(out, m, "headline");
    let tr = m.tr;
    let f = m.figures;
    let c = |figure: &Figure<'_>| cell_text(tr, m.cell(figure));
    let cards: [(&str, String, String); 6] = [
        (
            "html-card-compounds",
            c(&f.sites.scam_compounds),
            tr.f(
                "html-card-compounds-sub",
                &[("count", c(&f.sites.suspected_sites).into())],
            ),
        ),
        (
            "html-card-raided",
            c(&f.interventions.sites_with_intervention),
            tr.f(
                "html-card-raided-sub",
                &[("count", c(&f.interventions.operating_after).into())],
            ),
        ),
        (
            "html-card-survivors",
            c(&f.persons.survivors_interviewed),
            tr.f(
                "html-card-survivors-sub",
                &[("count", c(&f.persons.nationalities).into())],
            ),
        ),
        (
            "html-card-minors",
            c(&f.persons.minors_interviewed),
            tr.f(
                "html-card-minors-sub",
                &[(
                    "count",
                    c(&f.persons.minors_interviewed_reporting_ill_treatment).into(),
                )],
            ),
        ),
        (
            "html-card-trafficking",
            c(&f.legal.trafficking),
            tr.f(
                "html-card-trafficking-sub",
                &[("count", c(&f.legal.child_trafficking).into())],
            ),
        ),
        (
            "html-card-deaths",
            c(&f.incidents.deaths),
            tr.t("html-card-deaths-sub"),
        ),
    ];
    out.push_str("<div class=\"cards\">\n");
    for (label, value, sub) in cards {
        let _ = writeln!(
            out,
            "<div class=\"card\"><p class=\"card-value\">{}</p><p class=\"card-label\">{}</p>\
             <p class=\"card-sub\">{}</p></div>",
            esc(&value),
            esc(&tr.t(label)),
            esc(&sub)
        );
    }
    out.push_str("</div>\n");

    let columns = if m.options.trace { 4 } else { 3 };
    let _ = write!(
        out,
        "<div class=\"table-wrap\"><table class=\"figures headline\">\n\
         <caption>{}</caption>\n\
         <thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th>\
         <th scope=\"col\">{}</th>",
        esc(&tr.t("html-headline-caption")),
        esc(&tr.t("md-col-figure")),
        esc(&tr.t("md-col-value")),
        esc(&tr.t("md-col-key"))
    );
    trace_head(out, m, m.options.trace);
    out.push_str("</tr></thead>\n");
    for group in m.headline() {
        let _ = writeln!(
            out,
            "<tbody><tr class=\"group\"><th scope=\"colgroup\" colspan=\"{columns}\">{}</th></tr>",
            esc(&group.title)
        );
        for row in &group.rows {
            let key = row.key.as_deref().unwrap_or("");
            let _ = write!(out, "<tr><th scope=\"row\">{}</th>", esc(&row.label));
            value_cell(out, m, row.key.as_deref(), row.figure);
            let _ = write!(out, "<td><code class=\"key\">{}</code></td>", esc(key));
            if m.options.trace {
                trace_cell(out, m, row.figure);
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n");
    }
    let _ = writeln!(
        out,
        "</table></div>\n<p class=\"note\">{}</p>\n</section>",
        esc(&tr.t("html-breakdowns-note"))
    );
}

fn sites(out: &mut String, m: &Model<'_, '_>) {
    section_start(out, m, "sites");
    let tr = m.tr;
    let s = &m.figures.sites;
    let _ = writeln!(out, "<p>{}</p>", esc(&super::sites_summary(m)));

    let _ = writeln!(out, "<h3>{}</h3>", esc(&tr.t("md-sites-by-status")));
    let rows = m.status_rows();
    out.push_str("<div class=\"pair even\">\n");
    let stacks: Vec<Stack> = rows
        .iter()
        .map(|row| Stack {
            label: row.label.clone(),
            segments: vec![
                Segment {
                    value: row.scam_compounds,
                    class: "cat-scam_compound",
                    name: "scam compounds",
                },
                Segment {
                    value: row.suspected_sites,
                    class: "cat-suspected_site",
                    name: "suspected sites",
                },
            ],
        })
        .collect();
    let chart = svg::stacked_chart(
        "chart-status",
        &tr.t("html-status-chart-title"),
        &tr.t("html-status-chart-desc"),
        &[
            (
                "cat-scam_compound",
                category_label_in(tr, SiteCategory::ScamCompound),
            ),
            (
                "cat-suspected_site",
                category_label_in(tr, SiteCategory::SuspectedSite),
            ),
        ],
        &stacks,
    );
    chart_figure(out, m, &chart, &tr.t("md-latest-status-note"));
    let _ = write!(
        out,
        "<div class=\"table-wrap\"><table class=\"figures\">\n\
         <caption>{}</caption>\n<thead><tr>\
         <th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th>\
         <th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th>",
        esc(&tr.t("html-status-chart-title")),
        esc(&tr.t("md-col-latest-status")),
        esc(&tr.t("html-col-compounds")),
        esc(&tr.t("html-col-suspected")),
        esc(&tr.t("html-col-all"))
    );
    trace_head(out, m, m.options.trace);
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &rows {
        let _ = write!(
            out,
            "<tr><th scope=\"row\" class=\"nowrap\"><span class=\"swatch st-{}\"></span>{}</th>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
            row.status,
            esc(&row.label),
            tr.num(row.scam_compounds),
            tr.num(row.suspected_sites),
            tr.num(row.scam_compounds + row.suspected_sites)
        );
        if m.options.trace {
            match row.figure {
                Some(figure) => trace_cell(out, m, figure),
                None => {
                    let _ = write!(
                        out,
                        "<td class=\"trace muted\">{}</td>",
                        esc(&tr.t("md-trace-none"))
                    );
                }
            }
        }
        out.push_str("</tr>\n");
    }
    let _ = write!(
        out,
        "</tbody>\n<tfoot><tr class=\"total\"><th scope=\"row\">{}</th>\
         <td class=\"num\" data-key=\"sites.scam_compounds\">{}</td>\
         <td class=\"num\" data-key=\"sites.suspected_sites\">{}</td><td class=\"num\">{}</td>",
        esc(&tr.t("md-col-all-sites")),
        tr.num(s.scam_compounds.count),
        tr.num(s.suspected_sites.count),
        tr.num(s.scam_compounds.count + s.suspected_sites.count)
    );
    if m.options.trace {
        out.push_str("<td></td>");
    }
    out.push_str("</tr></tfoot>\n</table></div>\n</div>\n");

    // The map.
    let _ = writeln!(out, "<h3>{}</h3>", esc(&tr.t("html-map-heading")));
    let data = m.map_data();
    let chart = svg::map_chart(
        "chart-map",
        &tr.t("html-map-title"),
        &tr.t("html-map-desc"),
        &data,
    );
    let mut caption = tr.f(
        "html-map-drawn",
        &[
            ("drawn", data.points.len().into()),
            ("sites", data.sites.into()),
        ],
    );
    caption.push(' ');
    let mut add = |key: &str, count: usize| {
        caption.push_str(&tr.f(
            key,
            &[
                ("count", count.into()),
                ("max", super::MAX_MAP_POINTS.into()),
            ],
        ));
        caption.push(' ');
    };
    if data.without_coordinates > 0 {
        add("html-map-without-coordinates", data.without_coordinates);
    }
    if data.withheld > 0 {
        add("html-map-withheld", data.withheld);
    }
    if data.not_drawn > 0 {
        add("html-map-not-drawn", data.not_drawn);
    }
    caption.push_str(&tr.t("html-map-no-base"));
    chart_figure(out, m, &chart, &caption);

    let _ = write!(
        out,
        "<div class=\"table-wrap\"><table class=\"figures\">\n<caption>{}</caption>\n<thead><tr>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th>\
         <th scope=\"col\" class=\"num\">{}</th>\
         <th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
        esc(&tr.t("html-province-caption")),
        esc(&tr.t("md-col-country")),
        esc(&tr.t("md-col-province")),
        esc(&tr.t("md-col-scam-compounds")),
        esc(&tr.t("md-col-suspected-sites")),
        esc(&tr.t("md-col-with-coordinates"))
    );
    let not_recorded = tr.t("report-not-recorded");
    for place in m.place_rows() {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><th scope=\"row\">{}</th><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&super::country_label(tr, &place.country)),
            esc(place.admin1.as_deref().unwrap_or(&not_recorded)),
            tr.num(place.scam_compounds),
            tr.num(place.suspected_sites),
            tr.num(place.located)
        );
    }
    out.push_str("</tbody></table></div>\n</section>\n");
}

fn raids(out: &mut String, m: &Model<'_, '_>) {
    section_start(out, m, "raids");
    let tr = m.tr;
    let i = &m.figures.interventions;
    let _ = writeln!(out, "<p>{}</p>", esc(&super::raids_summary(m)));
    let rows = m.outcome_rows();
    out.push_str("<div class=\"pair\">\n");
    let outcome_bars: Vec<Bar> = rows
        .iter()
        .zip(super::OUTCOMES)
        .map(|(row, (key, _))| Bar {
            label: row.label.clone(),
            cell: m.cell(row.figure),
            class: match key {
                "operating_after" => "oc-operating_after",
                "not_operating_after" => "oc-not_operating_after",
                "uncertain" => "oc-uncertain",
                _ => "oc-unobserved",
            },
        })
        .collect();
    let chart = svg::bar_chart(
        "chart-outcomes",
        &tr.t("html-outcomes-title"),
        &tr.t("html-outcomes-desc"),
        &outcome_bars,
    );
    chart_figure(out, m, &chart, &tr.t("html-outcomes-caption"));
    let total = Row {
        key: Some("interventions.sites_with_intervention".to_owned()),
        label: tr.t("fig-interventions-sites_with_intervention"),
        figure: &i.sites_with_intervention,
    };
    figure_table(
        out,
        m,
        &tr.t("md-col-outcome-latest"),
        ("md-col-outcome", "md-col-sites"),
        &rows,
        Some(&total),
    );
    out.push_str("</div>\n");

    let site_rows = m.site_rows();
    let _ = writeln!(out, "<h3>{}</h3>", esc(&tr.t("html-timeline-heading")));
    let drawn = &site_rows[..site_rows.len().min(MAX_TIMELINE_ROWS)];
    let chart = svg::timeline_chart(
        "chart-timeline",
        &tr.t("html-timeline-title"),
        &tr.t("html-timeline-desc"),
        drawn,
    );
    let mut caption = tr.t("html-timeline-caption");
    if drawn.len() < site_rows.len() {
        caption.push(' ');
        caption.push_str(&tr.f(
            "html-timeline-first",
            &[
                ("drawn", drawn.len().into()),
                ("sites", site_rows.len().into()),
                ("listed", site_rows.len().min(MAX_SITE_ROWS).into()),
            ],
        ));
    }
    chart_figure(out, m, &chart, &caption);

    let _ = write!(
        out,
        "<div class=\"table-wrap\"><table class=\"sites\">\n<caption>{}</caption>\n<thead><tr>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        esc(&tr.t("html-sites-caption")),
        esc(&tr.t("md-col-site")),
        esc(&tr.t("md-col-latest-raid")),
        esc(&tr.t("md-col-persons-removed")),
        esc(&tr.t("md-col-observations")),
        esc(&tr.t("md-col-outcome"))
    );
    for row in site_rows.iter().take(MAX_SITE_ROWS) {
        site_row(out, m, row);
    }
    out.push_str("</tbody></table></div>\n");
    let withheld = m.withheld_site_rows();
    if withheld > 0 {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            esc(&tr.f("html-sites-withheld", &[("count", withheld.into())]))
        );
    }
    if site_rows.len() > MAX_SITE_ROWS {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            rich(&tr.f(
                "md-more-sites",
                &[("count", (site_rows.len() - MAX_SITE_ROWS).into())]
            ))
        );
    }
    out.push_str("</section>\n");
}

fn site_row(out: &mut String, m: &Model<'_, '_>, row: &SiteRow<'_, '_>) {
    let tr = m.tr;
    let _ = write!(
        out,
        "<tr><th scope=\"row\">{}<br><span class=\"sub\"><code>{}</code> · {}</span></th>",
        esc(&row.name),
        esc(row.site),
        esc(&category_label_in(tr, row.category))
    );
    let latest = row.raids.iter().find(|r| r.latest);
    match latest {
        Some(raid) => {
            let earlier = row.raids.len() - 1;
            let _ = write!(
                out,
                "<td>{} {}<br><span class=\"sub\"><code>{}</code>{}</span></td>",
                esc(&intervention_label_in(tr, raid.kind)),
                esc(&date_text(tr, &raid.date)),
                esc(raid.id),
                if earlier > 0 {
                    format!(
                        " · {}",
                        esc(&tr.f("report-earlier", &[("count", earlier.into())]))
                    )
                } else {
                    String::new()
                }
            );
            match raid.persons_removed {
                Some(removed) => {
                    let cell = m.count_cell(removed, Unit::Persons);
                    let _ = write!(out, "<td class=\"num\">{}</td>", esc(&cell_text(tr, cell)));
                }
                None => out.push_str("<td class=\"num muted\">–</td>"),
            }
        }
        None => out.push_str("<td></td><td></td>"),
    }
    let kept: Vec<_> = row
        .observations
        .iter()
        .filter(|o| o.relation != Relation::Before)
        .collect();
    out.push_str("<td>");
    if kept.is_empty() {
        let _ = write!(
            out,
            "<span class=\"muted\">{}</span>",
            esc(&tr.t("md-trace-none"))
        );
    } else {
        let skip = kept.len().saturating_sub(6);
        if skip > 0 {
            let _ = write!(
                out,
                "<span class=\"muted\">{}</span><br>",
                esc(&tr.f("html-earlier-then", &[("count", skip.into())]))
            );
        }
        let order_unknown = esc(&tr.t("report-order-unknown"));
        let items: Vec<String> = kept[skip..]
            .iter()
            .map(|o| {
                let order = if o.relation == Relation::Overlaps {
                    format!(" <span class=\"flag\">{order_unknown}</span>")
                } else {
                    String::new()
                };
                let text = format!(
                    "<span class=\"swatch st-{}\"></span>{} {} <code>{}</code>{order}",
                    o.status.as_str(),
                    esc(&date_text(tr, &o.date)),
                    esc(&status_label_in(tr, o.status.as_str()).to_lowercase()),
                    esc(o.id)
                );
                if o.deciding {
                    format!("<strong>{text}</strong>")
                } else {
                    text
                }
            })
            .collect();
        out.push_str(&items.join("<br>"));
    }
    out.push_str("</td>");
    let key = row.outcome.outcome.as_str();
    let _ = writeln!(
        out,
        "<td><span class=\"chip oc-{key}\">{}</span><br><span class=\"sub\">{}</span></td></tr>",
        esc(&outcome_label_in(tr, row.outcome.outcome)),
        esc(&outcome_reason(tr, row))
    );
}

/// A breakdown's chart: its element id, title, column heads (message keys), bar
/// class and caption.
struct Breakdown<'s> {
    id: &'s str,
    title: String,
    heads: (&'s str, &'s str),
    class: &'static str,
    caption: String,
}

/// A breakdown as a bar chart beside its table.
fn breakdown(out: &mut String, m: &Model<'_, '_>, rows: &[Row<'_, '_>], chart: Breakdown<'_>) {
    let Breakdown {
        id,
        title,
        heads,
        class,
        caption,
    } = chart;
    let tr = m.tr;
    out.push_str("<div class=\"pair\">\n");
    let desc = tr.f(
        "html-breakdown-desc",
        &[
            ("what", tr.t(heads.1).to_lowercase().into()),
            ("by", tr.t(heads.0).to_lowercase().into()),
        ],
    );
    let chart = svg::bar_chart(id, &title, &desc, &bars(m, rows, class));
    let caption = format!("{caption}{}", suppression_caption(m));
    chart_figure(out, m, &chart, &caption);
    figure_table(out, m, &title, heads, rows, None);
    out.push_str("</div>\n");
}

fn survivors(out: &mut String, m: &Model<'_, '_>) {
    section_start(out, m, "survivors");
    let tr = m.tr;
    let _ = writeln!(out, "<p>{}</p>", esc(&super::survivors_summary(m)));
    breakdown(
        out,
        m,
        &m.nationality_rows(),
        Breakdown {
            id: "chart-nationality",
            title: tr.t("md-by-nationality"),
            heads: ("md-col-nationality", "md-col-survivors"),
            class: "b-persons",
            caption: tr.t("html-nationality-caption"),
        },
    );
    if m.public().is_some() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            esc(&tr.t("report-no-person-listed"))
        );
    }
    out.push_str("</section>\n");
}

fn incidents(out: &mut String, m: &Model<'_, '_>) {
    section_start(out, m, "incidents");
    let tr = m.tr;
    let _ = writeln!(out, "<p>{}</p>", esc(&super::incidents_summary(m)));
    breakdown(
        out,
        m,
        &m.incident_rows(),
        Breakdown {
            id: "chart-incidents",
            title: tr.t("html-incidents-title"),
            heads: ("md-col-type", "md-col-incidents"),
            class: "b-incidents",
            caption: tr.t("html-incidents-caption"),
        },
    );
    out.push_str("</section>\n");
}

fn recruitment(out: &mut String, m: &Model<'_, '_>) {
    section_start(out, m, "recruitment");
    let tr = m.tr;
    let _ = writeln!(out, "<p>{}</p>", esc(&tr.t("report-recruitment-intro")));
    breakdown(
        out,
        m,
        &m.channel_rows(),
        Breakdown {
            id: "chart-channels",
            title: tr.t("html-channels-title"),
            heads: ("md-col-channel", "md-col-persons"),
            class: "b-channels",
            caption: tr.t("html-channels-caption"),
        },
    );
    out.push_str("</section>\n");
}

fn legal(out: &mut String, m: &Model<'_, '_>) {
    section_start(out, m, "legal");
    let tr = m.tr;
    let _ = writeln!(
        out,
        "<p class=\"callout\"><strong>{}</strong> {}</p>",
        esc(&tr.t("report-not-determination")),
        rich(&legal_note(tr))
    );
    let rows = m.legal_rows();
    out.push_str("<div class=\"pair\">\n");
    let chart = svg::bar_chart(
        "chart-legal",
        &tr.t("html-legal-title"),
        &tr.t("html-legal-desc"),
        &bars(m, &rows, "b-legal"),
    );
    chart_figure(
        out,
        m,
        &chart,
        &format!("{}{}", tr.t("html-legal-caption"), suppression_caption(m)),
    );
    figure_table(
        out,
        m,
        &tr.t("html-legal-table"),
        ("html-col-test", "md-col-persons"),
        &rows,
        None,
    );
    out.push_str("</div>\n");
    let item = |name: &str, text: &str| {
        let text = tr.t(text);
        let sep = if text.starts_with('(') { " " } else { "" };
        format!(
            "<li><strong>{}</strong>{sep}{}</li>",
            esc(&tr.t(name)),
            esc(&text)
        )
    };
    let _ = writeln!(
        out,
        "<p>{}</p>\n<ul class=\"tests\">{}{}{}{}</ul>\n<p class=\"note\">{}</p>\n</section>",
        esc(&tr.t("report-tests-in-short")),
        item("fig-legal-trafficking", "report-short-trafficking"),
        item("fig-legal-forced_labour", "report-short-forced-labour"),
        item("fig-legal-slavery_indicated", "report-short-slavery"),
        item("fig-legal-child_trafficking", "report-short-child"),
        tr.f(
            "html-full-definitions",
            &[(
                "methods",
                format!("<a href=\"#methods\">{}</a>", esc(&tr.t("md-toc-methods"))).into()
            )]
        )
    );
}

fn methods(out: &mut String, m: &Model<'_, '_>) {
    section_start(out, m, "methods");
    out.push_str("<dl class=\"methods\">\n");
    for definition in definitions(&m.options, m.tr) {
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            esc(&definition.term),
            rich(&definition.text)
        );
    }
    out.push_str("</dl>\n</section>\n");
}
