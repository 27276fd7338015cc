//! Sites, their observed status over time, and the interventions at them.

use zonewatch_model::{
    Body, Coordinates, FormerUse, Intervention, InterventionType, ObservationBasis, PartialDate,
    Precision, Record, Sensitivity, Site, SiteCategory, SiteStatus, SiteStatusValue,
};

use super::*;
use crate::calendar::{self, in_month, month, with_precision, year, year_of, Month, LAST};
use crate::pools::{self, PROVINCES};
use crate::rng::Rng;

/// How a site with a raid or rescue is observed afterwards (FORMAT.md,
/// "Intervention outcome"): the generator builds each case on purpose.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Outcome {
    OperatingAfter,
    NotOperatingAfter,
    /// The only later observation is dated by month, in the raid's month.
    UncertainSameMonth,
    /// The only later observation is dated by year, in the raid's year.
    UncertainSameYear,
    /// Two observations share the latest date and disagree.
    UncertainDisagree,
    Unobserved,
}

pub(super) struct Observation {
    pub(super) date: PartialDate,
    pub(super) status: SiteStatusValue,
    pub(super) basis: ObservationBasis,
    pub(super) relocated_to: Option<usize>,
    pub(super) note: Option<&'static str>,
}

pub(super) struct InterventionPlan {
    pub(super) date: PartialDate,
    pub(super) kind: InterventionType,
    pub(super) agencies: Vec<usize>,
    pub(super) removed: Option<u64>,
    pub(super) arrested: Option<u64>,
    pub(super) note: Option<&'static str>,
}

pub(super) struct SitePlan {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) compound: bool,
    pub(super) province: usize,
    /// First sign of activity.
    pub(super) start: Month,
    pub(super) group: Option<usize>,
    /// Raids and rescues, oldest first: (month, date).
    pub(super) raids: Vec<(Month, PartialDate)>,
    pub(super) outcome: Option<Outcome>,
    pub(super) observations: Vec<Observation>,
    pub(super) interventions: Vec<InterventionPlan>,
}

const OPERATING_NOTES: &[&str] = &[
    "(fictional) Lights on in all dormitory floors at night.",
    "(fictional) New razor wire on the perimeter wall.",
    "(fictional) Guards at the gate; vans bringing new arrivals.",
    "(fictional) Recruitment posts give this address.",
    "(fictional) Laundry on balconies and air-conditioners running.",
];
const CLOSED_NOTES: &[&str] = &[
    "(fictional) Gate chained; no movement seen.",
    "(fictional) Authorities report the buildings empty.",
    "(fictional) Signboard removed; the site is dark at night.",
];
const CONSTRUCTION_NOTES: &[&str] = &[
    "(fictional) New blocks and a perimeter wall under construction.",
    "(fictional) Cranes on site; fencing going up.",
];
const RAID_NOTES: &[&str] = &[
    "(fictional) Raid after a tip-off from the hotline; workers taken to an immigration centre.",
    "(fictional) Police entered three of the five buildings; managers had left the night before.",
    "(fictional) Joint operation; foreign workers screened as possible trafficking victims.",
    "(fictional) Announced crackdown; most workers had been moved out before police arrived.",
];
const RESCUE_NOTES: &[&str] = &[
    "(fictional) Rescue of a group who had sent their location to the hotline.",
    "(fictional) Rescue requested by a consulate for its nationals held inside.",
    "(fictional) Rescue after a video from inside circulated on social media.",
];

pub(super) fn basis(rng: &mut Rng) -> ObservationBasis {
    use ObservationBasis as B;
    rng.weighted(&[
        (B::SatelliteImagery, 25),
        (B::Media, 18),
        (B::Testimony, 18),
        (B::FieldVisit, 20),
        (B::SocialMedia, 10),
        (B::Government, 5),
        (B::Other, 4),
    ])
}

