//! The Markdown report: GitHub-flavoured Markdown with tables, text bars in place
//! of charts, and the trace as a list under each table.
//!
//! Every piece of text from the records goes through [`escape_markdown`], so a
//! site name can neither become markup nor break a table; ids are printed in code
//! spans (their alphabet holds no backtick).

use std::fmt::Write as _;

use super::{
    audience_note, category_label_in, cell_text, date_text, definitions, escape_markdown as esc,
    intervention_label_in, legal_note, outcome_label_in, outcome_reason, spans, status_label_in,
    Model, Relation, Row, SiteRow, MAX_SITE_ROWS,
};
use crate::figures::{Cell, Figure, Unit};

/// The longest text bar, in characters.
const BAR_WIDTH: u64 = 24;

pub(crate) fn render(m: &Model<'_, '_>) -> String {
    let mut out = String::with_capacity(32 * 1024);
    header(&mut out, m);
    headline(&mut out, m);
    sites(&mut out, m);
    raids(&mut out, m);
    survivors(&mut out, m);
    incidents(&mut out, m);
    recruitment(&mut out, m);
    legal(&mut out, m);
    methods(&mut out, m);
    out
}

/// Text with `code` spans: plain parts escaped, code spans kept.
fn rich(text: &str) -> String {
    spans(text)
        .map(
            |(code, part)| {
                if code {
                    format!("`{part}`")
                } else {
                    esc(part)
                }
            },
        )
        .collect()
}

fn header(out: &mut String, m: &Model<'_, '_>) {
    let tr = m.tr;
    let (audience, note) = audience_note(&m.options, tr);
    let _ = writeln!(out, "# {}\n", esc(&super::title(tr)));
    let _ = writeln!(out, "> **{audience}.** {}\n", rich(&note));
    let generated = super::generated_note(m, "md-generated");
    let _ = writeln!(out, "{}\n", rich(&generated));
    if m.options.trace {
        let trace = if m.public().is_some() {
            tr.t("md-trace-public")
        } else {
            tr.t("md-trace-internal")
        };
        let _ = writeln!(out, "{}\n", esc(&trace));
    }
    // The anchors are the English headings' (what GitHub makes of them in the
    // English report); in another language a renderer's own anchors may differ.
    let contents: Vec<String> = [
        ("headline-figures", "md-toc-headline"),
        ("sites", "md-toc-sites"),
        (
            "raids-and-rescues-against-observed-operation",
            "md-toc-raids",
        ),
        ("survivors-interviewed", "md-toc-survivors"),
        ("incidents", "md-toc-incidents"),
        ("recruitment-channels", "md-toc-recruitment"),
        ("legal-tests", "md-toc-legal"),
        ("methods-and-definitions", "md-toc-methods"),
    ]
    .iter()
    .map(|(anchor, key)| format!("[{}](#{anchor})", tr.t(key)))
    .collect();
    let _ = writeln!(out, "{} {}\n", tr.t("md-contents"), contents.join(" · "));
}

fn bar(cell: Cell, max: u64) -> String {
    let length = |value: u64| {
        if value == 0 || max == 0 {
            0
        } else {
            (value.saturating_mul(BAR_WIDTH) / max).max(1)
        }
    };
    match cell {
        Cell::Count(count) => "█".repeat(length(count) as usize),
        // As long as the threshold, in a different texture: it reveals nothing.
        Cell::Suppressed { threshold } => "░".repeat(length(threshold) as usize),
    }
}

fn bar_max(cells: impl Iterator<Item = Cell>) -> u64 {
    cells
        .map(|cell| match cell {
            Cell::Count(count) => count,
            Cell::Suppressed { threshold } => threshold,
        })
        .max()
        .unwrap_or(0)
}

