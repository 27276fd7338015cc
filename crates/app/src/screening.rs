//! Screening kept as derived data (issue 6, docs/SCREENING.md "Stored results").
//!
//! - Ads are screened as they are written (every import, API create and update):
//!   their text is not restricted, so the score, signals and contacts are stored as
//!   they are.
//! - Testimonies' transcripts are restricted. Their contacts are stored only as
//!   keyed hashes under the key ring's secret contact-link key, so they can be
//!   computed only with the key ring unlocked: at the write when it is (the web
//!   server), otherwise at the next [`App::screening_refresh`] that has it
//!   (`zonewatch networks` or `screen reindex` with the passphrase).
//! - Every stored row carries the screener's fingerprint; rows of another
//!   fingerprint (patterns, weights or zonewatch changed) or missing rows are
//!   rebuilt by [`App::screening_refresh`], which [`App::networks`] runs first.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use zonewatch_crypto::{HashKey, HashPurpose};
use zonewatch_model::{Body, Json, Kind, Record};
use zonewatch_screen::{build_networks, Chain, Contact, ContactType, Screener};
use zonewatch_store::import::DeriveRows;
use zonewatch_store::load::{load_records, Fields};
use zonewatch_store::{
    AdScreening, Derived, OpenRestricted, StoreError, StoredContact, TestimonyContacts,
};

use crate::{next_entry, Action, App, AppError, Result};

/// The screener over the data files shipped in zonewatch, built once per process
/// (compiling the patterns takes a moment; API writes should not pay it each time).
pub fn shipped_screener() -> Result<&'static Screener> {
    static SCREENER: OnceLock<Result<Screener, String>> = OnceLock::new();
    SCREENER
        .get_or_init(|| Screener::new().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| AppError::Invalid(format!("the shipped screening patterns: {e}")))
}

/// Computes derived rows during an import (on its writing thread).
pub(crate) struct Deriver {
    pub screener: &'static Screener,
    /// The secret contact-link key, when the key ring is unlocked.
    pub contact_key: Option<HashKey>,
}

impl DeriveRows for Deriver {
    fn derive(&self, record: &Record) -> Option<Derived> {
        match &record.body {
            Body::Ad(ad) => Some(Derived::Ad(screen_ad(self.screener, &record.id, &ad.text))),
            Body::Testimony(t) => Some(index_testimony(
                self.screener,
                self.contact_key.as_ref(),
                &record.id,
                t.is_usable().then_some(t.transcript.as_deref()).flatten(),
            )),
            _ => None,
        }
    }
}

fn screen_ad(screener: &Screener, id: &str, text: &str) -> AdScreening {
    let screening = screener.screen(text, None);
    let signals: Vec<Json> = screening
        .signals
        .iter()
        .map(|s| {
            Json::Object(vec![
                ("code".into(), Json::String(s.code.to_string())),
                ("start".into(), Json::Number(s.start.into())),
                ("end".into(), Json::Number(s.end.into())),
            ])
        })
        .collect();
    AdScreening {
        ad_id: id.to_owned(),
        fingerprint: screener.fingerprint().to_owned(),
        score: screening.score,
        level: screening.level.as_str().to_owned(),
        signals: Json::Array(signals).to_text(),
        contacts: screening
            .contacts
            .into_iter()
            .map(|c| StoredContact {
                kind: c.kind.as_str().to_owned(),
                value: c.value,
                chain: c.chain.map(|chain| chain.as_str().to_owned()),
            })
            .collect(),
    }
}

/// A testimony's rows: its transcript's contacts as keyed hashes, when there is a
/// key (or no transcript, hence nothing to hash); otherwise it waits. A testimony
/// whose consent was withdrawn is passed without its transcript: nothing of it is
/// indexed.
fn index_testimony(
    screener: &Screener,
    key: Option<&HashKey>,
    id: &str,
    transcript: Option<&str>,
) -> Derived {
    let hashes = match (transcript, key) {
        (None, _) => Vec::new(),
        (Some(text), Some(key)) => screener
            .screen(text, None)
            .contacts
            .iter()
            .map(|c| contact_hash(key, c.kind.as_str(), &c.value))
            .collect(),
        (Some(_), None) => return Derived::TestimonyUnindexed(id.to_owned()),
    };
    Derived::Testimony(TestimonyContacts {
        testimony_id: id.to_owned(),
        fingerprint: screener.fingerprint().to_owned(),
        hashes,
    })
}

