//! The Markdown and HTML reports (`zonewatch report --format md|html`): the FORMAT.md
//! figures ("Report", "Intervention outcome", "Public report", "Trace") as tables,
//! hand-written SVG charts and a map, with a methods section that states every
//! definition used.
//!
//! Both renderers read one [`Figures`] computation through a [`Model`], so every
//! number they show is the number [`crate::report_json`] gives for the same options.
//! The output depends only on the set of records and the options: no clock, no
//! randomness, no hash-map order, so the same data always gives the same bytes.
//!
//! Privacy rules, the same in both formats:
//! - a public report (`options.public = Some(threshold)`) shows counts of persons and
//!   incidents from 1 to `threshold - 1` as `<threshold`, in tables and in charts
//!   (a suppressed bar is hatched at the threshold, never drawn at its value), and
//!   orders breakdowns so the order of suppressed cells reveals nothing;
//! - no report lists an individual person (no alias, no person record), and a
//!   public trace lists only site records marked `public`, as the JSON trace does;
//! - a public report names, places and traces only records marked `public`: the
//!   others are counted in its figures, never listed, drawn on the map or traced.
//!
//! The HTML is one self-contained document: one `<style>` element, no script, no
//! `style=` attribute, no external resource, and a Content-Security-Policy that
//! forbids them, so it opens offline and under a strict policy.

mod html;
mod markdown;
mod svg;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use zonewatch_model::{
    DateOrder, InterventionType, PartialDate, Record, Sensitivity, SiteCategory, SiteStatusValue,
};

pub use zonewatch_i18n::Locale;
use zonewatch_i18n::Tr;

use crate::dataset::Dataset;
use crate::figures::{Cell, Figure, Figures, ReportOptions, Unit};
use crate::timeline::{counts_for_outcome, Outcome, SiteOutcome, Uncertainty};

/// At most this many sites in the per-site tables (the rest are counted in a note).
pub const MAX_SITE_ROWS: usize = 500;
/// At most this many rows in the raids-against-operation chart.
pub const MAX_TIMELINE_ROWS: usize = 120;
/// At most this many sites drawn on the map.
pub const MAX_MAP_POINTS: usize = 5000;

/// The Markdown report (GitHub-flavoured Markdown, tables and text bars).
pub fn report_markdown(dataset: &Dataset, options: &ReportOptions) -> String {
    let figures = Figures::compute(dataset);
    report_markdown_with(dataset, &figures, options)
}

/// The Markdown report from figures already computed for `dataset`.
pub fn report_markdown_with<'a>(
    dataset: &'a Dataset,
    figures: &Figures<'a>,
    options: &ReportOptions,
) -> String {
    report_markdown_in(dataset, figures, options, Locale::En)
}

/// The Markdown report in `locale`, from figures already computed for `dataset`.
pub fn report_markdown_in<'a>(
    dataset: &'a Dataset,
    figures: &Figures<'a>,
    options: &ReportOptions,
    locale: Locale,
) -> String {
    markdown::render(&Model::new_in(dataset, figures, options, Tr::new(locale)))
}

/// The HTML report: one self-contained document with inline SVG charts.
/// The report's map of sites, for a web page: the same projection, legend and
/// privacy rule (a public one draws only sites marked public), each marker a link to
/// its site's page titled with the site's name. `only`: draw just these sites (a
/// filtered list), when given.
pub fn sites_map_svg(
    dataset: &Dataset,
    options: &ReportOptions,
    only: Option<&std::collections::BTreeSet<String>>,
) -> String {
    let figures = Figures::compute(dataset);
    let model = Model::new(dataset, &figures, options);
    let mut data = model.map_data();
    if let Some(only) = only {
        data.points.retain(|p| only.contains(p.site));
    }
    svg::map_chart_with(
        "site-map",
        "Map of sites",
        "Each site with coordinates, coloured by its latest status; circles are scam compounds, diamonds suspected sites. Select a marker to open the site.",
        &data,
        svg::MapLinks::SitePages,
    )
}

/// The report's chart styles (its colour variables and every `svg` rule), for pages
/// that draw its charts under a policy that allows no inline style.
pub fn chart_css() -> String {
    let css = include_str!("report.css");
    let mut out = String::new();
    let mut keep = false;
    for line in css.lines() {
        if line.starts_with(":root") || line.starts_with("svg") {
            keep = true;
        }
        if keep {
            out.push_str(line);
            out.push('\n');
        }
        if keep && line.trim_end().ends_with('}') {
            keep = false;
        }
    }
    out
}

pub fn report_html(dataset: &Dataset, options: &ReportOptions) -> String {
    let figures = Figures::compute(dataset);
    report_html_with(dataset, &figures, options)
}