/// The trace of some figures as a list, when asked for.
fn trace_list(out: &mut String, m: &Model<'_, '_>, items: &[(String, &Figure<'_>)]) {
    if !m.options.trace {
        return;
    }
    let tr = m.tr;
    let mut omitted = false;
    let mut lines = Vec::new();
    for (label, figure) in items {
        if !m.traced(figure) {
            omitted = true;
            continue;
        }
        let listed = m.trace_ids(figure);
        let ids = if listed.is_empty() {
            tr.t("md-trace-none")
        } else {
            let ids: Vec<String> = listed.iter().map(|id| format!("`{id}`")).collect();
            ids.join(", ")
        };
        lines.push(format!("- {label}: {ids}"));
    }
    if lines.is_empty() {
        if omitted {
            let _ = writeln!(out, "{}\n", tr.t("md-trace-not-listed"));
        }
        return;
    }
    let _ = writeln!(out, "{}\n", tr.t("md-trace-heading"));
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    if omitted {
        let _ = writeln!(out, "- {}", tr.t("md-trace-omitted"));
    }
    out.push('\n');
}

fn trace_label(row: &Row<'_, '_>) -> String {
    match &row.key {
        Some(key) => format!("{} (`{key}`)", esc(&row.label)),
        None => esc(&row.label),
    }
}

/// A table of figures with text bars, and its trace.
fn figure_table(
    out: &mut String,
    m: &Model<'_, '_>,
    heads: (&str, &str),
    rows: &[Row<'_, '_>],
    with_bars: bool,
) {
    let tr = m.tr;
    if rows.is_empty() {
        let _ = writeln!(out, "{}\n", tr.t("md-no-records"));
        return;
    }
    let (head0, head1) = (tr.t(heads.0), tr.t(heads.1));
    if with_bars {
        let _ = writeln!(out, "| {head0} | {head1} | |\n| --- | ---: | --- |");
    } else {
        let _ = writeln!(out, "| {head0} | {head1} |\n| --- | ---: |");
    }
    let max = bar_max(rows.iter().map(|row| m.cell(row.figure)));
    for row in rows {
        let cell = m.cell(row.figure);
        let shown = cell_text(tr, cell);
        if with_bars {
            let _ = writeln!(
                out,
                "| {} | {shown} | {} |",
                esc(&row.label),
                bar(cell, max)
            );
        } else {
            let _ = writeln!(out, "| {} | {shown} |", esc(&row.label));
        }
    }
    out.push('\n');
    let items: Vec<(String, &Figure<'_>)> = rows
        .iter()
        .map(|row| (trace_label(row), row.figure))
        .collect();
    trace_list(out, m, &items);
}

fn suppression_note(out: &mut String, m: &Model<'_, '_>) {
    if let Some(t) = m.public() {
        if t > 1 {
            let tr = m.tr;
            let _ = writeln!(
                out,
                "{}\n",
                tr.f(
                    "md-suppression-note",
                    &[
                        ("below", tr.num(t - 1).into()),
                        ("threshold", tr.num(t).into())
                    ]
                )
            );
        }
    }
}

// ---------------------------------------------------------------------------

fn headline(out: &mut String, m: &Model<'_, '_>) {
    let tr = m.tr;
    let _ = writeln!(out, "## {}\n", tr.t("md-toc-headline"));
    let _ = writeln!(out, "{}\n", tr.t("md-headline-intro"));
    let _ = writeln!(
        out,
        "| {} | {} | {} |\n| --- | ---: | --- |",
        tr.t("md-col-figure"),
        tr.t("md-col-value"),
        tr.t("md-col-key")
    );
    let groups = m.headline();
    for group in &groups {
        let _ = writeln!(out, "| **{}** | | |", esc(&group.title));
        for row in &group.rows {
            let _ = writeln!(
                out,
                "| {} | {} | `{}` |",
                esc(&row.label),
                cell_text(tr, m.cell(row.figure)),
                row.key.as_deref().unwrap_or("")
            );
        }
    }
    out.push('\n');
    let items: Vec<(String, &Figure<'_>)> = groups
        .iter()
        .flat_map(|group| group.rows.iter())
        .map(|row| (trace_label(row), row.figure))
        .collect();
    trace_list(out, m, &items);
}

fn sites(out: &mut String, m: &Model<'_, '_>) {
    let tr = m.tr;
    let _ = writeln!(out, "## {}\n", tr.t("md-toc-sites"));
    let s = &m.figures.sites;
    let _ = writeln!(out, "{}\n", super::sites_summary(m));
    let _ = writeln!(out, "### {}\n", tr.t("md-sites-by-status"));
    let _ = writeln!(out, "{}\n", tr.t("md-latest-status-note"));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | |\n| --- | ---: | ---: | ---: | --- |",
        tr.t("md-col-latest-status"),
        tr.t("md-col-scam-compounds"),
        tr.t("md-col-suspected-sites"),
        tr.t("md-col-all-sites")
    );
    let rows = m.status_rows();
    let max = rows
        .iter()
        .map(|row| row.scam_compounds + row.suspected_sites)
        .max()
        .unwrap_or(0);
    for row in &rows {
        let all = row.scam_compounds + row.suspected_sites;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            row.label,
            tr.num(row.scam_compounds),
            tr.num(row.suspected_sites),
            tr.num(all),
            bar(Cell::Count(all), max)
        );
    }
    let _ = writeln!(
        out,
        "| **{}** | **{}** | **{}** | **{}** | |\n",
        tr.t("md-col-all-sites"),
        tr.num(s.scam_compounds.count),
        tr.num(s.suspected_sites.count),
        tr.num(s.scam_compounds.count + s.suspected_sites.count)
    );
    let items: Vec<(String, &Figure<'_>)> = rows
        .iter()
        .filter_map(|row| row.figure.map(|f| (row.label.to_string(), f)))
        .collect();
    trace_list(out, m, &items);

    let _ = writeln!(out, "### {}\n", tr.t("md-sites-by-province"));
    let data = m.map_data();
    let mut text = tr.f(
        "md-located",
        &[
            (
                "located",
                (data.points.len() + data.withheld + data.not_drawn).into(),
            ),
            ("sites", data.sites.into()),
        ],
    );
    if data.without_coordinates > 0 {
        text.push(' ');
        text.push_str(&tr.f(
            "md-without-coordinates",
            &[("count", data.without_coordinates.into())],
        ));
    }
    if data.withheld > 0 {
        text.push(' ');
        text.push_str(&tr.f("md-withheld-from-map", &[("count", data.withheld.into())]));
    }
    let _ = writeln!(out, "{text}\n");
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n| --- | --- | ---: | ---: | ---: |",
        tr.t("md-col-country"),
        tr.t("md-col-province"),
        tr.t("md-col-scam-compounds"),
        tr.t("md-col-suspected-sites"),
        tr.t("md-col-with-coordinates")
    );
    let not_recorded = tr.t("report-not-recorded");
    for place in m.place_rows() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            esc(&super::country_label(tr, &place.country)),
            esc(place.admin1.as_deref().unwrap_or(&not_recorded)),
            tr.num(place.scam_compounds),
            tr.num(place.suspected_sites),
            tr.num(place.located)
        );
    }
    out.push('\n');
}

