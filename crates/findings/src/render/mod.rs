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
    markdown::render(&Model::new(dataset, figures, options))
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
    html::render(&Model::new(dataset, figures, options))
}

// ---------------------------------------------------------------------------
// The model both renderers read

/// The figures and the dataset, with the report options that decide what is shown.
pub(crate) struct Model<'r, 'a> {
    pub ds: &'a Dataset,
    pub figures: &'r Figures<'a>,
    pub options: ReportOptions,
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
    pub title: &'static str,
    pub rows: Vec<Row<'r, 'a>>,
}

/// Sites of one latest status, by category.
pub(crate) struct StatusRow<'r, 'a> {
    pub status: &'static str,
    pub label: &'static str,
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

/// The province a public report shows for sites not marked public.
pub(crate) const WITHHELD_PLACE: &str = "(sites not marked public)";

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
            label: label.to_owned(),
            figure,
        };
        let (s, i, p, l) = (&f.sites, &f.interventions, &f.persons, &f.legal);
        vec![
            Group {
                title: "Sites",
                rows: vec![
                    row("sites.scam_compounds", "Scam compounds", &s.scam_compounds),
                    row(
                        "sites.suspected_sites",
                        "Suspected sites",
                        &s.suspected_sites,
                    ),
                    row(
                        "sites.visited.scam_compounds",
                        "Scam compounds visited in the field",
                        &s.visited_scam_compounds,
                    ),
                    row(
                        "sites.visited.suspected_sites",
                        "Suspected sites visited in the field",
                        &s.visited_suspected_sites,
                    ),
                ],
            },
            Group {
                title: "Raids and rescues",
                rows: vec![
                    row(
                        "interventions.sites_with_intervention",
                        "Sites with a raid or rescue",
                        &i.sites_with_intervention,
                    ),
                    row(
                        "interventions.operating_after",
                        "… operating after the latest raid or rescue",
                        &i.operating_after,
                    ),
                    row(
                        "interventions.not_operating_after",
                        "… not operating after it",
                        &i.not_operating_after,
                    ),
                    row(
                        "interventions.uncertain",
                        "… uncertain (order unknown or observations disagree)",
                        &i.uncertain,
                    ),
                    row(
                        "interventions.unobserved",
                        "… unobserved since",
                        &i.unobserved,
                    ),
                ],
            },
            Group {
                title: "Survivors and victims",
                rows: vec![
                    row(
                        "persons.survivors_interviewed",
                        "Survivors interviewed",
                        &p.survivors_interviewed,
                    ),
                    row(
                        "persons.nationalities",
                        "Nationalities among them",
                        &p.nationalities,
                    ),
                    row(
                        "persons.minors_interviewed",
                        "Minors among them (under 18 at entry)",
                        &p.minors_interviewed,
                    ),
                    row(
                        "persons.minors_interviewed_reporting_ill_treatment",
                        "… of whom reporting ill-treatment",
                        &p.minors_interviewed_reporting_ill_treatment,
                    ),
                    row(
                        "persons.other_victim_records",
                        "Other victim records (no usable testimony)",
                        &p.other_victim_records,
                    ),
                    row(
                        "incidents.deaths",
                        "Persons who died (victims of a death incident)",
                        &f.incidents.deaths,
                    ),
                ],
            },
            Group {
                title: "Legal tests (persons for whom the test is met)",
                rows: self.legal_rows_from(l),
            },
        ]
    }

    fn legal_rows_from(&self, l: &'r crate::figures::LegalFigures<'a>) -> Vec<Row<'r, 'a>> {
        let row = |key: &str, label: &str, figure| Row {
            key: Some(key.to_owned()),
            label: label.to_owned(),
            figure,
        };
        vec![
            row(
                "legal.trafficking",
                "Trafficking in persons",
                &l.trafficking,
            ),
            row("legal.forced_labour", "Forced labour", &l.forced_labour),
            row(
                "legal.slavery_indicated",
                "Slavery indicated",
                &l.slavery_indicated,
            ),
            row(
                "legal.child_trafficking",
                "Child trafficking",
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
            .map(|(&(key, label), figure)| Row {
                key: Some(format!("interventions.{key}")),
                label: label.to_owned(),
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
                .map(|(&code, figure)| (code, country_label(code), figure)),
        )
    }

    pub fn incident_rows(&self) -> Vec<Row<'r, 'a>> {
        self.breakdown(
            "incidents.by_type",
            self.figures
                .incidents
                .by_type
                .iter()
                .map(|(&kind, figure)| (kind, humanize(kind), figure)),
        )
    }

    pub fn channel_rows(&self) -> Vec<Row<'r, 'a>> {
        self.breakdown(
            "recruitment.by_channel",
            self.figures
                .recruitment
                .by_channel
                .iter()
                .map(|(&channel, figure)| (channel, channel_label(channel), figure)),
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
            .map(|&(status, label)| {
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
                Some(WITHHELD_PLACE.to_owned())
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
// Words shared by both formats

pub(crate) const TITLE: &str = "Scam compounds, raids and survivors: findings report";

/// The disclaimer at the head of the legal tests (DOMAIN.md: an aid for a human
/// analyst, not a legal determination).
pub(crate) const LEGAL_NOTE: &str = "The legal tests are an \
aid to a human analyst, not a legal determination: they apply the definitions below to \
what the records hold, and nothing else. A test is met or not established, and \
\"not established\" means the records do not show it, never that it did not happen. \
Review the facts and records behind each result (`zonewatch assess`) before relying on it.";

/// `1 site`, `2 sites`, `<5 sites`.
pub(crate) fn counted(cell: Cell, one: &str, many: &str) -> String {
    match cell {
        Cell::Count(1) => format!("1 {one}"),
        other => format!("{other} {many}"),
    }
}

// The summary sentences of each section, the same in both formats. They hold no
// text from the records (numbers and fixed words only), so Markdown prints them
// as they are and HTML escapes them.

pub(crate) fn sites_summary(m: &Model<'_, '_>) -> String {
    let s = &m.figures.sites;
    format!(
        "Recorded: {} and {}. Visited in the field (at least one observation with basis \
         field visit): {} of the scam compounds and {} of the suspected sites.",
        counted(m.cell(&s.scam_compounds), "scam compound", "scam compounds"),
        counted(
            m.cell(&s.suspected_sites),
            "suspected site",
            "suspected sites"
        ),
        m.cell(&s.visited_scam_compounds),
        m.cell(&s.visited_suspected_sites),
    )
}

pub(crate) fn raids_summary(m: &Model<'_, '_>) -> String {
    let i = &m.figures.interventions;
    let had = match m.cell(&i.sites_with_intervention) {
        Cell::Count(1) => "1 site had".to_owned(),
        other => format!("{other} sites had"),
    };
    format!(
        "{had} at least one raid or rescue. Outcome of the latest one: {} observed \
         operating after it, {} observed not operating (closed, under construction or \
         relocated), {} uncertain, {} not observed since. A site seen operating after a \
         raid is a lead for follow-up, not proof of continued abuse; an uncertain \
         outcome means the dates recorded cannot order the events.",
        m.cell(&i.operating_after),
        m.cell(&i.not_operating_after),
        m.cell(&i.uncertain),
        m.cell(&i.unobserved),
    )
}

pub(crate) fn survivors_summary(m: &Model<'_, '_>) -> String {
    let p = &m.figures.persons;
    format!(
        "Survivors interviewed (role survivor or victim, at least one usable testimony): \
         {}, of {}. Minors at entry among them: {}, of whom {} report ill-treatment. \
         Other victim records (role survivor or victim, no usable testimony): {}.",
        m.cell(&p.survivors_interviewed),
        counted(m.cell(&p.nationalities), "nationality", "nationalities"),
        m.cell(&p.minors_interviewed),
        m.cell(&p.minors_interviewed_reporting_ill_treatment),
        m.cell(&p.other_victim_records),
    )
}

pub(crate) fn incidents_summary(m: &Model<'_, '_>) -> String {
    format!(
        "Incidents recorded, by type: one per incident record, whatever the number of \
         victims. Persons who are victims of an incident of type death: {}.",
        m.cell(&m.figures.incidents.deaths)
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

/// Why the outcome is what it is, in a few words.
pub(crate) fn outcome_reason(row: &SiteRow<'_, '_>) -> String {
    let outcome = row.outcome;
    let date = outcome
        .observation_date
        .map(|d| d.to_string())
        .unwrap_or_default();
    let status = row
        .observations
        .iter()
        .find(|o| o.deciding)
        .map(|o| status_label(o.status.as_str()).to_lowercase())
        .unwrap_or_default();
    match outcome.outcome {
        Outcome::OperatingAfter => format!("observed operating after it ({date})"),
        Outcome::NotOperatingAfter => format!("observed {status} after it ({date})"),
        Outcome::Uncertain(Uncertainty::OverlapsIntervention) => format!(
            "the latest observation ({date}, {status}) overlaps its date: which came first is not known"
        ),
        Outcome::Uncertain(Uncertainty::ConflictingObservations) => {
            format!("the latest observations ({date}) disagree")
        }
        Outcome::Unobserved => "no observation dated after it or overlapping it".to_owned(),
    }
}

pub(crate) fn status_label(status: &str) -> &'static str {
    STATUSES
        .iter()
        .find(|(key, _)| *key == status)
        .map_or("Unknown", |(_, label)| label)
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

pub(crate) fn category_label(category: SiteCategory) -> &'static str {
    match category {
        SiteCategory::ScamCompound => "Scam compound",
        SiteCategory::SuspectedSite => "Suspected site",
    }
}

/// `sale_or_transfer` -> `Sale or transfer`.
pub(crate) fn humanize(key: &str) -> String {
    let text = key.replace('_', " ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub(crate) fn channel_label(channel: &str) -> String {
    match channel {
        "whatsapp" => "WhatsApp".to_owned(),
        "tiktok" => "TikTok".to_owned(),
        "wechat" => "WeChat".to_owned(),
        "line" => "LINE".to_owned(),
        other => humanize(other),
    }
}

/// `Thailand (TH)`, or the code alone for a country not in the short list.
pub(crate) fn country_label(code: &str) -> String {
    match country_name(code) {
        Some(name) => format!("{name} ({code})"),
        None => code.to_owned(),
    }
}

/// English short names of the countries most often seen in this work.
pub(crate) fn country_name(code: &str) -> Option<&'static str> {
    const NAMES: &[(&str, &str)] = &[
        ("AF", "Afghanistan"),
        ("AU", "Australia"),
        ("BD", "Bangladesh"),
        ("BN", "Brunei"),
        ("BR", "Brazil"),
        ("BT", "Bhutan"),
        ("CA", "Canada"),
        ("CM", "Cameroon"),
        ("CN", "China"),
        ("CZ", "Czechia"),
        ("DE", "Germany"),
        ("EG", "Egypt"),
        ("ER", "Eritrea"),
        ("ET", "Ethiopia"),
        ("FR", "France"),
        ("GB", "United Kingdom"),
        ("GH", "Ghana"),
        ("HK", "Hong Kong"),
        ("ID", "Indonesia"),
        ("IN", "India"),
        ("IR", "Iran"),
        ("JP", "Japan"),
        ("KE", "Kenya"),
        ("KG", "Kyrgyzstan"),
        ("KH", "Cambodia"),
        ("KR", "South Korea"),
        ("KZ", "Kazakhstan"),
        ("LA", "Laos"),
        ("LK", "Sri Lanka"),
        ("MA", "Morocco"),
        ("MM", "Myanmar"),
        ("MN", "Mongolia"),
        ("MO", "Macao"),
        ("MY", "Malaysia"),
        ("NG", "Nigeria"),
        ("NP", "Nepal"),
        ("NZ", "New Zealand"),
        ("PH", "Philippines"),
        ("PK", "Pakistan"),
        ("RU", "Russia"),
        ("SG", "Singapore"),
        ("TH", "Thailand"),
        ("TJ", "Tajikistan"),
        ("TL", "Timor-Leste"),
        ("TR", "Türkiye"),
        ("TW", "Taiwan"),
        ("TZ", "Tanzania"),
        ("UA", "Ukraine"),
        ("UG", "Uganda"),
        ("US", "United States"),
        ("UZ", "Uzbekistan"),
        ("VN", "Viet Nam"),
        ("ZA", "South Africa"),
    ];
    NAMES
        .binary_search_by(|(c, _)| c.cmp(&code))
        .ok()
        .map(|i| NAMES[i].1)
}

/// The banner and its explanation: what kind of report this is.
pub(crate) fn audience_note(options: &ReportOptions) -> (&'static str, String) {
    match options.public {
        Some(threshold) if threshold > 1 => (
            "PUBLIC REPORT",
            format!(
                "Counts of persons and of incidents from 1 to {} are shown as `<{threshold}`, \
                 in tables and in charts. Counts of sites are exact. No individual person \
                 is listed, by id or by alias.",
                threshold - 1
            ),
        ),
        Some(_) => (
            "PUBLIC REPORT",
            "The suppression threshold is 1, so no count is small enough to be hidden: \
             every count is exact. No individual person is listed, by id or by alias."
                .to_owned(),
        ),
        None => (
            "INTERNAL REPORT",
            "Exact counts. Contains sensitive information about survivors and \
             investigations: share only within the investigation team. For anything \
             published, make a public report (`--public`), which hides small counts \
             of persons and incidents."
                .to_owned(),
        ),
    }
}

/// A paragraph of the methods section: plain text with `code` spans in backticks.
pub(crate) struct Definition {
    pub term: &'static str,
    pub text: String,
}

/// Every definition the report uses (FORMAT.md, DOMAIN.md).
pub(crate) fn definitions(options: &ReportOptions) -> Vec<Definition> {
    let def = |term, text: &str| Definition {
        term,
        text: text.to_owned(),
    };
    let suppression = match options.public {
        Some(t) if t > 1 => format!(
            "This is a public report: every count of persons or of incidents from 1 to {} \
             is shown as `<{t}`, in tables and in charts (a suppressed bar is drawn \
             hatched at the threshold and labelled `<{t}`, never at its value), and \
             breakdowns list suppressed cells last, in key order, so their order reveals \
             nothing. Zero is shown as 0. Counts of sites are never suppressed (sites are \
             not persons). Suppression applies cell by cell, as the zonewatch format \
             defines it; there is no complementary suppression, so a reader may work out \
             a hidden cell by subtracting others from a total: check the tables before \
             publishing. No individual person is listed, by id or alias, and sites whose \
             record is restricted are shown by id only and left off the map.",
            t - 1
        ),
        Some(_) => "This is a public report with threshold 1: no count is small enough \
                    to be suppressed. No individual person is listed, by id or alias, \
                    and sites whose record is restricted are shown by id only and left \
                    off the map."
            .to_owned(),
        None => "This is an internal report: counts are exact. A public report \
                 (`--public`, threshold 5 unless set) shows every count of persons or of \
                 incidents from 1 to 4 as `<5`, in tables and charts, and lists no \
                 individual person. Counts of sites are never suppressed."
            .to_owned(),
    };
    vec![
        def(
            "Figures",
            "Every figure is computed from all the records in the database, as the \
             zonewatch v1 format defines it (FORMAT.md, \"Report\"). The key beside each \
             headline figure is its key in `zonewatch report --format json`, which gives \
             the same numbers for the same options. Nothing is sampled or estimated.",
        ),
        def(
            "Dates",
            "A date is a year (`2024`), a month (`2024-05`) or a day (`2024-05-20`), and \
             stands for the whole interval it names: `2024-05` is 1 to 31 May 2024. A \
             date is after another only when its interval starts after the other's ends. \
             Where two intervals overlap, which came first is unknown, and no figure \
             guesses it. Charts draw dates as bars covering their interval.",
        ),
        def(
            "Sites",
            "A site is a scam compound or a suspected site (its recorded category). A \
             site is visited when at least one status observation of it has basis \
             `field_visit`.",
        ),
        def(
            "Latest status",
            "Used for the charts and the map only (not a figure of the format). A site's \
             latest observations are those that no other observation of the same site is \
             after. When they agree, their status is the site's latest status; when they \
             overlap in time and disagree, it is uncertain; a site never observed is \
             unobserved.",
        ),
        def(
            "Intervention outcome",
            "Only raids and rescues count (not inspections, closure orders or other \
             interventions). For each site with at least one, take the latest: the latest \
             start of its date interval, then the latest end, then the greatest id. Keep \
             the site's status observations that are not before it (after it, or \
             overlapping it) and take the latest of them (latest start, then latest end). \
             The site is unobserved when none is kept; uncertain when that observation's \
             date overlaps the intervention's date, or when several kept observations \
             share that latest date and disagree on the status; operating after when it \
             is after the intervention and says `operating`; not operating after when it \
             is after the intervention and says `closed`, `under_construction` or \
             `relocated`. The four outcomes add up to the sites with a raid or rescue. \
             Example, for a raid on 2024-04-02: an observation dated 2024-04-20 is after \
             it; one dated 2024-04 or 2024 overlaps it (uncertain); one dated 2024-03 is \
             before it and is not used.",
        ),
        def(
            "Usable testimony",
            "A testimony whose consent is not `withdrawn`. A withdrawn testimony is kept \
             as evidence that an interview took place but contributes nothing to any \
             figure or legal test; incidents that name it still count like any other.",
        ),
        def(
            "Survivors interviewed",
            "Persons with role survivor or victim and at least one usable testimony. \
             Nationalities: the number of distinct nationalities among them (persons \
             without a recorded nationality are not counted). By nationality: survivors \
             interviewed of each nationality.",
        ),
        def(
            "Minors",
            "Among survivors interviewed, those whose age at entry (whole years when \
             recruited or first held) is under 18: 17 is a minor, 18 is not. Where the \
             age is not recorded, the person is not counted as a minor.",
        ),
        def(
            "Ill-treatment",
            "A minor interviewed reports ill-treatment when they are a victim of an \
             incident of type torture, beating, electric shock or sexual violence, or \
             when a usable testimony of theirs records the finding \
             `ilo.physical_sexual_violence`.",
        ),
        def(
            "Other victim records",
            "Persons with role survivor or victim and no usable testimony (for example a \
             victim known from another source, or one whose only testimony was withdrawn).",
        ),
        def(
            "Incidents and deaths",
            "Incidents are counted by type, one per incident record whatever the number \
             of victims. Deaths counts persons who are victims of at least one incident \
             of type death.",
        ),
        def(
            "Recruitment channels",
            "Persons of any role whose recruitment record names that channel.",
        ),
        def(
            "Facts behind the legal tests",
            "A person's facts are the finding codes of their usable testimonies, plus \
             codes derived from structured records: a recruitment record gives \
             `tip.act.recruitment`; custody at a site gives `tip.act.harbouring`; being \
             a victim of an incident of sale or transfer gives `tip.act.transfer` and \
             `slavery.sale`; of torture, beating, electric shock or sexual violence, \
             `ilo.physical_sexual_violence` and `tip.means.force`; of threat, \
             `ilo.intimidation_threats` and `tip.means.threat`; of confinement, \
             `ilo.restriction_of_movement` and `tip.means.coercion`; of document \
             confiscation, `ilo.retention_of_documents`; of debt bondage, \
             `ilo.debt_bondage`; of withheld wages, `ilo.withholding_of_wages`; of \
             forced criminality, `tip.purpose.forced_criminality`. The code \
             `ilo.deception` also gives `tip.means.deception`, and \
             `ilo.abuse_of_vulnerability` gives `tip.means.abuse_of_vulnerability`.",
        ),
        def(
            "Forced labour",
            "ILO Forced Labour Convention, 1930 (No. 29), and the guidelines of the 20th \
             International Conference of Labour Statisticians (2018): work both \
             involuntary and exacted under the menace of a penalty. Met when the person \
             has at least one involuntariness indicator (`ilo.deception`, \
             `ilo.restriction_of_movement`, `ilo.abusive_conditions`, \
             `ilo.excessive_overtime`, `ilo.isolation`) and at least one coercion \
             indicator (`ilo.physical_sexual_violence`, `ilo.intimidation_threats`, \
             `ilo.retention_of_documents`, `ilo.withholding_of_wages`, \
             `ilo.debt_bondage`, `ilo.restriction_of_movement`, `ilo.isolation`, \
             `ilo.abuse_of_vulnerability`), and these are two different codes: one \
             indicator never counts as both.",
        ),
        def(
            "Slavery indicated",
            "1926 Slavery Convention, read with the Bellagio-Harvard guidelines (powers \
             attaching to the right of ownership): the person has any `slavery.*` code: \
             sold, bought or traded between operators (`slavery.sale`), told they were \
             someone's property or had to buy their freedom \
             (`slavery.ownership_claim`), or control amounting to possession \
             (`slavery.control_as_possession`).",
        ),
        def(
            "Trafficking in persons",
            "UN Palermo Protocol, article 3: met when the person has at least one act \
             (`tip.act.*`: recruitment, transportation, transfer, harbouring, receipt), \
             at least one purpose of exploitation (`tip.purpose.*`), and at least one \
             means (`tip.means.*`). The means are not required when the person was a \
             minor at entry. The purpose is also met when the forced-labour test is met \
             (`tip.purpose.forced_labour`) or slavery is indicated \
             (`tip.purpose.slavery`). Consent of the victim is irrelevant once means are \
             present.",
        ),
        def(
            "Child trafficking",
            "The trafficking test is met and the person was a minor (under 18) at entry.",
        ),
        def(
            "Not a legal determination",
            "The legal tests are an aid to a human analyst, not a legal determination. \
             They reflect only what the records hold: a test is met or not established, \
             and \"not established\" means the records do not show it, never that it did \
             not happen. `zonewatch assess` shows, for each person, the facts and \
             records behind each element and the elements missing.",
        ),
        Definition {
            term: "Small-cell suppression",
            text: suppression,
        },
        def(
            "Trace",
            "With `--trace`, each figure lists the sorted ids of the records that make it \
             up: sites, persons or incidents (for nationalities, the persons who have \
             them). A public report lists only the records of figures that count sites.",
        ),
    ]
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