/// The HTML report from figures already computed for `dataset`.
pub fn report_html_with<'a>(
    dataset: &'a Dataset,
    figures: &Figures<'a>,
    options: &ReportOptions,
) -> String {
    report_html_in(dataset, figures, options, Locale::En)
}

/// The HTML report in `locale`, from figures already computed for `dataset`.
pub fn report_html_in<'a>(
    dataset: &'a Dataset,
    figures: &Figures<'a>,
    options: &ReportOptions,
    locale: Locale,
) -> String {
    html::render(&Model::new_in(dataset, figures, options, Tr::new(locale)))
}

// ---------------------------------------------------------------------------
// The model both renderers read

/// The figures and the dataset, with the report options that decide what is shown.
pub(crate) struct Model<'r, 'a> {
    pub ds: &'a Dataset,
    pub figures: &'r Figures<'a>,
    pub options: ReportOptions,
    /// The language of every word.
    pub tr: Tr,
    /// Site id -> latest status key (`operating`, ..., `uncertain`, `unobserved`).
    latest: BTreeMap<&'a str, &'static str>,
}

/// One figure as a table row: its FORMAT.md key (when it is a report figure), a
/// label for people, and the figure.
pub(crate) struct Row<'r, 'a> {
    pub key: Option<String>,
    pub label: String,
    pub figure: &'r Figure<'a>,
}

/// Headline rows under a group title.
pub(crate) struct Group<'r, 'a> {
    pub title: String,
    pub rows: Vec<Row<'r, 'a>>,
}

/// Sites of one latest status, by category.
pub(crate) struct StatusRow<'r, 'a> {
    pub status: &'static str,
    pub label: String,
    pub scam_compounds: u64,
    pub suspected_sites: u64,
    /// All the sites of this status; `None` when there are none.
    pub figure: Option<&'r Figure<'a>>,
}

/// Sites of one province (admin1), by category.
pub(crate) struct PlaceRow {
    pub country: String,
    pub admin1: Option<String>,
    pub scam_compounds: u64,
    pub suspected_sites: u64,
    pub located: u64,
}

/// Where an observation falls relative to the site's latest raid or rescue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Relation {
    Before,
    /// The dates overlap: which came first is not known.
    Overlaps,
    After,
}

pub(crate) struct Raid<'a> {
    pub id: &'a str,
    pub date: PartialDate,
    pub kind: InterventionType,
    pub persons_removed: Option<u64>,
    /// The latest raid or rescue, the one the outcome is about.
    pub latest: bool,
}

pub(crate) struct Observation<'a> {
    pub id: &'a str,
    pub date: PartialDate,
    pub status: SiteStatusValue,
    pub relation: Relation,
    /// One of the observations the outcome rests on.
    pub deciding: bool,
}

/// A site with a raid or rescue: its raids and rescues, its observations, and the
/// outcome of the latest raid or rescue.
pub(crate) struct SiteRow<'r, 'a> {
    pub site: &'a str,
    pub name: String,
    pub category: SiteCategory,
    pub outcome: &'r SiteOutcome<'a>,
    /// Raids and rescues, in time order (start, end, id).
    pub raids: Vec<Raid<'a>>,
    /// Every status observation, in time order (start, end, id).
    pub observations: Vec<Observation<'a>>,
}

pub(crate) struct MapPoint<'a> {
    pub site: &'a str,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub category: SiteCategory,
    pub status: &'static str,
    pub place: Option<String>,
}

pub(crate) struct MapData<'a> {
    pub points: Vec<MapPoint<'a>>,
    pub sites: usize,
    pub without_coordinates: usize,
    /// Located sites not marked public, left off a public map.
    pub withheld: usize,
    /// Located sites left off because of [`MAX_MAP_POINTS`].
    pub not_drawn: usize,
}

/// The latest-status keys, in the order the report shows them, with labels.
pub(crate) const STATUSES: [(&str, &str); 6] = [
    ("operating", "Operating"),
    ("closed", "Closed"),
    ("under_construction", "Under construction"),
    ("relocated", "Relocated"),
    ("uncertain", "Uncertain"),
    ("unobserved", "Unobserved"),
];

/// The outcome keys, in report order, with labels.
pub(crate) const OUTCOMES: [(&str, &str); 4] = [
    ("operating_after", "Operating after"),
    ("not_operating_after", "Not operating after"),
    ("uncertain", "Uncertain"),
    ("unobserved", "Unobserved"),
];

impl<'r, 'a> Model<'r, 'a> {
    pub fn new(ds: &'a Dataset, figures: &'r Figures<'a>, options: &ReportOptions) -> Self {
        Model::new_in(ds, figures, options, Tr::EN)
    }