pub(super) fn note_for(rng: &mut Rng, status: SiteStatusValue) -> Option<&'static str> {
    if !rng.chance(35) {
        return None;
    }
    Some(match status {
        SiteStatusValue::Operating => rng.pick(OPERATING_NOTES),
        SiteStatusValue::Closed => rng.pick(CLOSED_NOTES),
        SiteStatusValue::UnderConstruction => rng.pick(CONSTRUCTION_NOTES),
        SiteStatusValue::Relocated => {
            "(fictional) Former workers say the operation moved to a new site."
        }
    })
}

pub(super) fn observe(
    rng: &mut Rng,
    date: PartialDate,
    status: SiteStatusValue,
    basis: ObservationBasis,
) -> Observation {
    let note = note_for(rng, status);
    Observation {
        date,
        status,
        basis,
        relocated_to: None,
        note,
    }
}

/// Observations in months `from..until` (exclusive), each certainly before any
/// month-or-day date of month `until`; the first may show construction.
pub(super) fn history(rng: &mut Rng, from: Month, until: Month, count: usize) -> Vec<Observation> {
    let mut out = Vec::new();
    let mut m = from;
    for i in 0..count {
        if m >= until {
            break;
        }
        let status = if i == 0 && rng.chance(40) {
            SiteStatusValue::UnderConstruction
        } else {
            SiteStatusValue::Operating
        };
        let basis = if status == SiteStatusValue::UnderConstruction {
            ObservationBasis::SatelliteImagery
        } else {
            basis(rng)
        };
        let date = calendar::strictly_before(m, until, rng, [15, 55, 30]);
        out.push(observe(rng, date, status, basis));
        let step = rng.range(3, 11);
        m += step;
    }
    out
}

pub(super) fn sites(out: &mut Vec<Record>) -> Vec<SitePlan> {
    let mut rng = Rng::stream(SEED, label::SITES, 0);
    // Unique names: a shuffled list of (adjective, noun) pairs.
    let mut names: Vec<(usize, usize)> = (0..pools::NAME_ADJECTIVES.len())
        .flat_map(|a| (0..pools::NAME_NOUNS.len()).map(move |n| (a, n)))
        .collect();
    rng.shuffle(&mut names);

    let mut layout: Vec<(usize, bool)> = Vec::new();
    for (p, province) in PROVINCES.iter().enumerate() {
        layout.extend(std::iter::repeat_n((p, true), province.compounds));
    }
    for (p, province) in PROVINCES.iter().enumerate() {
        layout.extend(std::iter::repeat_n((p, false), province.suspected));
    }

    let mut plans = Vec::with_capacity(layout.len());
    for (i, &(p, compound)) in layout.iter().enumerate() {
        let mut rng = Rng::stream(SEED, label::SITES, i as u64 + 1);
        let province = &PROVINCES[p];
        let (adjective, noun) = names[i % names.len()];
        let (adj_en, adj_zh) = pools::NAME_ADJECTIVES[adjective];
        let (noun_en, noun_zh) = pools::NAME_NOUNS[noun];
        let name = if compound {
            format!("{adj_en} {noun_en} compound (fictional)")
        } else {
            format!("{adj_en} {noun_en} building (fictional)")
        };
        let district = &province.districts[rng.index(province.districts.len())];
        let located = compound || rng.chance(85);
        let location = located.then(|| Coordinates {
            lat: (district.lat + rng.range(-150, 150)) as f64 / 10_000.0,
            lon: (district.lon + rng.range(-150, 150)) as f64 / 10_000.0,
        });
        let former_use = if compound {
            use FormerUse as F;
            Some(rng.weighted(&[
                (F::Casino, 25),
                (F::Hotel, 20),
                (F::SpecialEconomicZone, 15),
                (F::Office, 10),
                (F::Residential, 15),
                (F::Industrial, 5),
                (F::Unknown, 5),
                (F::Other, 5),
            ]))
        } else {
            use FormerUse as F;
            rng.weighted(&[
                (Some(F::Residential), 30),
                (Some(F::Office), 20),
                (Some(F::Hotel), 15),
                (Some(F::Casino), 10),
                (Some(F::Industrial), 5),
                (Some(F::Unknown), 10),
                (None, 10),
            ])
        };
        let mut aliases = Vec::new();
        if compound && rng.chance(40) {
            aliases.push(format!("{adj_zh}{noun_zh} (fictional)"));
        }
        if rng.chance(10) {
            aliases.push(format!(
                "Building {} (fictional)",
                char::from(b'A' + rng.below(6) as u8)
            ));
        }
        let group = if (compound && rng.chance(85)) || (!compound && rng.chance(20)) {
            Some(if rng.chance(70) {
                p % GROUPS
            } else {
                rng.index(GROUPS)
            })
        } else {
            None
        };
        let mut operators = Vec::new();
        if let Some(g) = group {
            operators.push(org_id(g));
        }
        if compound && rng.chance(25) {
            operators.push(org_id(GROUPS + rng.index(COMPANIES)));
        }
        let visit = if p <= 1 {
            SRC_VISIT_COAST
        } else {
            SRC_VISIT_BORDER
        };
        let (sources, sens): (Vec<&str>, Sensitivity) = if compound {
            let mut s = vec![DEMO_SOURCE_ID, visit];
            if rng.chance(50) {
                s.push(SRC_SATELLITE);
            }
            (s, sensitivity(&mut rng, 30, 60, 10))
        } else {
            let s = vec![
                DEMO_SOURCE_ID,
                if rng.chance(50) {
                    SRC_MEDIA
                } else {
                    SRC_HOTLINE
                },
            ];
            (s, sensitivity(&mut rng, 0, 60, 40))
        };
        let id = format!("demo-site-{:03}", i + 1);
        out.push(record(
            id.clone(),
            &sources,
            sens,
            Body::Site(Site {
                name: name.clone(),
                category: if compound {
                    SiteCategory::ScamCompound
                } else {
                    SiteCategory::SuspectedSite
                },
                country: "KH".to_owned(),
                admin1: Some(province.name.to_owned()),
                admin2: located.then(|| district.name.to_owned()),
                location,
                former_use,
                aliases,
                operators,
            }),
        ));
        let start = if compound {
            rng.range(month(2020, 6), month(2022, 12))
        } else {
            rng.range(month(2021, 6), month(2024, 6))
        };
        plans.push(SitePlan {
            id,
            name,
            compound,
            province: p,
            start,
            group,
            raids: Vec::new(),
            outcome: None,
            observations: Vec::new(),
            interventions: Vec::new(),
        });
    }

    plan_interventions(&mut plans);
    emit_history(out, &plans);
    plans
}

