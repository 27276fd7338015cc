//! Every output a person reads — the report, assessments, a site's timeline, exports
//! in every format — made here, under one rule of who sees what: [`Visibility`].
//!
//! | actor asks for | gets |
//! | --- | --- |
//! | a public output (`--public`; always, for a viewer) | the records marked `public`, without restricted fields, and counts with small ones suppressed; internal and restricted records are counted, never named, placed or traced |
//! | an internal output (analyst and above) | every record without restricted fields |
//! | an output with restricted fields (investigator and above, unlocked, no `--redact`) | every record with them; the read is audited |
//!
//! docs/SECURITY.md states the same table per output.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;

pub use zonewatch_findings::Locale;
use zonewatch_findings::{
    assess, assess_all, assessments_json, render_assessments_text_in, report, report_html,
    report_html_in, report_markdown, report_markdown_in, site_timeline, Dataset, Figures,
    ReportOptions, DEFAULT_THRESHOLD,
};
use zonewatch_interop::{
    ftm_entities, sites_geojson, write_csv, Counts, CsvOptions, FtmOptions, GeoJsonOptions,
};
use zonewatch_model::{Kind, Record, Sensitivity};
use zonewatch_store::export::{export_jsonl, ExportOptions};
use zonewatch_store::load::{load_records, Fields};

use crate::{Action, App, AppError, Result};

/// What one output may show, decided by [`App::visibility`] from the actor and what
/// they asked for. The one policy every report and export applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Visibility {
    /// `Some(threshold)`: a public output. Only records marked `public` are named,
    /// placed or traced; counts of persons and incidents below the threshold are
    /// suppressed.
    pub public: Option<u64>,
    /// Restricted fields are opened (needs the unlocked key ring; audited).
    pub restricted: bool,
}

impl Visibility {
    /// Whether a record with this sensitivity may be written out whole.
    pub fn shows(&self, sensitivity: Sensitivity) -> bool {
        self.public.is_none() || sensitivity == Sensitivity::Public
    }

    pub fn is_public(&self) -> bool {
        self.public.is_some()
    }
}

/// What a caller asks of an output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ask {
    /// A public output (`--public`).
    pub public: bool,
    /// Leave restricted fields out (`--redact`).
    pub redact: bool,
    /// The small-cell threshold of a public output; [`DEFAULT_THRESHOLD`] when unset.
    pub threshold: Option<u64>,
}

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    Geojson,
    Ftm,
}

/// A computed report, rendered on demand.
pub struct Report {
    dataset: Dataset,
    options: ReportOptions,
}

impl Report {
    pub fn is_public(&self) -> bool {
        self.options.public.is_some()
    }

    /// The FORMAT.md report object.
    pub fn json(&self) -> serde_json::Value {
        report(&self.dataset, &self.options)
    }

    pub fn markdown(&self) -> String {
        report_markdown(&self.dataset, &self.options)
    }

    /// One self-contained HTML document.
    pub fn html(&self) -> String {
        report_html(&self.dataset, &self.options)
    }

    /// The Markdown report in `locale`.
    pub fn markdown_in(&self, locale: Locale) -> String {
        let figures = Figures::compute(&self.dataset);
        report_markdown_in(&self.dataset, &figures, &self.options, locale)
    }

    /// The HTML report in `locale`.
    pub fn html_in(&self, locale: Locale) -> String {
        let figures = Figures::compute(&self.dataset);
        report_html_in(&self.dataset, &figures, &self.options, locale)
    }
}

/// The legal tests of one person or of everyone.
pub struct Assessments {
    dataset: Dataset,
    person: Option<String>,
}

impl Assessments {
    /// The FORMAT.md assessments array.
    pub fn json(&self) -> serde_json::Value {
        assessments_json(&self.list())
    }

    /// Plain text, one block per person.
    pub fn text(&self) -> String {
        self.text_in(Locale::En)
    }

    /// Plain text in `locale`.
    pub fn text_in(&self, locale: Locale) -> String {
        render_assessments_text_in(&self.dataset, &self.list(), locale)
    }

    fn list(&self) -> Vec<zonewatch_findings::Assessment<'_>> {
        match &self.person {
            Some(id) => assess(&self.dataset, id).into_iter().collect(),
            None => assess_all(&self.dataset),
        }
    }
}

fn inconsistent(e: impl std::fmt::Display) -> AppError {
    AppError::Invalid(format!("the database holds inconsistent records: {e}"))
}

impl App {
    /// What an output asked for with `ask` may show this actor: a viewer's is always
    /// public; restricted fields only for roles that may read them (an analyst who
    /// asks without `redact` is refused), never in a public output.
    pub fn visibility(&self, ask: Ask) -> Result<Visibility> {
        self.require(Action::ReadPublic)?;
        let public = ask.public || !self.may(Action::ReadInternal);
        let threshold = ask.threshold.unwrap_or(DEFAULT_THRESHOLD);
        if threshold < 2 {
            // A threshold of 1 would show every count exactly: refused, not raised.
            return Err(AppError::Invalid(
                "the threshold must be a whole number of at least 2".into(),
            ));
        }
        let restricted = !public && !ask.redact;
        if restricted {
            // Asked for restricted fields without the role: refused, not redacted
            // behind their back (`--redact` says it).
            self.require(Action::ReadRestricted)?;
        }
        Ok(Visibility {
            public: public.then_some(threshold),
            restricted,
        })
    }