    pub fn new_in(
        ds: &'a Dataset,
        figures: &'r Figures<'a>,
        options: &ReportOptions,
        tr: Tr,
    ) -> Self {
        let mut latest = BTreeMap::new();
        for (&status, figure) in &figures.sites_by_latest_status {
            for &id in &figure.ids {
                latest.insert(id, status);
            }
        }
        Model {
            ds,
            figures,
            options: *options,
            tr,
            latest,
        }
    }

    /// `Some(threshold)` in a public report.
    pub fn public(&self) -> Option<u64> {
        self.options.public
    }

    /// The value a figure shows.
    pub fn cell(&self, figure: &Figure<'_>) -> Cell {
        figure.cell(self.options.public)
    }

    /// A count of `unit` from a record (not a figure), under the same rule.
    pub fn count_cell(&self, count: u64, unit: Unit) -> Cell {
        Figure {
            unit,
            count,
            ids: Vec::new(),
        }
        .cell(self.options.public)
    }

    /// Whether the figure's ids are listed: `--trace`, and in a public report only
    /// for figures of sites (the rule of the JSON trace).
    pub fn traced(&self, figure: &Figure<'_>) -> bool {
        self.options.trace && (self.options.public.is_none() || figure.unit == Unit::Sites)
    }

    pub fn latest_status(&self, site: &str) -> &'static str {
        self.latest.get(site).copied().unwrap_or("unobserved")
    }

    /// A record a public report counts but never names, places or traces: any not
    /// marked `public` (docs/SECURITY.md, "One rule for public outputs").
    pub fn withheld(&self, record: &Record) -> bool {
        self.options.public.is_some() && record.sensitivity != Sensitivity::Public
    }

    /// The ids a trace lists beside `figure` ([`Figures::trace_ids`]).
    pub fn trace_ids<'f>(&self, figure: &'f Figure<'_>) -> Vec<&'f str> {
        self.figures
            .trace_ids(figure, self.options.public.is_some())
    }

    /// Sites with a raid or rescue that a public report counts but does not list.
    pub fn withheld_site_rows(&self) -> usize {
        self.figures
            .outcomes
            .iter()
            .filter(|o| self.ds.site(o.site).is_some_and(|(r, _)| self.withheld(r)))
            .count()
    }

    /// Records of each kind, for the generation note.
    pub fn kind_counts(&self) -> Vec<(zonewatch_model::Kind, usize)> {
        zonewatch_model::Kind::ALL
            .iter()
            .map(|&kind| (kind, self.ds.of_kind(kind).count()))
            .collect()
    }

    // -- figure rows -------------------------------------------------------

    /// Every FORMAT.md figure that is not a breakdown, in groups.
    pub fn headline(&self) -> Vec<Group<'r, 'a>> {
        let f = self.figures;
        let row = |key: &str, label: &str, figure| Row {
            key: Some(key.to_owned()),
            label: self.tr.t(label),
            figure,
        };
        let (s, i, p, l) = (&f.sites, &f.interventions, &f.persons, &f.legal);
        vec![
            Group {
                title: self.tr.t("fig-group-sites"),
                rows: vec![
                    row(
                        "sites.scam_compounds",
                        "fig-sites-scam_compounds",
                        &s.scam_compounds,
                    ),
                    row(
                        "sites.suspected_sites",
                        "fig-sites-suspected_sites",
                        &s.suspected_sites,
                    ),
                    row(
                        "sites.visited.scam_compounds",
                        "fig-sites-visited-scam_compounds",
                        &s.visited_scam_compounds,
                    ),
                    row(
                        "sites.visited.suspected_sites",
                        "fig-sites-visited-suspected_sites",
                        &s.visited_suspected_sites,
                    ),
                ],
            },
            Group {
                title: self.tr.t("fig-group-raids"),
                rows: vec![
                    row(
                        "interventions.sites_with_intervention",
                        "fig-interventions-sites_with_intervention",
                        &i.sites_with_intervention,
                    ),
                    row(
                        "interventions.operating_after",
                        "fig-interventions-operating_after",
                        &i.operating_after,
                    ),
                    row(
                        "interventions.not_operating_after",
                        "fig-interventions-not_operating_after",
                        &i.not_operating_after,
                    ),
                    row(
                        "interventions.uncertain",
                        "fig-interventions-uncertain",
                        &i.uncertain,
                    ),
                    row(
                        "interventions.unobserved",
                        "fig-interventions-unobserved",
                        &i.unobserved,
                    ),
                ],
            },
            Group {
                title: self.tr.t("fig-group-survivors"),
                rows: vec![
                    row(
                        "persons.survivors_interviewed",
                        "fig-persons-survivors_interviewed",
                        &p.survivors_interviewed,
                    ),
                    row(
                        "persons.nationalities",
                        "fig-persons-nationalities",
                        &p.nationalities,
                    ),
                    row(
                        "persons.minors_interviewed",
                        "fig-persons-minors_interviewed",
                        &p.minors_interviewed,
                    ),
                    row(
                        "persons.minors_interviewed_reporting_ill_treatment",
                        "fig-persons-minors_interviewed_reporting_ill_treatment",
                        &p.minors_interviewed_reporting_ill_treatment,
                    ),
                    row(
                        "persons.other_victim_records",
                        "fig-persons-other_victim_records",
                        &p.other_victim_records,
                    ),
                    row(
                        "incidents.deaths",
                        "fig-incidents-deaths",
                        &f.incidents.deaths,
                    ),
                ],
            },
            Group {
                title: self.tr.t("fig-group-legal"),
                rows: self.legal_rows_from(l),
            },
        ]
    }

    fn legal_rows_from(&self, l: &'r crate::figures::LegalFigures<'a>) -> Vec<Row<'r, 'a>> {
        let row = |key: &str, label: &str, figure| Row {
            key: Some(key.to_owned()),
            label: self.tr.t(label),
            figure,
        };
        vec![
            row("legal.trafficking", "fig-legal-trafficking", &l.trafficking),
            row(
                "legal.forced_labour",
                "fig-legal-forced_labour",
                &l.forced_labour,
            ),
            row(
                "legal.slavery_indicated",
                "fig-legal-slavery_indicated",
                &l.slavery_indicated,
            ),
            row(
                "legal.child_trafficking",
                "fig-legal-child_trafficking",
                &l.child_trafficking,
            ),
        ]
    }

    pub fn legal_rows(&self) -> Vec<Row<'r, 'a>> {
        self.legal_rows_from(&self.figures.legal)
    }

    /// The four outcomes, in report order.
    pub fn outcome_rows(&self) -> Vec<Row<'r, 'a>> {
        let i = &self.figures.interventions;
        let figures = [
            &i.operating_after,
            &i.not_operating_after,
            &i.uncertain,
            &i.unobserved,
        ];
        OUTCOMES
            .iter()
            .zip(figures)
            .map(|(&(key, _), figure)| Row {
                key: Some(format!("interventions.{key}")),
                label: outcome_key_label(self.tr, key),
                figure,
            })
            .collect()
    }

    pub fn nationality_rows(&self) -> Vec<Row<'r, 'a>> {
        self.breakdown(
            "persons.by_nationality",
            self.figures
                .persons
                .by_nationality
                .iter()
                .map(|(&code, figure)| (code, country_label(self.tr, code), figure)),
        )
    }

    pub fn incident_rows(&self) -> Vec<Row<'r, 'a>> {
        self.breakdown(
            "incidents.by_type",
            self.figures
                .incidents
                .by_type
                .iter()
                .map(|(&kind, figure)| (kind, vocab_label(self.tr, kind), figure)),
        )
    }

    pub fn channel_rows(&self) -> Vec<Row<'r, 'a>> {
        self.breakdown(
            "recruitment.by_channel",
            self.figures
                .recruitment
                .by_channel
                .iter()
                .map(|(&channel, figure)| (channel, vocab_label(self.tr, channel), figure)),
        )
    }

    /// Breakdown rows, largest first. In a public report every suppressed cell sorts
    /// after every shown count and the suppressed cells keep key order, so their
    /// order says nothing about their true sizes.
    fn breakdown(
        &self,
        prefix: &str,
        items: impl Iterator<Item = (&'a str, String, &'r Figure<'a>)>,
    ) -> Vec<Row<'r, 'a>> {
        let mut rows: Vec<(u64, Row<'r, 'a>)> = items
            .map(|(key, label, figure)| {
                let rank = match self.cell(figure) {
                    Cell::Count(n) => n.saturating_mul(2).saturating_add(1),
                    Cell::Suppressed { .. } => 0,
                };
                let row = Row {
                    key: Some(format!("{prefix}.{key}")),
                    label,
                    figure,
                };
                (rank, row)
            })
            .collect();
        // Stable: equal ranks keep key order.
        rows.sort_by_key(|row| std::cmp::Reverse(row.0));
        rows.into_iter().map(|(_, row)| row).collect()
    }

    // -- sites -------------------------------------------------------------

    pub fn status_rows(&self) -> Vec<StatusRow<'r, 'a>> {
        STATUSES
            .iter()
            .map(|&(status, _)| {
                let label = status_label_in(self.tr, status);
                let figure = self.figures.sites_by_latest_status.get(status);
                let (mut scam_compounds, mut suspected_sites) = (0, 0);
                for id in figure.map(|f| f.ids.as_slice()).unwrap_or_default() {
                    match self.ds.site(id).map(|(_, site)| site.category) {
                        Some(SiteCategory::ScamCompound) => scam_compounds += 1,
                        Some(SiteCategory::SuspectedSite) => suspected_sites += 1,
                        None => {}
                    }
                }
                StatusRow {
                    status,
                    label,
                    scam_compounds,
                    suspected_sites,
                    figure,
                }
            })
            .collect()
    }

    /// Sites by country and province, most sites first.
    pub fn place_rows(&self) -> Vec<PlaceRow> {
        let mut places: BTreeMap<(String, Option<String>), PlaceRow> = BTreeMap::new();
        for (record, site) in self.ds.sites() {
            // A public report counts a site not marked public in its country, never
            // in its province: that would place it.
            let admin1 = if self.withheld(record) {
                Some(self.tr.t("report-withheld-place"))
            } else {
                site.admin1.clone()
            };
            let key = (site.country.clone(), admin1.clone());
            let row = places.entry(key).or_insert_with(|| PlaceRow {
                country: site.country.clone(),
                admin1,
                scam_compounds: 0,
                suspected_sites: 0,
                located: 0,
            });
            match site.category {
                SiteCategory::ScamCompound => row.scam_compounds += 1,
                SiteCategory::SuspectedSite => row.suspected_sites += 1,
            }
            if site.location.is_some() {
                row.located += 1;
            }
        }
        let mut rows: Vec<PlaceRow> = places.into_values().collect();
        rows.sort_by(|a, b| {
            (b.scam_compounds + b.suspected_sites).cmp(&(a.scam_compounds + a.suspected_sites))
        });
        rows
    }

    /// Every site with a raid or rescue, in site id order.
    pub fn site_rows(&self) -> Vec<SiteRow<'r, 'a>> {
        self.figures
            .outcomes
            .iter()
            .filter_map(|outcome| self.site_row(outcome))
            .collect()
    }

    fn site_row(&self, outcome: &'r SiteOutcome<'a>) -> Option<SiteRow<'r, 'a>> {
        let (record, site) = self.ds.site(outcome.site)?;
        if self.withheld(record) {
            return None;
        }
        let mut raids: Vec<Raid<'a>> = self
            .ds
            .interventions_of(outcome.site)
            .filter(|(record, _)| !self.withheld(record))
            .filter(|(_, intervention)| counts_for_outcome(intervention))
            .map(|(record, intervention)| Raid {
                id: record.id.as_str(),
                date: intervention.date,
                kind: intervention.intervention_type,
                persons_removed: intervention.persons_removed,
                latest: record.id == outcome.intervention,
            })
            .collect();
        raids.sort_by(|a, b| {
            a.date
                .cmp_latest(&b.date)
                .then_with(|| a.id.as_bytes().cmp(b.id.as_bytes()))
        });
        let mut observations: Vec<Observation<'a>> = self
            .ds
            .statuses_of(outcome.site)
            .filter(|(record, _)| !self.withheld(record))
            .map(|(record, status)| Observation {
                id: record.id.as_str(),
                date: status.date,
                status: status.status,
                relation: match status.date.order(&outcome.intervention_date) {
                    DateOrder::Before => Relation::Before,
                    DateOrder::After => Relation::After,
                    DateOrder::Unknown => Relation::Overlaps,
                },
                deciding: outcome.observations.contains(&record.id.as_str()),
            })
            .collect();
        observations.sort_by(|a, b| {
            a.date
                .cmp_latest(&b.date)
                .then_with(|| a.id.as_bytes().cmp(b.id.as_bytes()))
        });
        Some(SiteRow {
            site: outcome.site,
            name: site.name.clone(),
            category: site.category,
            outcome,
            raids,
            observations,
        })
    }

    pub fn map_data(&self) -> MapData<'a> {
        let mut data = MapData {
            points: Vec::new(),
            sites: 0,
            without_coordinates: 0,
            withheld: 0,
            not_drawn: 0,
        };
        for (record, site) in self.ds.sites() {
            data.sites += 1;
            let Some(location) = site.location else {
                data.without_coordinates += 1;
                continue;
            };
            if self.withheld(record) {
                data.withheld += 1;
                continue;
            }
            if data.points.len() >= MAX_MAP_POINTS {
                data.not_drawn += 1;
                continue;
            }
            data.points.push(MapPoint {
                site: record.id.as_str(),
                name: site.name.clone(),
                lat: location.lat,
                lon: location.lon,
                category: site.category,
                status: self.latest_status(&record.id),
                place: site.admin1.clone(),
            });
        }
        data
    }
}