fn raids(out: &mut String, m: &Model<'_, '_>) {
    let tr = m.tr;
    let _ = writeln!(out, "## {}\n", tr.t("md-raids-heading"));
    let i = &m.figures.interventions;
    let _ = writeln!(out, "{}\n", super::raids_summary(m));
    let rows = m.outcome_rows();
    let max = bar_max(rows.iter().map(|row| m.cell(row.figure)));
    let _ = writeln!(
        out,
        "| {} | {} | |\n| --- | ---: | --- |",
        tr.t("md-col-outcome-latest"),
        tr.t("md-col-sites")
    );
    for row in &rows {
        let cell = m.cell(row.figure);
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            row.label,
            cell_text(tr, cell),
            bar(cell, max)
        );
    }
    let with = tr.t("fig-interventions-sites_with_intervention");
    let _ = writeln!(
        out,
        "| **{with}** | **{}** | |\n",
        cell_text(tr, m.cell(&i.sites_with_intervention))
    );
    let mut items: Vec<(String, &Figure<'_>)> = rows
        .iter()
        .map(|row| (trace_label(row), row.figure))
        .collect();
    items.push((
        format!("{with} (`interventions.sites_with_intervention`)"),
        &i.sites_with_intervention,
    ));
    trace_list(out, m, &items);

    let _ = writeln!(out, "### {}\n", tr.t("md-timeline-heading"));
    let _ = writeln!(out, "{}\n", tr.t("md-timeline-intro"));
    let site_rows = m.site_rows();
    let withheld = m.withheld_site_rows();
    if withheld > 0 {
        let _ = writeln!(
            out,
            "{}\n",
            tr.f("md-sites-withheld", &[("count", withheld.into())])
        );
    }
    if site_rows.is_empty() {
        if withheld == 0 {
            let _ = writeln!(out, "{}\n", tr.t("md-no-raids"));
        }
        return;
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n| --- | --- | ---: | --- | --- |",
        tr.t("md-col-site"),
        tr.t("md-col-latest-raid"),
        tr.t("md-col-persons-removed"),
        tr.t("md-col-observations"),
        tr.t("md-col-outcome")
    );
    for row in site_rows.iter().take(MAX_SITE_ROWS) {
        site_row(out, m, row);
    }
    out.push('\n');
    if site_rows.len() > MAX_SITE_ROWS {
        let _ = writeln!(
            out,
            "{}\n",
            tr.f(
                "md-more-sites",
                &[("count", (site_rows.len() - MAX_SITE_ROWS).into())]
            )
        );
    }
}