    /// The findings report as the actor may read it. An internal report asked for
    /// by a viewer is refused (they get the public one by asking for it).
    pub fn report(&mut self, public: bool, threshold: Option<u64>, trace: bool) -> Result<Report> {
        if !public && !self.may(Action::ReadInternal) {
            return Err(AppError::Invalid(format!(
                "{} (role {}) may read the public report only: ask for the public report (--public)",
                self.actor.name, self.actor.role
            )));
        }
        let visibility = self.visibility(Ask {
            public,
            redact: true,
            threshold,
        })?;
        // Figures count every record; the public rule is applied when rendering.
        let records = load_records(self.store.as_mut(), &[], Fields::Open)?;
        Ok(Report {
            dataset: Dataset::new(records).map_err(inconsistent)?,
            options: ReportOptions {
                public: visibility.public,
                trace,
            },
        })
    }

    /// The legal tests (DOMAIN.md) of one person or of every person: an internal
    /// output (analyst and above). `Ok(None)` when there is no such person.
    pub fn assess(&mut self, person: Option<&str>) -> Result<Option<Assessments>> {
        self.require(Action::ReadInternal)?;
        let records = load_records(self.store.as_mut(), &[], Fields::Open)?;
        let dataset = Dataset::new(records).map_err(inconsistent)?;
        if let Some(id) = person {
            if assess(&dataset, id).is_none() {
                return Ok(None);
            }
        }
        Ok(Some(Assessments {
            dataset,
            person: person.map(str::to_owned),
        }))
    }

    /// One site's timeline as text: its observations and interventions, the outcome
    /// of the latest raid. Reads only the site's own records. `Ok(None)` when there
    /// is no such site.
    pub fn timeline(&mut self, site: &str) -> Result<Option<String>> {
        self.require(Action::ReadInternal)?;
        let records = self.load_site_records(site)?;
        let dataset = Dataset::new(records).map_err(inconsistent)?;
        Ok(site_timeline(&dataset, site).map(|t| t.render_text()))
    }

    /// Writes one export (CSV: of one kind) as the actor may see it; returns the
    /// number of records (sites for GeoJSON, entities for FollowTheMoney).
    pub fn export(
        &mut self,
        format: ExportFormat,
        kind: Option<Kind>,
        ask: Ask,
        out: &mut dyn Write,
    ) -> Result<u64> {
        let visibility = self.visibility(ask)?;
        match format {
            ExportFormat::Jsonl => self.export_jsonl(kind, visibility, out),
            ExportFormat::Csv => {
                let kind = kind.ok_or_else(|| {
                    AppError::Invalid(
                        "CSV holds one kind: give --kind KIND, or --output DIR for one file per kind"
                            .into(),
                    )
                })?;
                let records = self.load_visible(&[kind], visibility)?;
                let records = match visibility.public {
                    // References into other kinds are checked against all of them.
                    Some(_) => {
                        let named = self.publicly_named()?;
                        public_view(records, &named)
                    }
                    None => records,
                };
                write_csv_of(kind, &records, visibility, out)
            }
            ExportFormat::Geojson | ExportFormat::Ftm => {
                let records = self.load_visible(&[], visibility)?;
                let dataset = Dataset::new(records).map_err(inconsistent)?;
                let include_restricted = visibility.restricted;
                let public_only = visibility.is_public();
                let mut count = 0u64;
                if format == ExportFormat::Geojson {
                    let counts = match visibility.public {
                        Some(threshold) => Counts::Suppressed { threshold },
                        None => Counts::Exact,
                    };
                    let options = GeoJsonOptions {
                        include_restricted,
                        public_only,
                        counts,
                    };
                    let collection = sites_geojson(&dataset, options);
                    count = collection["features"]
                        .as_array()
                        .map_or(0, |f| f.len() as u64);
                    serde_json::to_writer(&mut *out, &collection).map_err(io_error)?;
                    out.write_all(b"\n").map_err(store_io)?;
                } else {
                    let options = FtmOptions {
                        include_restricted,
                        public_only,
                    };
                    for entity in ftm_entities(&dataset, options) {
                        serde_json::to_writer(&mut *out, &entity).map_err(io_error)?;
                        out.write_all(b"\n").map_err(store_io)?;
                        count += 1;
                    }
                }
                out.flush().map_err(store_io)?;
                Ok(count)
            }
        }
    }