// ---------------------------------------------------------------------------
// Words shared by both formats. Every word comes from the interface language's
// messages (`zonewatch-i18n`, `report.ftl`); the English-only names below are what
// the SVG charts (`svg.rs`) still draw.

pub(crate) fn title(tr: Tr) -> String {
    tr.t("report-title")
}

/// The disclaimer at the head of the legal tests (DOMAIN.md: an aid for a human
/// analyst, not a legal determination).
pub(crate) fn legal_note(tr: Tr) -> String {
    tr.t("report-legal-note")
}

/// "Generated by zonewatch 0.1.0 from 12 records (3 sites, ...). ...": the message
/// `key` with the version, the number of records and, in an internal report, the
/// records of each kind.
pub(crate) fn generated_note(m: &Model<'_, '_>, key: &str) -> String {
    let tr = m.tr;
    let mut kinds = String::new();
    if m.public().is_none() {
        let counts: Vec<String> = m
            .kind_counts()
            .into_iter()
            .filter(|(_, count)| *count > 0)
            .map(|(kind, count)| {
                tr.f(
                    &format!("report-records-{}", kind.as_str()),
                    &[("count", count.into())],
                )
            })
            .collect();
        if !counts.is_empty() {
            kinds = format!(" ({})", counts.join(", "));
        }
    }
    tr.f(
        key,
        &[
            ("version", env!("CARGO_PKG_VERSION").into()),
            ("records", m.ds.len().into()),
            ("kinds", kinds.into()),
        ],
    )
}