/// Chooses the raided sites and builds, for each, the interventions and the
/// observations that give it its outcome; the other sites get plain histories.
pub(super) fn plan_interventions(plans: &mut [SitePlan]) {
    let mut rng = Rng::stream(SEED, label::PLAN, 0);
    let compounds: Vec<usize> = (0..plans.len()).filter(|&i| plans[i].compound).collect();
    let suspected: Vec<usize> = (0..plans.len()).filter(|&i| !plans[i].compound).collect();
    let mut shuffled = compounds.clone();
    rng.shuffle(&mut shuffled);
    let mut raided: Vec<usize> = shuffled[..32].to_vec();
    let mut shuffled_suspected = suspected.clone();
    rng.shuffle(&mut shuffled_suspected);
    raided.extend_from_slice(&shuffled_suspected[..2]);
    // Relocation targets: suspected sites with no raid.
    let targets: Vec<usize> = shuffled_suspected[2..].to_vec();

    // Over two thirds kept operating after the raid, as in reality.
    let mut outcomes = Vec::new();
    outcomes.extend(std::iter::repeat_n(Outcome::OperatingAfter, 23));
    outcomes.extend(std::iter::repeat_n(Outcome::NotOperatingAfter, 5));
    outcomes.extend([
        Outcome::UncertainSameMonth,
        Outcome::UncertainSameMonth,
        Outcome::UncertainSameYear,
        Outcome::UncertainDisagree,
        Outcome::Unobserved,
        Outcome::Unobserved,
    ]);
    rng.shuffle(&mut outcomes);

    let mut relocations: Vec<(usize, Month)> = Vec::new();
    let mut not_operating = 0;
    for (n, (&site, &outcome)) in raided.iter().zip(&outcomes).enumerate() {
        let mut rng = Rng::stream(SEED, label::HISTORY, site as u64);
        let plan = &mut plans[site];
        let count = rng.weighted(&[(1usize, 65), (2, 28), (3, 7)]);
        let latest = rng.range(month(2023, 3), month(2025, 4));
        plan.start = plan.start.min(latest - 8 - 8 * count as i64);
        let mut months = vec![latest];
        for _ in 1..count {
            let previous = months[months.len() - 1];
            months.push(previous - rng.range(4, 12));
        }
        months.reverse();
        let police = POLICE_BASE + plan.province;
        for (k, &m) in months.iter().enumerate() {
            let is_latest = k + 1 == months.len();
            let date = if is_latest {
                calendar::with_precision(m, calendar::precision(&mut rng, [0, 20, 80]), &mut rng)
            } else {
                calendar::with_precision(m, calendar::precision(&mut rng, [0, 40, 60]), &mut rng)
            };
            let rescue = rng.chance(35);
            let mut agencies = vec![police];
            if rng.chance(30) {
                agencies.push(ORG_COMMITTEE);
            }
            if rescue && rng.chance(50) {
                agencies.push(ORG_NGO);
            }
            if rescue && rng.chance(15) {
                agencies.push(ORG_CONSULAR);
            }
            if !rescue && rng.chance(20) {
                agencies.push(ORG_IMMIGRATION);
            }
            let (removed, arrested) = if rescue {
                (
                    rng.chance(90).then(|| rng.range(3, 60) as u64),
                    rng.chance(60).then(|| rng.range(0, 5) as u64),
                )
            } else {
                let removed = if rng.chance(70) {
                    rng.range(30, 300)
                } else {
                    rng.range(300, 1200)
                };
                (
                    rng.chance(90).then_some(removed as u64),
                    rng.chance(80).then(|| rng.range(0, 60) as u64),
                )
            };
            let note = rng.chance(50).then(|| {
                if rescue {
                    rng.pick(RESCUE_NOTES)
                } else {
                    rng.pick(RAID_NOTES)
                }
            });
            plan.interventions.push(InterventionPlan {
                date,
                kind: if rescue {
                    InterventionType::Rescue
                } else {
                    InterventionType::Raid
                },
                agencies,
                removed,
                arrested,
                note,
            });
            plan.raids.push((m, date));
        }
        let first = months[0];

        // Before the latest raid: a history that ends strictly before it.
        let count = rng.range(1, 3) as usize + usize::from(first > plan.start + 12);
        plan.observations = history(&mut rng, plan.start, latest, count);
        if plan.observations.is_empty() {
            let date = calendar::strictly_before(latest - 1, latest, &mut rng, [0, 1, 1]);
            let b = basis(&mut rng);
            let o = observe(&mut rng, date, SiteStatusValue::Operating, b);
            plan.observations.push(o);
        }

        plan.outcome = Some(outcome);
        let room = LAST - latest; // at least 5 months
        let after = |rng: &mut Rng, m: Month| -> PartialDate {
            with_precision(m, calendar::precision(rng, [0, 60, 40]), rng)
        };
        match outcome {
            Outcome::OperatingAfter => {
                let count = rng.range(1, 3);
                let mut m = latest;
                for k in 0..count {
                    m += rng.range(1, (room / count).max(1));
                    let last = k + 1 == count;
                    let status = if !last && k == 0 && rng.chance(40) {
                        SiteStatusValue::Closed
                    } else {
                        SiteStatusValue::Operating
                    };
                    let date =
                        if last && count == 1 && year_of(m) > year_of(latest) && rng.chance(50) {
                            year(m)
                        } else {
                            after(&mut rng, m)
                        };
                    let b = basis(&mut rng);
                    plan.observations.push(observe(&mut rng, date, status, b));
                }
                if n % 8 == 0 {
                    // A closure order that changed nothing.
                    plan.interventions.push(InterventionPlan {
                        date: in_month(latest + 1),
                        kind: InterventionType::ClosureOrder,
                        agencies: vec![ORG_COMMITTEE],
                        removed: None,
                        arrested: None,
                        note: Some(
                            "(fictional) Closure order announced; later imagery shows activity.",
                        ),
                    });
                }
            }
            Outcome::NotOperatingAfter => {
                let mut m = latest + rng.range(1, 2);
                if rng.chance(50) {
                    let b = basis(&mut rng);
                    let date = after(&mut rng, m);
                    plan.observations
                        .push(observe(&mut rng, date, SiteStatusValue::Operating, b));
                    m += rng.range(1, 2);
                }
                // Each way of not operating, in turn.
                let status = [
                    SiteStatusValue::Closed,
                    SiteStatusValue::Relocated,
                    SiteStatusValue::Closed,
                    SiteStatusValue::Relocated,
                    SiteStatusValue::UnderConstruction,
                ][not_operating % 5];
                not_operating += 1;
                let b = basis(&mut rng);
                let date = after(&mut rng, m);
                let mut observation = observe(&mut rng, date, status, b);
                if status == SiteStatusValue::Relocated {
                    let target = targets[n % targets.len()];
                    observation.relocated_to = Some(target);
                    relocations.push((target, m));
                }
                plan.observations.push(observation);
                plan.interventions.push(InterventionPlan {
                    date: in_month(latest + 1),
                    kind: InterventionType::ClosureOrder,
                    agencies: vec![ORG_COMMITTEE, police],
                    removed: None,
                    arrested: None,
                    note: None,
                });
            }
            Outcome::UncertainSameMonth => {
                let status = if rng.chance(50) {
                    SiteStatusValue::Closed
                } else {
                    SiteStatusValue::Operating
                };
                let o = observe(&mut rng, in_month(latest), status, ObservationBasis::Media);
                plan.observations.push(o);
            }
            Outcome::UncertainSameYear => {
                let o = observe(
                    &mut rng,
                    year(latest),
                    SiteStatusValue::Operating,
                    ObservationBasis::SatelliteImagery,
                );
                plan.observations.push(o);
            }
            Outcome::UncertainDisagree => {
                let m = latest + rng.range(1, 3);
                plan.observations.push(Observation {
                    date: in_month(m),
                    status: SiteStatusValue::Operating,
                    basis: ObservationBasis::SocialMedia,
                    relocated_to: None,
                    note: Some("(fictional) Recruitment posts from inside continue."),
                });
                plan.observations.push(Observation {
                    date: in_month(m),
                    status: SiteStatusValue::Closed,
                    basis: ObservationBasis::Government,
                    relocated_to: None,
                    note: Some("(fictional) Authorities declare the compound closed."),
                });
            }
            Outcome::Unobserved => {}
        }
    }

    // Everything else: plain histories, a few inspections and other actions.
    for (i, plan) in plans.iter_mut().enumerate() {
        if plan.outcome.is_some() {
            continue;
        }
        let mut rng = Rng::stream(SEED, label::HISTORY, i as u64);
        let count = if plan.compound {
            rng.range(2, 4) as usize
        } else {
            rng.weighted(&[(0usize, 15), (1, 35), (2, 35), (3, 15)])
        };
        plan.observations = history(&mut rng, plan.start, LAST + 1, count);
        if plan.compound && rng.chance(10) {
            let m = rng.range(month(2024, 6), LAST);
            let date = in_month(m);
            let closes_after = plan
                .observations
                .iter()
                .all(|o| o.date.order(&date) == zonewatch_model::DateOrder::Before);
            if closes_after {
                let o = observe(
                    &mut rng,
                    date,
                    SiteStatusValue::Closed,
                    ObservationBasis::Media,
                );
                plan.observations.push(o);
                plan.interventions.push(InterventionPlan {
                    date: in_month(m - 1),
                    kind: InterventionType::Other,
                    agencies: vec![POLICE_BASE + plan.province],
                    removed: None,
                    arrested: None,
                    note: Some("(fictional) Electricity and internet cut to the compound."),
                });
            }
        }
        if plan.compound && rng.chance(25) {
            let m = rng.range(month(2022, 6), LAST);
            plan.interventions.push(InterventionPlan {
                date: calendar::with_precision(m, Precision::Day, &mut rng),
                kind: InterventionType::Inspection,
                agencies: vec![POLICE_BASE + plan.province, ORG_COMMITTEE],
                removed: rng.chance(50).then_some(0),
                arrested: None,
                note: Some("(fictional) Labour inspection announced in advance; nothing found."),
            });
        }
    }

    // A relocated operation shows up at its new site.
    for (target, m) in relocations {
        let mut rng = Rng::stream(SEED, label::HISTORY, 10_000 + target as u64);
        let m = (m + rng.range(1, 3)).min(LAST);
        let date = in_month(m);
        plans[target].observations.push(Observation {
            date,
            status: SiteStatusValue::Operating,
            basis: ObservationBasis::Testimony,
            relocated_to: None,
            note: Some("(fictional) Workers moved here from a raided compound."),
        });
    }
}