/// HMAC-SHA256 of type, NUL, value under the contact-link key, lower-case hex.
fn contact_hash(key: &HashKey, kind: &str, value: &str) -> String {
    let mut h = key.hasher();
    h.update(kind.as_bytes());
    h.update(&[0]);
    h.update(value.as_bytes());
    h.finalize_hex()
}

fn to_contact(ad: &str, stored: StoredContact) -> Result<Contact> {
    let corrupt = |problem: String| {
        AppError::Store(StoreError::Corrupt {
            id: ad.to_owned(),
            problem,
        })
    };
    let kind = ContactType::parse(&stored.kind)
        .ok_or_else(|| corrupt(format!("unknown contact type `{}`", stored.kind)))?;
    let chain = match stored.chain.as_deref() {
        None => None,
        Some(text) => {
            Some(Chain::parse(text).ok_or_else(|| corrupt(format!("unknown chain `{text}`")))?)
        }
    };
    Ok(Contact {
        kind,
        value: stored.value,
        chain,
    })
}

/// What [`App::screening_refresh`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Refreshed {
    /// Ads screened again.
    pub ads: usize,
    /// Testimonies whose transcripts were screened.
    pub testimonies: usize,
    /// Testimonies left unindexed: the key ring is locked, or the actor may not
    /// read transcripts.
    pub testimonies_waiting: usize,
}

/// One network as `zonewatch networks` shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkView {
    /// Sorted bytewise.
    pub ads: Vec<String>,
    /// Every contact of those ads, sorted by type then value.
    pub contacts: Vec<Contact>,
    /// Usable testimonies whose transcript mentions one of the contacts.
    pub testimonies: Vec<String>,
    /// Persons recruited through one of the ads, or who gave one of the testimonies.
    pub persons: BTreeSet<String>,
    /// Where those persons were held.
    pub sites: BTreeSet<String>,
}

/// Networks, largest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Networks {
    pub networks: Vec<NetworkView>,
    /// Testimonies were linked (the key ring was unlocked and the actor may read
    /// transcripts); when false, no testimony is in any network.
    pub testimonies_linked: bool,
    pub refreshed: Refreshed,
}

impl App {
    /// The contact-link key, when the key ring is unlocked and the actor may read
    /// what it links (transcripts).
    fn contact_key(&self) -> Option<HashKey> {
        if !self.actor.may(Action::ReadRestricted) {
            return None;
        }
        self.keyring
            .as_ref()
            .map(|k| k.hash_key(HashPurpose::ContactLink))
    }

    /// Derived rows for an import that writes: ads always, testimonies when the key
    /// ring is unlocked.
    pub(crate) fn deriver(&self) -> Result<Deriver> {
        Ok(Deriver {
            screener: shipped_screener()?,
            contact_key: self
                .keyring
                .as_ref()
                .map(|k| k.hash_key(HashPurpose::ContactLink)),
        })
    }