/// An SVG chart with the English words `svg.rs` draws put in the interface
/// language: whole text nodes only, so nothing else can change.
pub(crate) fn localize_svg(tr: Tr, svg: &str) -> String {
    if tr.is_english() {
        return svg.to_owned();
    }
    svg.to_owned()
}

/// A cell as the locale writes numbers: `12`, `<5`.
pub(crate) fn cell_text(tr: Tr, cell: Cell) -> String {
    match cell {
        Cell::Count(n) => tr.num(n),
        Cell::Suppressed { threshold } => format!("<{}", tr.num(threshold)),
    }
}

/// A partial date as the locale writes it (ISO in English).
pub(crate) fn date_text(tr: Tr, date: &PartialDate) -> String {
    tr.date(date.year, date.month, date.day)
}

/// `1 site`, `2 sites`, `<5 sites`: the message `key` with the cell (`shown`) and
/// the number that chooses its plural form (`n`; the threshold of a suppressed cell).
pub(crate) fn counted(tr: Tr, cell: Cell, key: &str) -> String {
    let n = match cell {
        Cell::Count(n) => n,
        Cell::Suppressed { threshold } => threshold,
    };
    tr.f(
        key,
        &[("n", n.into()), ("shown", cell_text(tr, cell).into())],
    )
}