    /// Writes one CSV file per kind, each to the writer `open` gives for it;
    /// returns the number of rows in all.
    pub fn export_csv_all(
        &mut self,
        ask: Ask,
        open: &mut dyn FnMut(Kind) -> std::io::Result<Box<dyn Write>>,
    ) -> Result<u64> {
        let visibility = self.visibility(ask)?;
        let mut records = self.load_visible(&[], visibility)?;
        if visibility.is_public() {
            let named: HashSet<String> = records
                .iter()
                .filter(|r| r.sensitivity == Sensitivity::Public)
                .map(|r| r.id.clone())
                .collect();
            records = public_view(records, &named);
        }
        let mut written = 0;
        for kind in Kind::ALL {
            let mut out = open(*kind).map_err(store_io)?;
            let of_kind: Vec<Record> = records
                .iter()
                .filter(|r| r.kind() == *kind)
                .cloned()
                .collect();
            written += write_csv_of(*kind, &of_kind, visibility, out.as_mut())?;
        }
        Ok(written)
    }

    /// The records of `kinds` (all when empty) an output with `visibility` writes,
    /// restricted fields opened when it shows them (audited). A public output gets
    /// every record without restricted fields and leaves out what it may not name
    /// as it writes: GeoJSON counts persons at a site from records it never writes.
    fn load_visible(&mut self, kinds: &[Kind], visibility: Visibility) -> Result<Vec<Record>> {
        if !visibility.restricted {
            return Ok(load_records(self.store.as_mut(), kinds, Fields::Open)?);
        }
        self.require(Action::ReadRestricted)?;
        if !self.has_restricted(None)? {
            return Ok(load_records(self.store.as_mut(), kinds, Fields::Open)?);
        }
        let opener = self.opener("an export with restricted fields (or use --redact)")?;
        let records = load_records(self.store.as_mut(), kinds, Fields::All(&opener))?;
        let ids: Vec<String> = self
            .ids_with_restricted(None)?
            .into_iter()
            .filter(|id| records.iter().any(|r| &r.id == id))
            .collect();
        if !ids.is_empty() {
            let mut details = BTreeMap::new();
            details.insert("count".into(), records.len().to_string());
            self.audit("export-restricted", ids, details)?;
        }
        Ok(records)
    }

    /// The ids of every record marked public: all a public output may name.
    fn publicly_named(&mut self) -> Result<HashSet<String>> {
        let mut named = HashSet::new();
        for kind in Kind::ALL {
            self.store.scan_kind(*kind, &mut |row| {
                if row.sensitivity == Sensitivity::Public {
                    named.insert(row.id);
                }
                Ok(())
            })?;
        }
        Ok(named)
    }

    fn export_jsonl(
        &mut self,
        kind: Option<Kind>,
        visibility: Visibility,
        out: &mut dyn Write,
    ) -> Result<u64> {
        if visibility.is_public() {
            // Records marked public, each naming only records marked public.
            let named = self.publicly_named()?;
            let kinds: Vec<Kind> = kind.into_iter().collect();
            let records = load_records(self.store.as_mut(), &kinds, Fields::Open)?;
            let mut count = 0;
            for record in public_view(records, &named) {
                out.write_all(record.to_line().as_bytes())
                    .map_err(store_io)?;
                out.write_all(b"\n").map_err(store_io)?;
                count += 1;
            }
            return Ok(count);
        }
        let options = ExportOptions {
            kind,
            redact: !visibility.restricted,
            only_public: visibility.is_public(),
        };
        if options.redact {
            return Ok(export_jsonl(self.store.as_mut(), &options, None, out)?);
        }
        let ids = self.ids_with_restricted(kind)?;
        if ids.is_empty() {
            // Nothing restricted to open: no key needed, nothing to audit.
            return Ok(export_jsonl(self.store.as_mut(), &options, None, out)?);
        }
        let opener = self.opener("an export with restricted fields (or use --redact)")?;
        let count = export_jsonl(self.store.as_mut(), &options, Some(&opener), out)?;
        let mut details = BTreeMap::new();
        details.insert("count".into(), count.to_string());
        if let Some(kind) = kind {
            details.insert("kind".into(), kind.to_string());
        }
        self.audit("export-restricted", ids, details)?;
        Ok(count)
    }
}

/// The records a public output writes: those marked public, each without its
/// references to records not marked public (or withheld when it cannot do without
/// one: [`Record::naming_only`]).
fn public_view(records: Vec<Record>, named: &HashSet<String>) -> Vec<Record> {
    records
        .into_iter()
        .filter(|r| r.sensitivity == Sensitivity::Public)
        .filter_map(|r| r.naming_only(&|id| named.contains(id)))
        .collect()
}

/// A CSV of one kind: the records the output may name, one row each.
fn write_csv_of(
    kind: Kind,
    records: &[Record],
    visibility: Visibility,
    out: &mut dyn Write,
) -> Result<u64> {
    let options = CsvOptions {
        include_restricted: visibility.restricted,
    };
    let rows = records
        .iter()
        .filter(|r| r.kind() == kind && visibility.shows(r.sensitivity));
    let written = write_csv(kind, rows, &mut *out, options).map_err(|e| match e {
        zonewatch_interop::CsvExportError::Io(e) => store_io(e),
        other => AppError::Invalid(other.to_string()),
    })?;
    out.flush().map_err(store_io)?;
    Ok(written as u64)
}

fn store_io(e: std::io::Error) -> AppError {
    AppError::Store(e.into())
}

fn io_error(e: serde_json::Error) -> AppError {
    AppError::Store(std::io::Error::from(e).into())
}