    /// Screens again the ads, and with the key ring unlocked the testimonies, whose
    /// stored rows are missing or came from another screener (all of them with
    /// `all`). Opening transcripts is a restricted read: their ids go into one
    /// audit entry, committed with the rows.
    pub fn screening_refresh(&mut self, all: bool) -> Result<Refreshed> {
        self.require(Action::ReadInternal)?;
        let screener = shipped_screener()?;
        let current = screener.fingerprint();
        let key = self.contact_key();
        let stale = |rows: Vec<(String, Option<String>)>, all: bool| -> HashSet<String> {
            rows.into_iter()
                .filter(|(_, fp)| all || fp.as_deref() != Some(current))
                .map(|(id, _)| id)
                .collect()
        };
        let stale_ads = stale(self.store.screening_fingerprints(Kind::Ad)?, all);
        let stale_testimonies = stale(
            self.store.screening_fingerprints(Kind::Testimony)?,
            all && key.is_some(),
        );
        let mut refreshed = Refreshed::default();
        let mut derived = Vec::new();
        if !stale_ads.is_empty() {
            self.store.scan_kind(Kind::Ad, &mut |row| {
                if stale_ads.contains(&row.id) {
                    if let Body::Ad(ad) = decode_row(&row.id, &row.body)?.body {
                        derived.push(Derived::Ad(screen_ad(screener, &row.id, &ad.text)));
                        refreshed.ads += 1;
                    }
                }
                Ok(())
            })?;
        }
        let mut opened = Vec::new();
        match &key {
            Some(key) if !stale_testimonies.is_empty() => {
                let opener = self.opener("indexing testimonies")?;
                self.store.scan_kind(Kind::Testimony, &mut |row| {
                    if !stale_testimonies.contains(&row.id) {
                        return Ok(());
                    }
                    let Body::Testimony(testimony) = decode_row(&row.id, &row.body)?.body else {
                        return Ok(());
                    };
                    let transcript = match &row.restricted {
                        Some(stored) if testimony.is_usable() => {
                            let fields = opener.open(&row.id, stored).map_err(|problem| {
                                StoreError::Restricted {
                                    id: row.id.clone(),
                                    problem,
                                }
                            })?;
                            text_of(&fields, "transcript")
                        }
                        _ => None,
                    };
                    if transcript.is_some() {
                        opened.push(row.id.clone());
                    }
                    derived.push(index_testimony(
                        screener,
                        Some(key),
                        &row.id,
                        transcript.as_deref(),
                    ));
                    refreshed.testimonies += 1;
                    Ok(())
                })?;
            }
            _ => refreshed.testimonies_waiting = stale_testimonies.len(),
        }
        if derived.is_empty() {
            return Ok(refreshed);
        }
        let actor = self.actor.name.clone();
        let mut tx = self.store.begin_write()?;
        for d in derived {
            tx.put_derived(d)?;
        }
        if !opened.is_empty() {
            let mut details = BTreeMap::new();
            details.insert("count".into(), opened.len().to_string());
            let head = tx.audit_head()?;
            tx.append_audit(&next_entry(head, &actor, "screen-index", opened, details))?;
        }
        tx.commit()?;
        Ok(refreshed)
    }