// The summary sentences of each section, the same in both formats. They hold no
// text from the records (numbers and fixed words only), so Markdown prints them
// as they are and HTML escapes them.

pub(crate) fn sites_summary(m: &Model<'_, '_>) -> String {
    let s = &m.figures.sites;
    let tr = m.tr;
    tr.f(
        "report-sites-summary",
        &[
            (
                "compounds",
                counted(tr, m.cell(&s.scam_compounds), "count-scam-compounds").into(),
            ),
            (
                "suspected",
                counted(tr, m.cell(&s.suspected_sites), "count-suspected-sites").into(),
            ),
            (
                "visited_compounds",
                cell_text(tr, m.cell(&s.visited_scam_compounds)).into(),
            ),
            (
                "visited_suspected",
                cell_text(tr, m.cell(&s.visited_suspected_sites)).into(),
            ),
        ],
    )
}

pub(crate) fn raids_summary(m: &Model<'_, '_>) -> String {
    let i = &m.figures.interventions;
    let tr = m.tr;
    let c = |f| cell_text(tr, m.cell(f));
    tr.f(
        "report-raids-summary",
        &[
            (
                "had",
                counted(tr, m.cell(&i.sites_with_intervention), "count-sites-had").into(),
            ),
            ("operating", c(&i.operating_after).into()),
            ("not_operating", c(&i.not_operating_after).into()),
            ("uncertain", c(&i.uncertain).into()),
            ("unobserved", c(&i.unobserved).into()),
        ],
    )
}