pub(super) fn emit_history(out: &mut Vec<Record>, plans: &[SitePlan]) {
    let mut status_n = 0;
    let mut intervention_n = 0;
    for (i, plan) in plans.iter().enumerate() {
        let mut rng = Rng::stream(SEED, label::HISTORY, 20_000 + i as u64);
        let mut observations: Vec<&Observation> = plan.observations.iter().collect();
        observations.sort_by(|a, b| a.date.cmp_latest(&b.date));
        for o in observations {
            status_n += 1;
            let source = match o.basis {
                ObservationBasis::FieldVisit if plan.province <= 1 => SRC_VISIT_COAST,
                ObservationBasis::FieldVisit => SRC_VISIT_BORDER,
                ObservationBasis::SatelliteImagery => SRC_SATELLITE,
                ObservationBasis::Media => SRC_MEDIA,
                ObservationBasis::Government => SRC_POLICE,
                ObservationBasis::Testimony => SRC_INTERVIEWS,
                ObservationBasis::SocialMedia => SRC_ADS,
                ObservationBasis::Other => DEMO_SOURCE_ID,
            };
            let sens = match o.basis {
                ObservationBasis::FieldVisit => sensitivity(&mut rng, 0, 50, 50),
                ObservationBasis::Media | ObservationBasis::Government => {
                    sensitivity(&mut rng, 50, 50, 0)
                }
                _ => Sensitivity::Internal,
            };
            out.push(record(
                format!("demo-status-{status_n:04}"),
                &[DEMO_SOURCE_ID, source],
                sens,
                Body::SiteStatus(SiteStatus {
                    site: plan.id.clone(),
                    date: o.date,
                    status: o.status,
                    basis: o.basis,
                    relocated_to: o.relocated_to.map(|t| plans[t].id.clone()),
                    note: o.note.map(str::to_owned),
                }),
            ));
        }
        let mut interventions: Vec<&InterventionPlan> = plan.interventions.iter().collect();
        interventions.sort_by(|a, b| a.date.cmp_latest(&b.date));
        for v in interventions {
            intervention_n += 1;
            let mut sources = vec![DEMO_SOURCE_ID, SRC_POLICE];
            if rng.chance(50) {
                sources.push(SRC_MEDIA);
            }
            let sens = if matches!(v.kind, InterventionType::Raid | InterventionType::Rescue) {
                sensitivity(&mut rng, 50, 50, 0)
            } else {
                Sensitivity::Internal
            };
            out.push(record(
                format!("demo-intervention-{intervention_n:03}"),
                &sources,
                sens,
                Body::Intervention(Intervention {
                    site: plan.id.clone(),
                    date: v.date,
                    intervention_type: v.kind,
                    agencies: v.agencies.iter().map(|&a| org_id(a)).collect(),
                    persons_removed: v.removed,
                    persons_arrested: v.arrested,
                    note: v.note.map(str::to_owned),
                }),
            ));
        }
    }
}
