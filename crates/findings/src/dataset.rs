//! The records the findings are computed from, indexed for the questions the
//! findings ask: a site's observations and interventions, a person's testimonies
//! and the incidents naming them as a victim.
//!
//! Every list a [`Dataset`] gives out is in id order (bytewise), whatever the order
//! the records came in, so nothing computed from it can depend on input order.
//!
//! The store validates references on import, so a [`Dataset`] normally holds no
//! dangling ones. If one slips through (a testimony naming a missing person, an
//! incident victim that is not a person record), it is left out of the index it
//! would have joined: it is never guessed at, and never a panic.

use std::fmt;

use zonewatch_model::{
    Body, Incident, Intervention, Kind, Person, Record, Site, SiteStatus, Testimony,
};

/// Why a set of records cannot form a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatasetError {
    /// Ids are unique across the whole dataset (FORMAT.md). Keeping either record
    /// would make the findings depend on input order, so this is refused.
    DuplicateId(String),
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            DatasetError::DuplicateId(id) => write!(f, "id `{id}` appears more than once"),
        }
    }
}

impl std::error::Error for DatasetError {}

/// A validated set of records with indexes by id, kind and relation.
#[derive(Clone, Debug)]
pub struct Dataset {
    /// In input order: records are large, and moving them to sort costs more than
    /// sorting their positions.
    records: Vec<Record>,
    /// Positions in `records`, sorted by id (bytewise).
    by_id: Vec<usize>,
    /// Positions of each kind, in id order; indexed by `Kind::rank`.
    by_kind: Vec<Vec<usize>>,
    /// Position -> its index in `by_kind` of its own kind.
    kind_rank: Vec<usize>,
    /// Site -> its `site_status` positions.
    statuses_by_site: Relation,
    /// Site -> its `intervention` positions (every type).
    interventions_by_site: Relation,
    /// Person -> positions of testimonies about them (withdrawn included).
    testimonies_by_person: Relation,
    /// Person -> positions of incidents naming them among `victims`.
    incidents_by_victim: Relation,
}

/// A one-to-many index from the records of one kind (by their kind rank) to
/// source positions in id order, in compressed form: a million persons must not
/// mean a million small allocations.
#[derive(Clone, Debug, Default)]
struct Relation {
    /// `sources[offsets[r]..offsets[r + 1]]` belong to the target of kind rank `r`.
    offsets: Vec<usize>,
    sources: Vec<usize>,
}