fn site_row(out: &mut String, m: &Model<'_, '_>, row: &SiteRow<'_, '_>) {
    let tr = m.tr;
    let site = format!(
        "{} (`{}`, {})",
        esc(&row.name),
        row.site,
        category_label_in(tr, row.category).to_lowercase()
    );
    let (raid, removed) = match row.raids.iter().find(|r| r.latest) {
        Some(raid) => {
            let earlier = row.raids.len() - 1;
            let mut text = format!(
                "{} {} (`{}`)",
                intervention_label_in(tr, raid.kind),
                date_text(tr, &raid.date),
                raid.id
            );
            if earlier > 0 {
                let _ = write!(
                    text,
                    "; {}",
                    tr.f("report-earlier", &[("count", earlier.into())])
                );
            }
            let removed = raid
                .persons_removed
                .map(|n| cell_text(tr, m.count_cell(n, Unit::Persons)))
                .unwrap_or_else(|| "–".to_owned());
            (text, removed)
        }
        None => (String::new(), String::new()),
    };
    let kept: Vec<_> = row
        .observations
        .iter()
        .filter(|o| o.relation != Relation::Before)
        .collect();
    let observations = if kept.is_empty() {
        tr.t("md-trace-none")
    } else {
        let skip = kept.len().saturating_sub(6);
        let mut items: Vec<String> = kept[skip..]
            .iter()
            .map(|o| {
                let mut text = format!(
                    "{} {} (`{}`)",
                    date_text(tr, &o.date),
                    status_label_in(tr, o.status.as_str()).to_lowercase(),
                    o.id
                );
                if o.relation == Relation::Overlaps {
                    let _ = write!(text, ", *{}*", tr.t("report-order-unknown"));
                }
                if o.deciding {
                    format!("**{text}**")
                } else {
                    text
                }
            })
            .collect();
        if skip > 0 {
            items.insert(0, tr.f("md-earlier-then", &[("count", skip.into())]));
        }
        items.join("; ")
    };
    let _ = writeln!(
        out,
        "| {site} | {raid} | {removed} | {observations} | **{}**: {} |",
        outcome_label_in(tr, row.outcome.outcome),
        esc(&outcome_reason(tr, row))
    );
}

fn survivors(out: &mut String, m: &Model<'_, '_>) {
    let tr = m.tr;
    let _ = writeln!(out, "## {}\n", tr.t("md-survivors-heading"));
    let _ = writeln!(out, "{}\n", super::survivors_summary(m));
    let _ = writeln!(out, "### {}\n", tr.t("md-by-nationality"));
    suppression_note(out, m);
    figure_table(
        out,
        m,
        ("md-col-nationality", "md-col-survivors"),
        &m.nationality_rows(),
        true,
    );
    if m.public().is_some() {
        let _ = writeln!(out, "{}\n", tr.t("report-no-person-listed"));
    }
}

fn incidents(out: &mut String, m: &Model<'_, '_>) {
    let _ = writeln!(out, "## {}\n", m.tr.t("md-toc-incidents"));
    let _ = writeln!(out, "{}\n", super::incidents_summary(m));
    suppression_note(out, m);
    figure_table(
        out,
        m,
        ("md-col-type", "md-col-incidents"),
        &m.incident_rows(),
        true,
    );
}

fn recruitment(out: &mut String, m: &Model<'_, '_>) {
    let tr = m.tr;
    let _ = writeln!(out, "## {}\n", tr.t("md-recruitment-heading"));
    let _ = writeln!(out, "{}\n", tr.t("report-recruitment-intro"));
    suppression_note(out, m);
    figure_table(
        out,
        m,
        ("md-col-channel", "md-col-persons"),
        &m.channel_rows(),
        true,
    );
}

fn legal(out: &mut String, m: &Model<'_, '_>) {
    let tr = m.tr;
    let _ = writeln!(out, "## {}\n", tr.t("md-toc-legal"));
    let _ = writeln!(
        out,
        "> **{}** {}\n",
        tr.t("report-not-determination"),
        rich(&legal_note(tr))
    );
    figure_table(
        out,
        m,
        ("md-col-test-met", "md-col-persons"),
        &m.legal_rows(),
        true,
    );
    let item = |name: &str, text: &str| {
        let text = tr.t(text);
        let sep = if text.starts_with('(') { " " } else { "" };
        format!("- **{}**{sep}{text}", tr.t(name))
    };
    let _ = writeln!(
        out,
        "{}\n\n{}\n{}\n{}\n{}\n\n{}\n",
        tr.t("report-tests-in-short"),
        item("fig-legal-trafficking", "report-short-trafficking"),
        item("fig-legal-forced_labour", "report-short-forced-labour"),
        item("fig-legal-slavery_indicated", "report-short-slavery"),
        item("fig-legal-child_trafficking", "report-short-child"),
        tr.f(
            "md-full-definitions",
            &[("methods", tr.t("md-toc-methods").into())]
        )
    );
}

fn methods(out: &mut String, m: &Model<'_, '_>) {
    let _ = writeln!(out, "## {}\n", m.tr.t("md-toc-methods"));
    for definition in definitions(&m.options, m.tr) {
        let _ = writeln!(
            out,
            "**{}.** {}\n",
            esc(&definition.term),
            rich(&definition.text)
        );
    }
}
