//! Networks: ads that share a contact (the same Telegram handle, phone, wallet...)
//! are one recruiter's network; testimonies and persons sharing a contact with any of
//! its ads attach to it. Pure: the store and CLI feed it and show the result.

use crate::contacts::{Contact, ContactType};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use zonewatch_model::Kind;

/// A record that attaches to a network through a shared contact.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct NetworkMember {
    pub id: String,
    pub kind: Kind,
    /// The network's contacts this record shares.
    pub via: Vec<Contact>,
}

/// Ads linked by shared contacts, their contacts, and what attaches to them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Network {
    /// Ad ids, sorted bytewise.
    pub ads: Vec<String>,
    /// Every contact of those ads, sorted by type then value.
    pub contacts: Vec<Contact>,
    /// Records of other kinds (testimonies, persons...) that share at least one of
    /// the contacts, sorted by id.
    pub attached: Vec<NetworkMember>,
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller index stays root: results do not depend on hash order.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

type Key = (ContactType, String);

/// Builds networks from `(record id, kind, contacts)`. Records of kind `ad` form
/// networks: two ads are in one network when a chain of shared contacts (equal type
/// and value) joins them. Every other record attaches to each network one of whose
/// contacts it has; it never joins two networks into one. An ad without contacts
/// forms no network.
///
/// Networks come largest first: by number of ads, then attached records, then
/// contacts, then first ad id. A network of a single ad is returned too (its
/// testimonies may matter); callers that want only shared recruiters keep
/// `ads.len() >= 2`.
///
/// Contacts hashed with [`keyed_contact_hash`] link like plain ones, as long as every
/// record's contacts were hashed with the same key (type kept, value hashed).
pub fn build_networks(
    items: impl IntoIterator<Item = (String, Kind, Vec<Contact>)>,
) -> Vec<Network> {
    let mut ads: Vec<(String, Vec<Contact>)> = Vec::new();
    let mut others: Vec<(String, Kind, Vec<Contact>)> = Vec::new();
    for (id, kind, contacts) in items {
        if kind == Kind::Ad {
            if !contacts.is_empty() {
                ads.push((id, contacts));
            }
        } else if !contacts.is_empty() {
            others.push((id, kind, contacts));
        }
    }
    let mut uf = UnionFind {
        parent: (0..ads.len()).collect(),
    };
    let mut owner: HashMap<Key, usize> = HashMap::new();
    for (i, (_, contacts)) in ads.iter().enumerate() {
        for c in contacts {
            match owner.get(&(c.kind, c.value.clone())) {
                Some(&j) => uf.union(i, j),
                None => {
                    owner.insert((c.kind, c.value.clone()), i);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, (BTreeSet<String>, BTreeSet<Contact>)> = BTreeMap::new();
    for (i, (id, contacts)) in ads.iter().enumerate() {
        let root = uf.find(i);
        let entry = groups.entry(root).or_default();
        entry.0.insert(id.clone());
        entry.1.extend(contacts.iter().cloned());
    }
    let mut attached: BTreeMap<usize, BTreeMap<(String, Kind), BTreeSet<Contact>>> =
        BTreeMap::new();
    for (id, kind, contacts) in &others {
        for c in contacts {
            if let Some(&i) = owner.get(&(c.kind, c.value.clone())) {
                let root = uf.find(i);
                attached
                    .entry(root)
                    .or_default()
                    .entry((id.clone(), *kind))
                    .or_default()
                    .insert(c.clone());
            }
        }
    }
    let mut networks: Vec<Network> = groups
        .into_iter()
        .map(|(root, (ads, contacts))| Network {
            ads: ads.into_iter().collect(),
            contacts: contacts.into_iter().collect(),
            attached: attached
                .remove(&root)
                .unwrap_or_default()
                .into_iter()
                .map(|((id, kind), via)| NetworkMember {
                    id,
                    kind,
                    via: via.into_iter().collect(),
                })
                .collect(),
        })
        .collect();
    networks.sort_by(|a, b| {
        b.ads
            .len()
            .cmp(&a.ads.len())
            .then(b.attached.len().cmp(&a.attached.len()))
            .then(b.contacts.len().cmp(&a.contacts.len()))
            .then(a.ads.first().cmp(&b.ads.first()))
    });
    networks
}

/// A keyed hash of a contact, so contacts taken from restricted text can be linked
/// without being stored in plain text: `hmac-sha256:` and 64 lower-case hex digits of
/// HMAC-SHA256(key, type "\0" value). The same key gives the same hash; without the
/// key the hash cannot be checked against guessed contacts. Store it as the value of
/// a contact of the same type.
pub fn keyed_contact_hash(key: &[u8], contact: &Contact) -> String {
    // HMAC takes keys of any length; new_from_slice only fails for fixed-size MACs.
    let mut mac = match <Hmac<Sha256> as KeyInit>::new_from_slice(key) {
        Ok(mac) => mac,
        Err(_) => return String::new(),
    };
    mac.update(contact.kind.as_str().as_bytes());
    mac.update(&[0]);
    mac.update(contact.value.as_bytes());
    let digest = mac.finalize().into_bytes();
    let mut out = String::with_capacity(12 + 64);
    out.push_str("hmac-sha256:");
    for b in digest.iter() {
        out.push_str(&format!("{b:02x}"));
    }
    out
}