impl Relation {
    /// From `(target kind rank, source position)` pairs sorted by target, then by
    /// source id. A pair listed twice counts once.
    fn new(mut pairs: Vec<(usize, usize)>, targets: usize) -> Relation {
        pairs.dedup();
        let mut offsets = vec![0; targets + 1];
        for &(target, _) in &pairs {
            offsets[target + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        Relation {
            offsets,
            sources: pairs.into_iter().map(|(_, source)| source).collect(),
        }
    }

    fn get(&self, target: usize) -> &[usize] {
        match (self.offsets.get(target), self.offsets.get(target + 1)) {
            (Some(&start), Some(&end)) => &self.sources[start..end],
            _ => NO_POSITIONS,
        }
    }
}

/// An id as a sort key: its first 16 bytes as a big-endian integer, zero-padded,
/// then the whole id for ties. Comparing keys gives bytewise order, and for ids
/// that differ in their first 16 bytes never reads the heap string: sorting a
/// million ids by their strings alone would miss the cache at every step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct IdKey<'a> {
    prefix: u128,
    id: &'a [u8],
}

impl<'a> IdKey<'a> {
    fn new(id: &'a str) -> IdKey<'a> {
        let id = id.as_bytes();
        let mut prefix = [0u8; 16];
        let len = id.len().min(16);
        prefix[..len].copy_from_slice(&id[..len]);
        IdKey {
            prefix: u128::from_be_bytes(prefix),
            id,
        }
    }
}

const NO_POSITIONS: &[usize] = &[];

impl Dataset {
    /// Builds the dataset from records in any order.
    pub fn new(records: Vec<Record>) -> Result<Dataset, DatasetError> {
        let mut keyed: Vec<(IdKey<'_>, usize)> = records
            .iter()
            .enumerate()
            .map(|(pos, record)| (IdKey::new(&record.id), pos))
            .collect();
        // A stable sort, which is near linear on the usual input: runs already in
        // id order (an export is sorted by kind, then id).
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        if let Some(pair) = keyed.windows(2).find(|pair| pair[0].0 == pair[1].0) {
            let id = String::from_utf8_lossy(pair[0].0.id).into_owned();
            return Err(DatasetError::DuplicateId(id));
        }
        let by_id: Vec<usize> = keyed.iter().map(|&(_, pos)| pos).collect();

        let mut by_kind = vec![Vec::new(); Kind::ALL.len()];
        let mut kind_rank = vec![0; records.len()];
        // References (target id, source position), gathered in source id order.
        let mut statuses = Vec::new();
        let mut interventions = Vec::new();
        let mut testimonies = Vec::new();
        let mut incidents = Vec::new();
        for &pos in &by_id {
            let record = &records[pos];
            let list = &mut by_kind[usize::from(record.kind().rank())];
            kind_rank[pos] = list.len();
            list.push(pos);
            match &record.body {
                Body::SiteStatus(status) => statuses.push((IdKey::new(&status.site), pos)),
                Body::Intervention(intervention) => {
                    interventions.push((IdKey::new(&intervention.site), pos));
                }
                Body::Testimony(testimony) => {
                    testimonies.push((IdKey::new(&testimony.person), pos));
                }
                Body::Incident(incident) => {
                    for victim in &incident.victims {
                        incidents.push((IdKey::new(victim), pos));
                    }
                }
                _ => {}
            }
        }

        // Resolves references by a merge with the sorted ids (no hashing, no random
        // access), keeping those that name a record of the right kind.
        let resolve = |mut refs: Vec<(IdKey<'_>, usize)>, kind: Kind| -> Relation {
            // Stable: sources stay in id order within each target.
            refs.sort_by(|a, b| a.0.cmp(&b.0));
            let mut pairs = Vec::with_capacity(refs.len());
            let mut next = 0;
            for (target, source) in refs {
                while keyed.get(next).is_some_and(|(key, _)| *key < target) {
                    next += 1;
                }
                if let Some(&(key, pos)) = keyed.get(next) {
                    if key == target && records[pos].kind() == kind {
                        pairs.push((kind_rank[pos], source));
                    }
                }
            }
            let targets = by_kind[usize::from(kind.rank())].len();
            Relation::new(pairs, targets)
        };
        let statuses_by_site = resolve(statuses, Kind::Site);
        let interventions_by_site = resolve(interventions, Kind::Site);
        let testimonies_by_person = resolve(testimonies, Kind::Person);
        let incidents_by_victim = resolve(incidents, Kind::Person);
        drop(keyed);
        Ok(Dataset {
            records,
            by_id,
            by_kind,
            kind_rank,
            statuses_by_site,
            interventions_by_site,
            testimonies_by_person,
            incidents_by_victim,
        })
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Every record, sorted by id.
    pub fn records(&self) -> impl Iterator<Item = &Record> + '_ {
        self.by_id.iter().map(move |&pos| &self.records[pos])
    }

    /// The record with this id.
    pub fn get(&self, id: &str) -> Option<&Record> {
        self.position(id).map(|pos| &self.records[pos])
    }

    /// The records of one kind, sorted by id.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Record> + '_ {
        self.positions_of_kind(kind)
            .iter()
            .map(move |&pos| &self.records[pos])
    }

    pub fn sites(&self) -> impl Iterator<Item = (&Record, &Site)> + '_ {
        self.typed(self.positions_of_kind(Kind::Site), as_site)
    }

    pub fn persons(&self) -> impl Iterator<Item = (&Record, &Person)> + '_ {
        self.typed(self.positions_of_kind(Kind::Person), as_person)
    }

