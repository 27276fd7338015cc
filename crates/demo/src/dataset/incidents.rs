//! Incidents drawn from what happened to each person.

use zonewatch_model::{Body, ExitMode, Incident, IncidentType, PartialDate, Record, Sensitivity};

use super::persons::{maybe_date, People, PerpetratorPlan, Stay, SurvivorPlan};
use super::sites::SitePlan;
use super::*;
use crate::calendar::in_month;
use crate::rng::Rng;

pub(super) struct Incidents {
    pub(super) n: usize,
}

impl Incidents {
    fn push(&mut self, out: &mut Vec<Record>, rng: &mut Rng, incident: Incident, sources: &[&str]) {
        self.n += 1;
        let sens = if incident.incident_type == IncidentType::SexualViolence {
            Sensitivity::Restricted
        } else {
            sensitivity(rng, 5, 75, 20)
        };
        out.push(record(
            format!("demo-incident-{:04}", self.n),
            sources,
            sens,
            Body::Incident(incident),
        ));
    }
}

pub(super) fn description(rng: &mut Rng, kind: IncidentType) -> Option<String> {
    use IncidentType as I;
    if !rng.chance(60) {
        return None;
    }
    let text = match kind {
        I::Torture => "(fictional) Hung by the wrists in a punishment room for hours.",
        I::Beating => "(fictional) Beaten with a stick in front of the team for missing a target.",
        I::ElectricShock => "(fictional) Shocked with an electric baton by a supervisor.",
        I::SexualViolence => "(fictional) Sexual assault by a manager; details restricted.",
        I::Death => "(fictional) Died in the compound; co-workers were told not to speak of it.",
        I::Confinement => "(fictional) Held behind a locked gate and razor-wire fence.",
        I::Threat => "(fictional) Told they would be sold to a worse compound if they complained.",
        I::DocumentConfiscation => "(fictional) Passport and phone taken on arrival.",
        I::DebtBondage => "(fictional) Charged for travel, food and a 'fine' that grew each month.",
        I::SaleOrTransfer => "(fictional) Sold to another compound and driven there at night.",
        I::ForcedCriminality => "(fictional) Made to run investment scams with fake profiles.",
        I::WithheldWages => "(fictional) No salary paid; 'fines' deducted from promised pay.",
        I::ChildLabour => "(fictional) A minor made to work 15-hour shifts on scam scripts.",
        I::Other => "(fictional) Denied medical care while ill.",
    };
    Some(text.to_owned())
}

/// Perpetrators for an incident at a site: its operator and sometimes a person
/// of that group.
pub(super) fn perpetrators_at(rng: &mut Rng, site: &SitePlan, people: &People) -> Vec<String> {
    let mut list = Vec::new();
    if let Some(group) = site.group {
        if rng.chance(50) {
            list.push(org_id(group));
        }
        if rng.chance(40) {
            let members: Vec<&PerpetratorPlan> = people
                .perpetrators
                .iter()
                .filter(|p| p.group == group)
                .collect();
            if !members.is_empty() {
                push_unique(&mut list, members[rng.index(members.len())].id.clone());
            }
        }
    }
    list
}

pub(super) fn incident_date(rng: &mut Rng, stay: Stay) -> Option<PartialDate> {
    let m = rng.range(stay.from, stay.to);
    maybe_date(rng, m, [12, 3, 60, 25])
}