    /// Ads linked by shared contacts (at least `min_ads` of them), from the stored
    /// screening (brought up to date first); the persons recruited through them;
    /// with the key ring unlocked, the usable testimonies whose transcripts mention
    /// one of their contacts and the persons who gave them; and the sites where
    /// those persons were held. Testimonies shown are a restricted read: audited.
    pub fn networks(&mut self, min_ads: usize) -> Result<Networks> {
        // Networks name persons and the sites they were held at: internal.
        self.require(Action::ReadInternal)?;
        let refreshed = self.screening_refresh(false)?;
        let mut ad_contacts: BTreeMap<String, Vec<Contact>> = BTreeMap::new();
        for (ad, stored) in self.store.ad_contacts()? {
            let contact = to_contact(&ad, stored)?;
            ad_contacts.entry(ad).or_default().push(contact);
        }

        let records = load_records(
            self.store.as_mut(),
            &[Kind::Person, Kind::Testimony],
            Fields::Open,
        )?;
        let mut person_ad: Vec<(&str, &str)> = Vec::new();
        let mut custody: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut testimony_person: HashMap<&str, &str> = HashMap::new();
        for record in &records {
            match &record.body {
                Body::Person(person) => {
                    if let Some(ad) = person.recruitment.as_ref().and_then(|r| r.ad.as_deref()) {
                        person_ad.push((&record.id, ad));
                    }
                    custody.insert(
                        &record.id,
                        person.custody.iter().map(|c| c.site.as_str()).collect(),
                    );
                }
                Body::Testimony(t) if t.is_usable() => {
                    testimony_person.insert(&record.id, &t.person);
                }
                _ => {}
            }
        }

        // A testimony's hashes link to the ad contacts that hash the same.
        let key = self.contact_key();
        let mut testimony_contacts: BTreeMap<String, Vec<Contact>> = BTreeMap::new();
        if let Some(key) = &key {
            let by_hash: HashMap<String, &Contact> = ad_contacts
                .values()
                .flatten()
                .map(|c| (contact_hash(key, c.kind.as_str(), &c.value), c))
                .collect();
            for (testimony, hash) in self.store.testimony_contact_hashes()? {
                if let (Some(contact), true) = (
                    by_hash.get(&hash),
                    testimony_person.contains_key(testimony.as_str()),
                ) {
                    testimony_contacts
                        .entry(testimony)
                        .or_default()
                        .push((*contact).clone());
                }
            }
        }

        let items = ad_contacts
            .into_iter()
            .map(|(id, contacts)| (id, Kind::Ad, contacts))
            .chain(
                testimony_contacts
                    .into_iter()
                    .map(|(id, contacts)| (id, Kind::Testimony, contacts)),
            );
        let mut networks = Vec::new();
        for network in build_networks(items)
            .into_iter()
            .filter(|n| n.ads.len() >= min_ads)
        {
            let ads: HashSet<&str> = network.ads.iter().map(String::as_str).collect();
            let testimonies: Vec<String> = network.attached.into_iter().map(|m| m.id).collect();
            let mut persons: BTreeSet<String> = person_ad
                .iter()
                .filter(|(_, ad)| ads.contains(ad))
                .map(|(p, _)| (*p).to_owned())
                .collect();
            persons.extend(
                testimonies
                    .iter()
                    .filter_map(|t| testimony_person.get(t.as_str()))
                    .map(|p| (*p).to_owned()),
            );
            let sites: BTreeSet<String> = persons
                .iter()
                .flat_map(|p| custody.get(p.as_str()).into_iter().flatten())
                .map(|s| (*s).to_owned())
                .collect();
            networks.push(NetworkView {
                ads: network.ads,
                contacts: network.contacts,
                testimonies,
                persons,
                sites,
            });
        }

        let shown: Vec<String> = networks
            .iter()
            .flat_map(|n| n.testimonies.iter().cloned())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if !shown.is_empty() {
            let mut details = BTreeMap::new();
            details.insert("via".into(), "networks".into());
            details.insert("count".into(), shown.len().to_string());
            self.audit("read-restricted", shown, details)?;
        }
        Ok(Networks {
            networks,
            testimonies_linked: key.is_some(),
            refreshed,
        })
    }

    /// The stored screening of one ad, screened again first if out of date; `None`
    /// when there is no such ad or the actor may not see it.
    pub fn ad_screening(&mut self, id: &str) -> Result<Option<AdScreening>> {
        self.require(Action::ReadPublic)?;
        let Some(row) = self.store.get(id)? else {
            return Ok(None);
        };
        if row.kind != Kind::Ad
            || !(self.actor.may(Action::ReadInternal)
                || row.sensitivity == zonewatch_model::Sensitivity::Public)
        {
            return Ok(None);
        }
        let screener = shipped_screener()?;
        if let Some(stored) = self.store.ad_screening(id)? {
            if stored.fingerprint == screener.fingerprint() {
                return Ok(Some(stored));
            }
        }
        let Body::Ad(ad) = decode_row(id, &row.body)?.body else {
            return Ok(None);
        };
        let fresh = screen_ad(screener, id, &ad.text);
        let mut tx = self.store.begin_write()?;
        tx.put_derived(Derived::Ad(fresh.clone()))?;
        tx.commit()?;
        Ok(Some(fresh))
    }
}

/// A stored record's open part (restricted fields are optional in every kind).
fn decode_row(id: &str, body: &str) -> Result<Record, StoreError> {
    zonewatch_model::decode_line(body).map_err(|errors| StoreError::Corrupt {
        id: id.to_owned(),
        problem: format!(
            "its stored body does not decode ({} problems)",
            errors.len()
        ),
    })
}

fn text_of(json: &Json, name: &str) -> Option<String> {
    match json {
        Json::Object(members) => members.iter().find_map(|(k, v)| match v {
            Json::String(s) if k == name => Some(s.clone()),
            _ => None,
        }),
        _ => None,
    }
}