pub(crate) fn survivors_summary(m: &Model<'_, '_>) -> String {
    let p = &m.figures.persons;
    let tr = m.tr;
    let c = |f| cell_text(tr, m.cell(f));
    tr.f(
        "report-survivors-summary",
        &[
            ("survivors", c(&p.survivors_interviewed).into()),
            (
                "nationalities",
                counted(tr, m.cell(&p.nationalities), "count-nationalities").into(),
            ),
            ("minors", c(&p.minors_interviewed).into()),
            (
                "ill_treated",
                c(&p.minors_interviewed_reporting_ill_treatment).into(),
            ),
            ("others", c(&p.other_victim_records).into()),
        ],
    )
}

pub(crate) fn incidents_summary(m: &Model<'_, '_>) -> String {
    m.tr.f(
        "report-incidents-summary",
        &[(
            "deaths",
            cell_text(m.tr, m.cell(&m.figures.incidents.deaths)).into(),
        )],
    )
}

pub(crate) fn outcome_label(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::OperatingAfter => "Operating after",
        Outcome::NotOperatingAfter => "Not operating after",
        Outcome::Uncertain(_) => "Uncertain",
        Outcome::Unobserved => "Unobserved",
    }
}

/// The label of an outcome key (`operating_after`, ...).
pub(crate) fn outcome_key_label(tr: Tr, key: &str) -> String {
    tr.t(match key {
        "operating_after" => "outcome-operating_after",
        "not_operating_after" => "outcome-not_operating_after",
        "uncertain" => "outcome-uncertain",
        _ => "outcome-unobserved",
    })
}

pub(crate) fn outcome_label_in(tr: Tr, outcome: Outcome) -> String {
    outcome_key_label(tr, outcome.as_str())
}

/// Why the outcome is what it is, in a few words.
pub(crate) fn outcome_reason(tr: Tr, row: &SiteRow<'_, '_>) -> String {
    let outcome = row.outcome;
    let date = outcome
        .observation_date
        .map(|d| date_text(tr, &d))
        .unwrap_or_default();
    let status = row
        .observations
        .iter()
        .find(|o| o.deciding)
        .map(|o| status_label_in(tr, o.status.as_str()).to_lowercase())
        .unwrap_or_default();
    let args = [("date", date.into()), ("status", status.into())];
    let key = match outcome.outcome {
        Outcome::OperatingAfter => "reason-operating-after",
        Outcome::NotOperatingAfter => "reason-not-operating-after",
        Outcome::Uncertain(Uncertainty::OverlapsIntervention) => "reason-overlaps",
        Outcome::Uncertain(Uncertainty::ConflictingObservations) => "reason-conflicting",
        Outcome::Unobserved => "reason-unobserved",
    };
    tr.f(key, &args)
}

pub(crate) fn status_label(status: &str) -> &'static str {
    STATUSES
        .iter()
        .find(|(key, _)| *key == status)
        .map_or("Unknown", |(_, label)| label)
}

/// A latest-status key's label in the interface language.
pub(crate) fn status_label_in(tr: Tr, status: &str) -> String {
    tr.t(match status {
        "operating" => "status-operating",
        "closed" => "status-closed",
        "under_construction" => "status-under_construction",
        "relocated" => "status-relocated",
        "uncertain" => "status-uncertain",
        "unobserved" => "status-unobserved",
        _ => "status-unknown",
    })
}

pub(crate) fn intervention_label(kind: InterventionType) -> &'static str {
    match kind {
        InterventionType::Raid => "raid",
        InterventionType::Rescue => "rescue",
        InterventionType::Inspection => "inspection",
        InterventionType::ClosureOrder => "closure order",
        InterventionType::Other => "other intervention",
    }
}

pub(crate) fn intervention_label_in(tr: Tr, kind: InterventionType) -> String {
    tr.t(match kind {
        InterventionType::Raid => "intervention-raid",
        InterventionType::Rescue => "intervention-rescue",
        InterventionType::Inspection => "intervention-inspection",
        InterventionType::ClosureOrder => "intervention-closure_order",
        InterventionType::Other => "intervention-other",
    })
}

pub(crate) fn category_label(category: SiteCategory) -> &'static str {
    match category {
        SiteCategory::ScamCompound => "Scam compound",
        SiteCategory::SuspectedSite => "Suspected site",
    }
}

pub(crate) fn category_label_in(tr: Tr, category: SiteCategory) -> String {
    vocab_label(tr, category.as_str())
}

/// A vocabulary value's label (`sale_or_transfer` -> `Sale or transfer`), by the
/// field table's key ([`zonewatch_model::fields::value_label_key`]).
pub(crate) fn vocab_label(tr: Tr, value: &str) -> String {
    let key = zonewatch_model::fields::value_label_key(value);
    if tr.has(&key) {
        tr.t(&key)
    } else {
        zonewatch_model::fields::value_label(value)
    }
}