pub(super) fn incidents(out: &mut Vec<Record>, sites: &[SitePlan], people: &People) {
    use IncidentType as I;
    let mut incidents = Incidents { n: 0 };

    for (i, s) in people.survivors.iter().enumerate() {
        let mut rng = Rng::stream(SEED, label::INCIDENTS, i as u64);
        let e = &s.experience;
        let sources = [DEMO_SOURCE_ID, SRC_INTERVIEWS];
        let (first, last) = (0, s.stays.len() - 1);
        let mut kinds: Vec<(IncidentType, usize)> = Vec::new();
        if e.confined && rng.chance(80) {
            kinds.push((I::Confinement, first));
        }
        if e.documents_taken && rng.chance(60) {
            kinds.push((I::DocumentConfiscation, first));
        }
        if let Some(v) = e.violence {
            if rng.chance(85) {
                kinds.push((v, last));
            }
        }
        if e.threatened && rng.chance(40) {
            kinds.push((I::Threat, first));
        }
        if e.debt && rng.chance(60) {
            kinds.push((I::DebtBondage, first));
        }
        if e.wages_withheld && rng.chance(40) {
            kinds.push((I::WithheldWages, last));
        }
        if e.forced_criminality && rng.chance(50) {
            kinds.push((I::ForcedCriminality, first));
        }
        if s.minor && rng.chance(80) {
            kinds.push((I::ChildLabour, first));
        }
        if rng.chance(6) {
            kinds.push((I::Other, last));
        }
        for (kind, k) in kinds {
            let stay = s.stays[k];
            let site = &sites[stay.site];
            let mut victims = vec![s.id.clone()];
            if matches!(kind, I::Confinement | I::ForcedCriminality | I::Beating) {
                let here = &people.by_site[stay.site];
                for _ in 0..rng.range(0, 5) {
                    if here.is_empty() {
                        break;
                    }
                    let v = &people.victims[here[rng.index(here.len())]];
                    push_unique(&mut victims, v.id.clone());
                }
            }
            let incident = Incident {
                incident_type: kind,
                date: incident_date(&mut rng, stay),
                site: Some(site.id.clone()),
                victims,
                perpetrators: perpetrators_at(&mut rng, site, people),
                testimony: rng.chance(70).then(|| s.testimony.clone()),
                description: description(&mut rng, kind),
            };
            incidents.push(out, &mut rng, incident, &sources);
        }
        // Each move between compounds was a sale.
        for pair in s.stays.windows(2) {
            let from_site = &sites[pair[0].site];
            let mut perpetrators = perpetrators_at(&mut rng, from_site, people);
            if rng.chance(30) {
                let brokers = &people.perpetrators[18..];
                push_unique(
                    &mut perpetrators,
                    brokers[rng.index(brokers.len())].id.clone(),
                );
            }
            let incident = Incident {
                incident_type: I::SaleOrTransfer,
                date: Some(in_month(pair[1].from)),
                site: Some(from_site.id.clone()),
                victims: vec![s.id.clone()],
                perpetrators,
                testimony: rng.chance(70).then(|| s.testimony.clone()),
                description: description(&mut rng, I::SaleOrTransfer),
            };
            incidents.push(out, &mut rng, incident, &sources);
        }
    }

    // Deaths, one per victim who died, named in a witness's testimony.
    let witnesses: Vec<&SurvivorPlan> = people.survivors.iter().filter(|s| s.witness).collect();
    let mut deaths = 0;
    for (n, v) in people.victims.iter().enumerate() {
        let (Some(ExitMode::Died), Some(stay)) = (v.exit, v.stay) else {
            continue;
        };
        let mut rng = Rng::stream(SEED, label::INCIDENTS, 1_000 + n as u64);
        let witness = witnesses.get(deaths % witnesses.len().max(1));
        deaths += 1;
        let site = &sites[stay.site];
        let incident = Incident {
            incident_type: I::Death,
            date: Some(in_month(stay.to)),
            site: Some(site.id.clone()),
            victims: vec![v.id.clone()],
            perpetrators: perpetrators_at(&mut rng, site, people),
            testimony: witness.map(|w| w.testimony.clone()),
            description: description(&mut rng, I::Death),
        };
        incidents.push(out, &mut rng, incident, &[DEMO_SOURCE_ID, SRC_INTERVIEWS]);
    }

    // Raids: the people found locked inside.
    for (i, site) in sites.iter().enumerate() {
        let here = &people.by_site[i];
        for (k, &(m, date)) in site.raids.iter().enumerate() {
            let mut rng = Rng::stream(SEED, label::INCIDENTS, 2_000 + (i * 8 + k) as u64);
            let found: Vec<String> = here
                .iter()
                .map(|&v| &people.victims[v])
                .filter(|v| v.stay.is_some_and(|s| s.to == m) && v.exit != Some(ExitMode::Died))
                .map(|v| v.id.clone())
                .take(15)
                .collect();
            if found.is_empty() {
                continue;
            }
            let sources = [DEMO_SOURCE_ID, SRC_POLICE];
            let confinement = Incident {
                incident_type: I::Confinement,
                date: Some(date),
                site: Some(site.id.clone()),
                victims: found.clone(),
                perpetrators: site.group.map(org_id).into_iter().collect(),
                testimony: None,
                description: Some(
                    "(fictional) Workers found locked inside dormitory floors during the raid."
                        .to_owned(),
                ),
            };
            incidents.push(out, &mut rng, confinement, &sources);
            if rng.chance(50) {
                let scams = Incident {
                    incident_type: I::ForcedCriminality,
                    date: Some(in_month(m)),
                    site: Some(site.id.clone()),
                    victims: found,
                    perpetrators: Vec::new(),
                    testimony: None,
                    description: Some(
                        "(fictional) Seized phones and scripts show the workers were made to run scams."
                            .to_owned(),
                    ),
                };
                incidents.push(out, &mut rng, scams, &sources);
            }
        }
    }

    // Other victims: one incident for some of them, from hotline or police data.
    let kinds: &[(IncidentType, u32)] = &[
        (I::Beating, 20),
        (I::Threat, 15),
        (I::DocumentConfiscation, 15),
        (I::DebtBondage, 12),
        (I::WithheldWages, 12),
        (I::Confinement, 8),
        (I::ForcedCriminality, 8),
        (I::ElectricShock, 5),
        (I::Torture, 3),
        (I::SexualViolence, 3),
        (I::Other, 4),
    ];
    for (n, v) in people.victims.iter().enumerate() {
        let mut rng = Rng::stream(SEED, label::INCIDENTS, 10_000 + n as u64);
        if v.exit == Some(ExitMode::Died) || !rng.chance(30) {
            continue;
        }
        let kind = if v.minor && rng.chance(50) {
            I::ChildLabour
        } else if v.exit == Some(ExitMode::SoldOrTransferred) && rng.chance(60) {
            I::SaleOrTransfer
        } else {
            rng.weighted(kinds)
        };
        let site = v.stay.map(|stay| &sites[stay.site]);
        let incident = Incident {
            incident_type: kind,
            date: v.stay.and_then(|stay| incident_date(&mut rng, stay)),
            site: site.map(|s| s.id.clone()),
            victims: vec![v.id.clone()],
            perpetrators: site
                .map(|s| perpetrators_at(&mut rng, s, people))
                .unwrap_or_default(),
            testimony: None,
            description: description(&mut rng, kind),
        };
        incidents.push(out, &mut rng, incident, &[DEMO_SOURCE_ID, SRC_HOTLINE]);
    }
}
