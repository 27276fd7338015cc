//! Sites as a GeoJSON FeatureCollection (RFC 7946), for QGIS and other GIS tools.
//!
//! One feature per site, in id order, with `"id"` the site id. A site with
//! coordinates is a Point `[lon, lat]` (WGS 84); a site without is kept, with
//! `"geometry": null` (valid GeoJSON: GIS tools list it in the attribute table
//! without drawing it), so a layer always holds every site.
//!
//! Every feature has the same properties, `null` where there is no value, so GIS
//! tools see one attribute table (see docs/INTEROP.md for the list).

use std::collections::HashMap;

use serde_json::{json, Map, Value};
use zonewatch_findings::{intervention_outcome, latest_status, Dataset};
use zonewatch_model::restricted::is_restricted_key;
use zonewatch_model::{Body, Kind, PersonRole, Sensitivity};

/// How counts of persons and incidents are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counts {
    /// As integers.
    Exact,
    /// As in the public report (FORMAT.md): a count from 1 to `threshold - 1` is
    /// the string `"<threshold"` (`"<5"`), others are integers.
    Suppressed { threshold: u64 },
    /// Not written at all: for a user who may not see figures about persons.
    Omitted,
}

/// What a GeoJSON export holds. For the roles of `crates/app`: investigators and
/// admins `{ include_restricted: true, .. }`; analysts the default; viewers
/// `{ public_only: true, counts: Counts::Suppressed { threshold: 5 }, .. }`, like the
/// public report; `--redact` turns `include_restricted` off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GeoJsonOptions {
    /// Write the restricted free text of sites marked `restricted` (`admin2`).
    pub include_restricted: bool,
    /// Only sites marked `public`; the id of a latest intervention is written only
    /// when that record is public too. Figures (status, outcome, counts) are
    /// computed from every record, as the public report's are.
    pub public_only: bool,
    pub counts: Counts,
}

impl Default for GeoJsonOptions {
    fn default() -> Self {
        GeoJsonOptions {
            include_restricted: false,
            public_only: false,
            counts: Counts::Exact,
        }
    }
}

/// The properties of every feature, in order.
pub const SITE_PROPERTIES: &[&str] = &[
    "id",
    "name",
    "category",
    "country",
    "admin1",
    "admin2",
    "former_use",
    "aliases",
    "latest_status",
    "interventions",
    "latest_intervention_id",
    "latest_intervention_type",
    "latest_intervention_date",
    "intervention_outcome",
];

/// The count properties, written unless counts are [`Counts::Omitted`].
pub const COUNT_PROPERTIES: &[&str] = &[
    "persons",
    "persons_survivor",
    "persons_victim",
    "persons_witness",
    "persons_perpetrator",
    "persons_recruiter",
    "incidents",
];

#[derive(Default)]
struct Tally {
    persons: u64,
    by_role: [u64; 5],
    incidents: u64,
}

fn role_index(role: PersonRole) -> usize {
    match role {
        PersonRole::Survivor => 0,
        PersonRole::Victim => 1,
        PersonRole::Witness => 2,
        PersonRole::Perpetrator => 3,
        PersonRole::Recruiter => 4,
    }
}

/// The sites of a dataset as a GeoJSON FeatureCollection.
pub fn sites_geojson(dataset: &Dataset, options: GeoJsonOptions) -> Value {
    let mut counts: HashMap<&str, Tally> = HashMap::new();
    if options.counts != Counts::Omitted {
        for (_, person) in dataset.persons() {
            // A person held twice at one site counts once there.
            let mut sites: Vec<&str> = person.custody.iter().map(|c| c.site.as_str()).collect();
            sites.sort_unstable();
            sites.dedup();
            for site in sites {
                let c = counts.entry(site).or_default();
                c.persons += 1;
                for role in &person.roles {
                    c.by_role[role_index(*role)] += 1;
                }
            }
        }
        for (_, incident) in dataset.incidents() {
            if let Some(site) = &incident.site {
                counts.entry(site.as_str()).or_default().incidents += 1;
            }
        }
    }
    let mut interventions: HashMap<&str, u64> = HashMap::new();
    for record in dataset.of_kind(Kind::Intervention) {
        if let Body::Intervention(intervention) = &record.body {
            *interventions.entry(intervention.site.as_str()).or_default() += 1;
        }
    }

    let visible =
        |sensitivity: Sensitivity| !options.public_only || sensitivity == Sensitivity::Public;
    let features: Vec<Value> = dataset
        .sites()
        .filter(|(record, _)| visible(record.sensitivity))
        .map(|(record, site)| {
            let restricted = |key: &str| {
                !options.include_restricted
                    && is_restricted_key(Kind::Site, record.sensitivity, key)
            };
            let outcome = intervention_outcome(dataset, &record.id);
            let mut p = Map::new();
            p.insert("id".into(), json!(record.id));
            p.insert("name".into(), json!(site.name));
            p.insert("category".into(), json!(site.category.as_str()));
            p.insert("country".into(), json!(site.country));
            p.insert("admin1".into(), json!(site.admin1));
            let admin2 = if restricted("admin2") {
                None
            } else {
                site.admin2.as_ref()
            };
            p.insert("admin2".into(), json!(admin2));
            p.insert(
                "former_use".into(),
                json!(site.former_use.map(|f| f.as_str())),
            );
            let aliases = (!site.aliases.is_empty()).then(|| site.aliases.join("; "));
            p.insert("aliases".into(), json!(aliases));
            p.insert(
                "latest_status".into(),
                json!(latest_status(dataset, &record.id).as_str()),
            );
            p.insert(
                "interventions".into(),
                json!(interventions.get(record.id.as_str()).copied().unwrap_or(0)),
            );
            p.insert(
                "latest_intervention_id".into(),
                json!(outcome
                    .as_ref()
                    .filter(|o| dataset
                        .get(o.intervention)
                        .is_some_and(|r| visible(r.sensitivity)))
                    .map(|o| o.intervention)),
            );
            p.insert(
                "latest_intervention_type".into(),
                json!(outcome.as_ref().map(|o| o.intervention_type.as_str())),
            );
            p.insert(
                "latest_intervention_date".into(),
                json!(outcome.as_ref().map(|o| o.intervention_date.to_string())),
            );
            p.insert(
                "intervention_outcome".into(),
                json!(outcome.as_ref().map(|o| o.outcome.as_str())),
            );
            if options.counts != Counts::Omitted {
                let c = counts.get(record.id.as_str());
                let count = |n: u64| match options.counts {
                    Counts::Suppressed { threshold } if n > 0 && n < threshold => {
                        json!(format!("<{threshold}"))
                    }
                    _ => json!(n),
                };
                p.insert("persons".into(), count(c.map_or(0, |c| c.persons)));
                for role in PersonRole::ALL {
                    let index = role_index(*role);
                    p.insert(
                        format!("persons_{}", role.as_str()),
                        count(c.map_or(0, |c| c.by_role[index])),
                    );
                }
                p.insert("incidents".into(), count(c.map_or(0, |c| c.incidents)));
            }
            let geometry = match site.location {
                Some(location) => json!({
                    "type": "Point",
                    "coordinates": [location.lon, location.lat],
                }),
                None => Value::Null,
            };
            json!({
                "type": "Feature",
                "id": record.id,
                "geometry": geometry,
                "properties": Value::Object(p),
            })
        })
        .collect();
    json!({
        "type": "FeatureCollection",
        "features": features,
    })
}