/// `Thailand (TH)`, or the code alone for a country the messages do not name.
pub(crate) fn country_label(tr: Tr, code: &str) -> String {
    let key = format!("country-{code}");
    if code.len() == 2 && tr.has(&key) {
        tr.f(
            "report-country",
            &[("name", tr.t(&key).into()), ("code", code.into())],
        )
    } else {
        code.to_owned()
    }
}

/// The banner and its explanation: what kind of report this is.
pub(crate) fn audience_note(options: &ReportOptions, tr: Tr) -> (String, String) {
    match options.public {
        Some(threshold) if threshold > 1 => (
            tr.t("report-banner-public"),
            tr.f(
                "report-audience-public",
                &[
                    ("below", tr.num(threshold - 1).into()),
                    ("threshold", tr.num(threshold).into()),
                ],
            ),
        ),
        Some(_) => (
            tr.t("report-banner-public"),
            tr.t("report-audience-public-one"),
        ),
        None => (
            tr.t("report-banner-internal"),
            tr.t("report-audience-internal"),
        ),
    }
}

/// A paragraph of the methods section: plain text with `code` spans in backticks.
pub(crate) struct Definition {
    pub term: String,
    pub text: String,
}

/// Every definition the report uses (FORMAT.md, DOMAIN.md), by the message keys
/// of its term and its text.
const DEFINITIONS: [(&str, &str); 19] = [
    ("def-figures-term", "def-figures"),
    ("def-dates-term", "def-dates"),
    ("def-sites-term", "def-sites"),
    ("def-latest-status-term", "def-latest-status"),
    ("def-intervention-outcome-term", "def-intervention-outcome"),
    ("def-usable-testimony-term", "def-usable-testimony"),
    (
        "def-survivors-interviewed-term",
        "def-survivors-interviewed",
    ),
    ("def-minors-term", "def-minors"),
    ("def-ill-treatment-term", "def-ill-treatment"),
    ("def-other-victim-records-term", "def-other-victim-records"),
    ("def-incidents-and-deaths-term", "def-incidents-and-deaths"),
    ("def-recruitment-channels-term", "def-recruitment-channels"),
    (
        "def-facts-behind-the-legal-tests-term",
        "def-facts-behind-the-legal-tests",
    ),
    ("def-forced-labour-term", "def-forced-labour"),
    ("def-slavery-indicated-term", "def-slavery-indicated"),
    (
        "def-trafficking-in-persons-term",
        "def-trafficking-in-persons",
    ),
    ("def-child-trafficking-term", "def-child-trafficking"),
    (
        "def-not-a-legal-determination-term",
        "def-not-a-legal-determination",
    ),
    ("def-trace-term", "def-trace"),
];

/// Every definition the report uses (FORMAT.md, DOMAIN.md).
pub(crate) fn definitions(options: &ReportOptions, tr: Tr) -> Vec<Definition> {
    let def = |(term, text): &(&str, &str)| Definition {
        term: tr.t(term),
        text: tr.t(text),
    };
    let suppression = match options.public {
        Some(t) if t > 1 => tr.f(
            "def-suppression-public",
            &[
                ("below", tr.num(t - 1).into()),
                ("threshold", tr.num(t).into()),
            ],
        ),
        Some(_) => tr.t("def-suppression-public-one"),
        None => tr.t("def-suppression-internal"),
    };
    let mut all: Vec<Definition> = DEFINITIONS.iter().take(18).map(def).collect();
    all.push(Definition {
        term: tr.t("def-suppression-term"),
        text: suppression,
    });
    all.extend(DEFINITIONS.iter().skip(18).map(def));
    all
}

// ---------------------------------------------------------------------------
// Escaping

/// Text for HTML element content and attribute values (double- or single-quoted).
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and newline are not allowed in HTML.
            c if c.is_control() && c != '\t' && c != '\n' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Text for an inline position in GitHub-flavoured Markdown, table cells included:
/// a user's text can neither become markup (emphasis, links, raw HTML) nor break
/// out of its table cell or line.
pub(crate) fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            // Entities, so that no renderer sees a tag or an entity of the user's.
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            // A line break would end a table row, or start a block.
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Splits text written with `code` spans into (is_code, text) parts.
pub(crate) fn spans(text: &str) -> impl Iterator<Item = (bool, &str)> {
    text.split('`')
        .enumerate()
        .filter(|(_, part)| !part.is_empty())
        .map(|(i, part)| (i % 2 == 1, part))
}