    pub fn incidents(&self) -> impl Iterator<Item = (&Record, &Incident)> + '_ {
        self.typed(self.positions_of_kind(Kind::Incident), as_incident)
    }

    pub fn site(&self, id: &str) -> Option<(&Record, &Site)> {
        let record = self.get(id)?;
        as_site(&record.body).map(|site| (record, site))
    }

    pub fn person(&self, id: &str) -> Option<(&Record, &Person)> {
        let record = self.get(id)?;
        as_person(&record.body).map(|person| (record, person))
    }

    /// The status observations of a site, in id order.
    pub fn statuses_of(&self, site: &str) -> impl Iterator<Item = (&Record, &SiteStatus)> + '_ {
        let positions = self
            .position_of(site, Kind::Site)
            .map_or(NO_POSITIONS, |pos| self.statuses_at(pos));
        self.typed(positions, as_site_status)
    }

    /// The interventions of every type at a site, in id order.
    pub fn interventions_of(
        &self,
        site: &str,
    ) -> impl Iterator<Item = (&Record, &Intervention)> + '_ {
        let positions = self
            .position_of(site, Kind::Site)
            .map_or(NO_POSITIONS, |pos| self.interventions_at(pos));
        self.typed(positions, as_intervention)
    }

    /// The testimonies about a person, withdrawn ones included, in id order.
    pub fn testimonies_of(&self, person: &str) -> impl Iterator<Item = (&Record, &Testimony)> + '_ {
        let positions = self
            .position_of(person, Kind::Person)
            .map_or(NO_POSITIONS, |pos| self.testimonies_at(pos));
        self.typed(positions, as_testimony)
    }

    /// The incidents naming a person among their victims, in id order.
    pub fn incidents_with_victim(
        &self,
        person: &str,
    ) -> impl Iterator<Item = (&Record, &Incident)> + '_ {
        let positions = self
            .position_of(person, Kind::Person)
            .map_or(NO_POSITIONS, |pos| self.incidents_at(pos));
        self.typed(positions, as_incident)
    }

    // Position-based access, for the loops over every site or person: they avoid a
    // lookup by id per record.

    pub(crate) fn record_at(&self, pos: usize) -> &Record {
        &self.records[pos]
    }

    pub(crate) fn positions_of_kind(&self, kind: Kind) -> &[usize] {
        self.by_kind
            .get(usize::from(kind.rank()))
            .map_or(NO_POSITIONS, Vec::as_slice)
    }

    pub(crate) fn statuses_at(&self, site: usize) -> &[usize] {
        self.related(&self.statuses_by_site, site, Kind::Site)
    }

    pub(crate) fn interventions_at(&self, site: usize) -> &[usize] {
        self.related(&self.interventions_by_site, site, Kind::Site)
    }

    pub(crate) fn testimonies_at(&self, person: usize) -> &[usize] {
        self.related(&self.testimonies_by_person, person, Kind::Person)
    }

    pub(crate) fn incidents_at(&self, person: usize) -> &[usize] {
        self.related(&self.incidents_by_victim, person, Kind::Person)
    }

    /// The sources related to the record at `pos`, which must be of `kind`.
    fn related<'a>(&'a self, relation: &'a Relation, pos: usize, kind: Kind) -> &'a [usize] {
        match self.records.get(pos) {
            Some(record) if record.kind() == kind => relation.get(self.kind_rank[pos]),
            _ => NO_POSITIONS,
        }
    }

    pub(crate) fn position(&self, id: &str) -> Option<usize> {
        self.by_id
            .binary_search_by(|&pos| self.records[pos].id.as_bytes().cmp(id.as_bytes()))
            .ok()
            .map(|rank| self.by_id[rank])
    }

    /// The position of `id` when it names a record of `kind`.
    pub(crate) fn position_of(&self, id: &str, kind: Kind) -> Option<usize> {
        self.position(id)
            .filter(|&pos| self.records[pos].kind() == kind)
    }

    pub(crate) fn typed<'a, T: 'a>(
        &'a self,
        positions: &'a [usize],
        cast: fn(&Body) -> Option<&T>,
    ) -> impl Iterator<Item = (&'a Record, &'a T)> + 'a {
        positions.iter().filter_map(move |&pos| {
            let record = &self.records[pos];
            cast(&record.body).map(|body| (record, body))
        })
    }
}

pub(crate) fn as_site(body: &Body) -> Option<&Site> {
    match body {
        Body::Site(site) => Some(site),
        _ => None,
    }
}

pub(crate) fn as_site_status(body: &Body) -> Option<&SiteStatus> {
    match body {
        Body::SiteStatus(status) => Some(status),
        _ => None,
    }
}

pub(crate) fn as_intervention(body: &Body) -> Option<&Intervention> {
    match body {
        Body::Intervention(intervention) => Some(intervention),
        _ => None,
    }
}

pub(crate) fn as_person(body: &Body) -> Option<&Person> {
    match body {
        Body::Person(person) => Some(person),
        _ => None,
    }
}

pub(crate) fn as_testimony(body: &Body) -> Option<&Testimony> {
    match body {
        Body::Testimony(testimony) => Some(testimony),
        _ => None,
    }
}

