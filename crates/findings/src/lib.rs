//! Findings: what the records say happened, with the evidence behind every word.
//!
//! Pure functions over a [`Dataset`] (no I/O), implementing ../shared/FORMAT.md
//! ("Report", "Intervention outcome", "Public report", "Trace", "Assessments") and
//! ../shared/DOMAIN.md (finding codes, derived facts, legal tests):
//!
//! - [`timeline`]: a site's observations and interventions in time order, with
//!   events whose order partial dates leave unknown grouped and marked, never
//!   guessed; the outcome of the site's latest raid or rescue
//!   ([`intervention_outcome`]); its latest known status.
//! - [`legal`]: a person's facts (codes with the records they came from) and the
//!   tests of forced labour, slavery, trafficking and child trafficking
//!   ([`assess`], [`assess_all`]), as FORMAT.md JSON or a caseworker's summary.
//! - [`figures`]: every report figure as a count plus the ids that make it up
//!   ([`Figures`]), and the report JSON with public suppression and trace
//!   ([`report_json`]).
//! - [`render`]: the Markdown and HTML reports ([`report_markdown`],
//!   [`report_html`]) from the same figures: tables, inline SVG charts, a map of
//!   sites, and a methods section, with the same public suppression and trace.
//!
//! Every result depends only on the set of records, never on their order: the
//! dataset holds them sorted by id and every tie is broken by id.

pub mod dataset;
pub mod figures;
pub mod legal;
pub mod render;
pub mod timeline;

pub use dataset::{Dataset, DatasetError};
pub use figures::{
    report, report_json, Cell, Figure, Figures, ReportOptions, Unit, DEFAULT_THRESHOLD,
};
pub use legal::{
    assess, assess_all, assessments_json, person_facts, render_assessment_text,
    render_assessment_text_in, render_assessments_text, render_assessments_text_in, Assessment,
    Facts, TestResult, DISCLAIMER,
};
pub use render::{
    chart_css, report_html, report_html_in, report_html_with, report_markdown, report_markdown_in,
    report_markdown_with, sites_map_svg, Locale,
};
pub use timeline::{
    intervention_outcome, intervention_outcomes, latest_status, site_timeline, LatestStatus,
    Outcome, SiteOutcome, SiteTimeline, Uncertainty,
};

#[cfg(test)]
pub(crate) mod test_support {
    use zonewatch_model::{decode_line, Record};

    use crate::Dataset;

    pub fn records<S: AsRef<str>>(lines: &[S]) -> Vec<Record> {
        lines
            .iter()
            .map(|line| {
                let line = line.as_ref();
                decode_line(line).unwrap_or_else(|e| panic!("{line}: {e:?}"))
            })
            .collect()
    }

    pub fn dataset<S: AsRef<str>>(lines: &[S]) -> Dataset {
        Dataset::new(records(lines)).expect("unique ids")
    }
}
