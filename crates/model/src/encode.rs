//! From a [`Record`] to its canonical v1 JSON (FORMAT.md, "Export form"): keys in
//! the documented order, absent fields left out, `sensitivity` only when it is not
//! `internal`.

use crate::date::PartialDate;
use crate::json::Json;
use crate::record::*;
use crate::vocab::*;

/// Builds one object's members in order, skipping absent values.
#[derive(Default)]
struct Members(Vec<(String, Json)>);

impl Members {
    fn put(&mut self, key: &str, value: Json) -> &mut Self {
        self.0.push((key.to_owned(), value));
        self
    }
    fn text(&mut self, key: &str, value: &str) -> &mut Self {
        self.put(key, Json::String(value.to_owned()))
    }
    fn opt_text(&mut self, key: &str, value: &Option<String>) -> &mut Self {
        if let Some(value) = value {
            self.text(key, value);
        }
        self
    }
    fn vocab<V: Vocabulary>(&mut self, key: &str, value: V) -> &mut Self {
        self.text(key, value.as_str())
    }
    fn opt_vocab<V: Vocabulary>(&mut self, key: &str, value: Option<V>) -> &mut Self {
        if let Some(value) = value {
            self.vocab(key, value);
        }
        self
    }
    fn date(&mut self, key: &str, value: PartialDate) -> &mut Self {
        self.put(key, Json::String(value.to_string()))
    }
    fn opt_date(&mut self, key: &str, value: Option<PartialDate>) -> &mut Self {
        if let Some(value) = value {
            self.date(key, value);
        }
        self
    }
    fn opt_count(&mut self, key: &str, value: Option<u64>) -> &mut Self {
        if let Some(value) = value {
            self.put(key, Json::Number(value.into()));
        }
        self
    }
    fn opt_number(&mut self, key: &str, value: Option<f64>) -> &mut Self {
        if let Some(value) = value {
            self.put(key, Json::from_f64(value));
        }
        self
    }
    fn list<T>(&mut self, key: &str, items: &[T], item: impl Fn(&T) -> Json) -> &mut Self {
        if !items.is_empty() {
            self.put(key, Json::Array(items.iter().map(item).collect()));
        }
        self
    }
    fn texts(&mut self, key: &str, items: &[String]) -> &mut Self {
        self.list(key, items, |s| Json::String(s.clone()))
    }
    fn object(self) -> Json {
        Json::Object(self.0)
    }
}

impl Record {
    /// The canonical JSON object of this record.
    pub fn to_json(&self) -> Json {
        let mut m = Members::default();
        m.vocab("kind", self.kind()).text("id", &self.id);
        match &self.body {
            Body::Source(s) => {
                m.text("title", &s.title)
                    .vocab("type", s.source_type)
                    .opt_text("url", &s.url)
                    .opt_date("date", s.date)
                    .opt_text("publisher", &s.publisher)
                    .opt_text("sha256", &s.sha256);
            }
            Body::Organization(o) => {
                m.text("name", &o.name)
                    .vocab("type", o.org_type)
                    .texts("aliases", &o.aliases)
                    .opt_text("country", &o.country);
            }
            Body::Site(s) => {
                m.text("name", &s.name)
                    .vocab("category", s.category)
                    .text("country", &s.country)
                    .opt_text("admin1", &s.admin1)
                    .opt_text("admin2", &s.admin2)
                    .opt_number("lat", s.location.map(|c| c.lat))
                    .opt_number("lon", s.location.map(|c| c.lon))
                    .opt_vocab("former_use", s.former_use)
                    .texts("aliases", &s.aliases)
                    .texts("operators", &s.operators);
            }
            Body::SiteStatus(s) => {
                m.text("site", &s.site)
                    .date("date", s.date)
                    .vocab("status", s.status)
                    .vocab("basis", s.basis)
                    .opt_text("relocated_to", &s.relocated_to)
                    .opt_text("note", &s.note);
            }
            Body::Intervention(i) => {
                m.text("site", &i.site)
                    .date("date", i.date)
                    .vocab("type", i.intervention_type)
                    .texts("agencies", &i.agencies)
                    .opt_count("persons_removed", i.persons_removed)
                    .opt_count("persons_arrested", i.persons_arrested)
                    .opt_text("note", &i.note);
            }
            Body::Person(p) => {
                m.text("alias", &p.alias)
                    .list("roles", &p.roles, |r| Json::String(r.as_str().to_owned()))
                    .opt_text("nationality", &p.nationality)
                    .opt_vocab("gender", p.gender)
                    .opt_count("age_at_entry", p.age_at_entry);
                if let Some(r) = &p.recruitment {
                    let mut inner = Members::default();
                    inner
                        .opt_vocab("channel", r.channel)
                        .opt_text("promised_job", &r.promised_job)
                        .opt_number("promised_salary_usd", r.promised_salary_usd)
                        .opt_date("date", r.date)
                        .opt_text("ad", &r.ad);
                    m.put("recruitment", inner.object());
                }
                m.list("custody", &p.custody, |c| {
                    let mut inner = Members::default();
                    inner
                        .text("site", &c.site)
                        .opt_date("from", c.from)
                        .opt_date("to", c.to);
                    inner.object()
                })
                .opt_vocab("exit", p.exit);
                if let Some(pii) = &p.pii {
                    let mut inner = Members::default();
                    inner
                        .opt_text("legal_name", &pii.legal_name)
                        .opt_date("date_of_birth", pii.date_of_birth)
                        .opt_text("contact", &pii.contact)
                        .texts("document_numbers", &pii.document_numbers)
                        .opt_text("address", &pii.address);
                    m.put("pii", inner.object());
                }
            }
            Body::Testimony(t) => {
                m.text("person", &t.person)
                    .date("date", t.date)
                    .vocab("consent", t.consent)
                    .opt_text("language", &t.language)
                    .opt_text("interviewer", &t.interviewer)
                    .opt_text("transcript", &t.transcript)
                    .list("findings", &t.findings, |f| {
                        let mut inner = Members::default();
                        inner
                            .vocab("code", f.code)
                            .opt_text("note", &f.note)
                            .opt_text("site", &f.site)
                            .opt_date("date", f.date);
                        inner.object()
                    });
            }
            Body::Incident(i) => {
                m.vocab("type", i.incident_type)
                    .opt_date("date", i.date)
                    .opt_text("site", &i.site)
                    .texts("victims", &i.victims)
                    .texts("perpetrators", &i.perpetrators)
                    .opt_text("testimony", &i.testimony)
                    .opt_text("description", &i.description);
            }
            Body::Ad(a) => {
                m.vocab("platform", a.platform)
                    .text("text", &a.text)
                    .opt_text("url", &a.url)
                    .opt_date("posted", a.posted)
                    .opt_text("language", &a.language);
            }
        }
        m.texts("sources", &self.sources);
        if self.sensitivity != Sensitivity::Internal {
            m.vocab("sensitivity", self.sensitivity);
        }
        m.object()
    }

    /// The canonical export line of this record, without the trailing newline.
    pub fn to_line(&self) -> String {
        self.to_json().to_text()
    }
}