pub(crate) fn as_incident(body: &Body) -> Option<&Incident> {
    match body {
        Body::Incident(incident) => Some(incident),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::records;

    #[test]
    fn indexes_follow_id_order_whatever_the_input_order() {
        let lines = [
            r#"{"kind":"site","id":"s","name":"S","category":"scam_compound","country":"KH"}"#,
            r#"{"kind":"site_status","id":"st-b","site":"s","date":"2024","status":"operating","basis":"media"}"#,
            r#"{"kind":"site_status","id":"st-a","site":"s","date":"2023","status":"closed","basis":"media"}"#,
            r#"{"kind":"person","id":"p","alias":"P","roles":["victim"]}"#,
            r#"{"kind":"incident","id":"i-2","type":"threat","victims":["p"]}"#,
            r#"{"kind":"incident","id":"i-1","type":"beating","victims":["p"]}"#,
        ];
        let ds = Dataset::new(records(&lines)).unwrap();
        let statuses: Vec<&str> = ds.statuses_of("s").map(|(r, _)| r.id.as_str()).collect();
        assert_eq!(statuses, ["st-a", "st-b"]);
        let incidents: Vec<&str> = ds
            .incidents_with_victim("p")
            .map(|(r, _)| r.id.as_str())
            .collect();
        assert_eq!(incidents, ["i-1", "i-2"]);
        assert_eq!(ds.of_kind(Kind::Incident).count(), 2);
        assert!(ds.site("p").is_none());
        assert!(ds.person("p").is_some());
        assert_eq!(ds.statuses_of("p").count(), 0);
    }

    #[test]
    fn id_keys_sort_bytewise() {
        let ids = [
            "a",
            "a-",
            "a-b",
            "A",
            "Z",
            "_",
            ".",
            "0",
            "9:x",
            "z",
            "longer-than-sixteen-bytes-1",
            "longer-than-sixteen-bytes-10",
            "longer-than-sixteen-bytes-2",
            "longer-than-sixteen",
            "longer-than-sixteen-",
            "longer-than-sixteeo",
        ];
        for a in ids {
            for b in ids {
                assert_eq!(
                    IdKey::new(a).cmp(&IdKey::new(b)),
                    a.as_bytes().cmp(b.as_bytes()),
                    "{a} vs {b}"
                );
            }
        }
    }

    #[test]
    fn long_ids_sharing_a_prefix_resolve_to_the_right_record() {
        let site = |id: &str| {
            format!(
                r#"{{"kind":"site","id":"{id}","name":"S","category":"scam_compound","country":"KH"}}"#
            )
        };
        let status = |id: &str, site: &str| {
            format!(
                r#"{{"kind":"site_status","id":"{id}","site":"{site}","date":"2024","status":"operating","basis":"media"}}"#
            )
        };
        let lines = [
            status("status-2", "compound-with-a-long-id-2"),
            site("compound-with-a-long-id-1"),
            status("status-1", "compound-with-a-long-id-1"),
            site("compound-with-a-long-id-2"),
            status("status-3", "compound-with-a-long-id-1"),
            status("status-0", "compound-with-a-long-id-3"),
        ];
        let ds = Dataset::new(records(&lines)).unwrap();
        let of = |site: &str| -> Vec<String> {
            ds.statuses_of(site).map(|(r, _)| r.id.clone()).collect()
        };
        assert_eq!(of("compound-with-a-long-id-1"), ["status-1", "status-3"]);
        assert_eq!(of("compound-with-a-long-id-2"), ["status-2"]);
        assert!(of("compound-with-a-long-id-3").is_empty());
        let all: Vec<&str> = ds.records().map(|r| r.id.as_str()).collect();
        let mut sorted = all.clone();
        sorted.sort_unstable();
        assert_eq!(all, sorted);
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let line = r#"{"kind":"person","id":"p","alias":"P","roles":["victim"]}"#;
        let err = Dataset::new(records(&[line, line])).unwrap_err();
        assert_eq!(err, DatasetError::DuplicateId("p".into()));
    }

    #[test]
    fn dangling_references_join_no_index() {
        let lines = [
            r#"{"kind":"testimony","id":"t","person":"nobody","date":"2024","consent":"public_use"}"#,
            r#"{"kind":"site_status","id":"st","site":"t","date":"2024","status":"operating","basis":"media"}"#,
        ];
        let ds = Dataset::new(records(&lines)).unwrap();
        assert_eq!(ds.testimonies_of("nobody").count(), 0);
        assert_eq!(ds.statuses_of("t").count(), 0);
    }
}
