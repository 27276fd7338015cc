//! Survivors with their testimonies, other victims, perpetrators and recruiters.

use zonewatch_model::{
    Body, Consent, Custody, ExitMode, Finding, FindingCode, Gender, IncidentType, PartialDate,
    Person, PersonRole, Pii, Precision, Record, Recruitment, RecruitmentChannel, Sensitivity,
    Testimony,
};

use super::ads::{platform_of, reads, AdPlan};
use super::sites::SitePlan;
use super::*;
use crate::calendar::{self, in_month, month, with_precision, year_of, Month, LAST};
use crate::pools::{self, PROVINCES};
use crate::rng::Rng;

/// A stay at a site: site index and the months it spans.
#[derive(Clone, Copy)]
pub(super) struct Stay {
    pub(super) site: usize,
    pub(super) from: Month,
    pub(super) to: Month,
}

/// What happened to a survivor; findings and incidents are drawn from it.
#[derive(Default)]
pub(super) struct Experience {
    pub(super) transported: bool,
    pub(super) confined: bool,
    pub(super) isolated: bool,
    pub(super) documents_taken: bool,
    pub(super) violence: Option<IncidentType>,
    pub(super) threatened: bool,
    pub(super) debt: bool,
    pub(super) wages_withheld: bool,
    pub(super) overtime: bool,
    pub(super) abusive_conditions: bool,
    pub(super) forced_criminality: bool,
    pub(super) ownership_claim: bool,
    pub(super) possession: bool,
    pub(super) sexual_exploitation: bool,
}

pub(super) struct SurvivorPlan {
    pub(super) id: String,
    pub(super) minor: bool,
    pub(super) witness: bool,
    pub(super) stays: Vec<Stay>,
    pub(super) experience: Experience,
    /// The testimony incidents may name: the first usable one, else the withdrawn one.
    pub(super) testimony: String,
}

pub(super) struct VictimPlan {
    pub(super) id: String,
    pub(super) minor: bool,
    pub(super) stay: Option<Stay>,
    pub(super) exit: Option<ExitMode>,
}

pub(super) struct PerpetratorPlan {
    pub(super) id: String,
    pub(super) group: usize,
}

#[derive(Default)]
pub(super) struct People {
    pub(super) survivors: Vec<SurvivorPlan>,
    pub(super) victims: Vec<VictimPlan>,
    pub(super) perpetrators: Vec<PerpetratorPlan>,
    /// Victim indices by site index.
    pub(super) by_site: Vec<Vec<usize>>,
    pub(super) next_person: usize,
    pub(super) next_testimony: usize,
}

impl People {
    fn next_person_id(&mut self) -> String {
        self.next_person += 1;
        format!("demo-person-{:04}", self.next_person)
    }
    fn next_testimony_id(&mut self) -> String {
        self.next_testimony += 1;
        format!("demo-testimony-{:03}", self.next_testimony)
    }
}

pub(super) fn gender(rng: &mut Rng) -> Option<Gender> {
    rng.weighted(&[
        (Some(Gender::Male), 55),
        (Some(Gender::Female), 38),
        (Some(Gender::Other), 2),
        (Some(Gender::Unknown), 2),
        (None, 3),
    ])
}

pub(super) fn adult_age(rng: &mut Rng) -> u64 {
    match rng.below(10) {
        0..=5 => rng.range(18, 24) as u64,
        6..=8 => rng.range(25, 32) as u64,
        _ => rng.range(33, 45) as u64,
    }
}

pub(super) fn channel_for(rng: &mut Rng, country: &str) -> RecruitmentChannel {
    match country {
        "CN" if rng.chance(40) => RecruitmentChannel::Wechat,
        "TH" if rng.chance(20) => RecruitmentChannel::Line,
        _ => rng.weighted(pools::CHANNELS),
    }
}

/// A date for month `m`: absent, or written by year, month or day.
pub(super) fn maybe_date(rng: &mut Rng, m: Month, weights: [u32; 4]) -> Option<PartialDate> {
    let p = rng.weighted(&[
        (None, weights[0]),
        (Some(Precision::Year), weights[1]),
        (Some(Precision::Month), weights[2]),
        (Some(Precision::Day), weights[3]),
    ]);
    p.map(|p| with_precision(m, p, rng))
}

/// Sites a survivor was held at, ending at `end` at site `last`, oldest first.
pub(super) fn stays_before(
    rng: &mut Rng,
    sites: &[SitePlan],
    last: usize,
    end: Month,
    count: usize,
) -> Vec<Stay> {
    let compounds: Vec<usize> = (0..sites.len()).filter(|&i| sites[i].compound).collect();
    let mut stays = Vec::new();
    let mut to = end;
    let mut site = last;
    for _ in 0..count {
        let from = to - rng.range(2, 14);
        if from < month(2021, 1) {
            break;
        }
        stays.push(Stay { site, from, to });
        to = from;
        // The previous site: another compound.
        loop {
            site = compounds[rng.index(compounds.len())];
            if stays.iter().all(|s| s.site != site) {
                break;
            }
        }
    }
    if stays.is_empty() {
        stays.push(Stay {
            site: last,
            from: end - 2,
            to: end,
        });
    }
    stays.reverse();
    stays
}

pub(super) fn custody_of(
    rng: &mut Rng,
    sites: &[SitePlan],
    stays: &[Stay],
    open_end: bool,
    end_date: Option<PartialDate>,
) -> Vec<Custody> {
    let mut custody = Vec::with_capacity(stays.len());
    for (k, stay) in stays.iter().enumerate() {
        let last = k + 1 == stays.len();
        let from = maybe_date(rng, stay.from, [15, 5, 60, 20]);
        let to = match (last, open_end, end_date) {
            (true, true, _) => None,
            (true, false, Some(date)) => Some(date),
            _ => maybe_date(rng, stay.to, [15, 5, 60, 20]),
        };
        custody.push(Custody {
            site: sites[stay.site].id.clone(),
            from,
            to,
        });
    }
    custody
}

pub(super) fn make_pii(
    rng: &mut Rng,
    n: usize,
    country: &str,
    birth_year: Option<i64>,
    full: bool,
) -> Pii {
    let date_of_birth = birth_year.and_then(|y| {
        let m = month(y, 1) + rng.range(0, 11);
        maybe_date(rng, m, [20, 40, 0, 40])
    });
    Pii {
        legal_name: Some(format!("(fictional) Name {n}")),
        date_of_birth: if full { date_of_birth } else { None },
        contact: (full && rng.chance(60)).then(|| {
            format!(
                "(fictional) reachable through caseworker {}",
                rng.range(1, 9)
            )
        }),
        document_numbers: if full && rng.chance(50) {
            vec![format!("(fictional) P{:07}", rng.below(10_000_000))]
        } else {
            Vec::new()
        },
        address: (full && rng.chance(50)).then(|| {
            format!(
                "(fictional) Village {}, {}",
                rng.range(1, 40),
                rng.pick(pools::home_regions(country))
            )
        }),
    }
}

pub(super) fn survivors(
    out: &mut Vec<Record>,
    sites: &[SitePlan],
    ads: &[AdPlan],
    people: &mut People,
) {
    let mut rng = Rng::stream(SEED, label::SURVIVORS, 0);
    // (nationality, minor, only testimony withdrawn)
    let mut plan: Vec<(&str, bool, bool)> = Vec::new();
    for &(country, count) in pools::SURVIVOR_NATIONALITIES {
        plan.extend(std::iter::repeat_n((country, false, false), count));
    }
    let mut order: Vec<usize> = (0..plan.len()).collect();
    rng.shuffle(&mut order);
    for &i in &order[..9] {
        plan[i].1 = true;
    }
    plan.extend([("LK", false, true), ("BD", false, true), ("TH", true, true)]);
    rng.shuffle(&mut plan);

    let raided: Vec<usize> = (0..sites.len())
        .filter(|&i| !sites[i].raids.is_empty())
        .collect();
    let compounds: Vec<usize> = (0..sites.len()).filter(|&i| sites[i].compound).collect();
    let mut aliases_used: Vec<String> = Vec::new();
    let mut withdrawn_follow_ups = 0;

    for (i, &(country, minor, withdrawn_only)) in plan.iter().enumerate() {
        let mut rng = Rng::stream(SEED, label::SURVIVORS, i as u64 + 1);
        let id = people.next_person_id();
        let exit = rng.weighted(&[
            (ExitMode::Rescued, 32),
            (ExitMode::Escaped, 22),
            (ExitMode::Released, 14),
            (ExitMode::RansomPaid, 14),
            (ExitMode::Deported, 10),
            (ExitMode::StillHeld, 2),
            (ExitMode::Unknown, 3),
        ]);
        let count = rng.weighted(&[(1usize, 55), (2, 35), (3, 10)]);
        let from_raid = exit == ExitMode::Rescued || (exit == ExitMode::Deported && rng.chance(50));
        let (last, end, end_date) = if from_raid {
            let site = raided[rng.index(raided.len())];
            let (m, date) = sites[site].raids[rng.index(sites[site].raids.len())];
            (site, m, rng.chance(70).then_some(date))
        } else if exit == ExitMode::StillHeld {
            (
                compounds[rng.index(compounds.len())],
                LAST - rng.range(0, 4),
                None,
            )
        } else {
            let site = if rng.chance(90) {
                compounds[rng.index(compounds.len())]
            } else {
                rng.index(sites.len())
            };
            (site, rng.range(month(2021, 10), month(2025, 2)), None)
        };
        let stays = stays_before(&mut rng, sites, last, end, count);
        let first = stays[0].from;
        let recruited = first - rng.range(0, 2);
        let age = if minor {
            rng.weighted(&[(15u64, 2), (16, 3), (17, 5)])
        } else {
            adult_age(&mut rng)
        };

        // Recruitment, sometimes through an ad of the archive.
        let channel = channel_for(&mut rng, country);
        let mut job = rng.weighted(pools::PROMISED_JOBS);
        let mut salary = rng.chance(90).then(|| rng.range(12, 60) as u64 * 50);
        let mut ad = None;
        if let Some(platform) = platform_of(channel) {
            let candidates: Vec<&AdPlan> = ads
                .iter()
                .filter(|a| {
                    a.platform == platform && reads(country, a.language) && a.posted <= recruited
                })
                .collect();
            if !candidates.is_empty() && rng.chance(60) {
                let chosen = candidates[rng.index(candidates.len())];
                job = pools::AD_JOBS[chosen.job][0];
                salary = Some(chosen.salary);
                ad = Some(chosen.id.clone());
            }
        }
        let recruitment = Recruitment {
            channel: Some(channel),
            promised_job: Some(job.to_owned()),
            promised_salary_usd: salary.map(|s| s as f64),
            date: maybe_date(&mut rng, recruited, [5, 10, 70, 15]),
            ad,
        };

        let sold = stays.len() >= 2;
        let mut experience = Experience {
            transported: rng.chance(85),
            confined: rng.chance(90),
            isolated: rng.chance(40),
            documents_taken: rng.chance(70),
            violence: rng.chance(if minor { 80 } else { 45 }).then(|| {
                rng.weighted(&[
                    (IncidentType::Beating, 45),
                    (IncidentType::ElectricShock, 20),
                    (IncidentType::Torture, 20),
                    (IncidentType::SexualViolence, 15),
                ])
            }),
            threatened: rng.chance(60),
            debt: rng.chance(35),
            wages_withheld: rng.chance(50),
            overtime: rng.chance(75),
            abusive_conditions: rng.chance(50),
            forced_criminality: rng.chance(90),
            ownership_claim: false,
            possession: rng.chance(20),
            sexual_exploitation: rng.chance(4),
        };
        experience.ownership_claim = rng.chance(if experience.debt { 45 } else { 20 });

        let witness = i % 10 == 3;
        let recruiter = matches!(i, 8 | 27 | 44);
        let mut roles = vec![PersonRole::Survivor];
        if witness {
            roles.push(PersonRole::Witness);
        }
        if recruiter {
            roles.push(PersonRole::Recruiter);
        }

        let names = pools::pseudonyms(country);
        let mut alias = (rng.pick(names)).to_owned();
        let mut suffix = 0u8;
        while aliases_used.contains(&alias) {
            alias = format!("{} {}.", rng.pick(names), char::from(b'A' + suffix % 26));
            suffix += 1;
        }
        aliases_used.push(alias.clone());

        let birth_year = i64::from(year_of(recruited)) - age as i64;
        let custody = custody_of(
            &mut rng,
            sites,
            &stays,
            exit == ExitMode::StillHeld,
            end_date,
        );
        let mut sources = vec![DEMO_SOURCE_ID, SRC_INTERVIEWS];
        if rng.chance(30) {
            sources.push(SRC_HOTLINE);
        }
        out.push(record(
            id.clone(),
            &sources,
            sensitivity(&mut rng, 0, 45, 55),
            Body::Person(Person {
                alias,
                roles,
                nationality: Some(country.to_owned()),
                gender: gender(&mut rng),
                age_at_entry: Some(age),
                recruitment: Some(Box::new(recruitment.clone())),
                custody,
                exit: Some(exit),
                pii: Some(Box::new(make_pii(
                    &mut rng,
                    i + 1,
                    country,
                    Some(birth_year),
                    true,
                ))),
            }),
        ));

        // Testimonies.
        let interviewed = (end + rng.range(1, 8)).min(LAST);
        let codes = finding_codes(&mut rng, &experience, minor, sold);
        let language = if rng.chance(80) {
            pools::language_of(country)
        } else {
            "en"
        };
        let interviewer = format!(
            "(fictional) Interviewer {}",
            char::from(b'A' + rng.below(6) as u8)
        );
        let first_id = people.next_testimony_id();
        let consent = if withdrawn_only {
            Consent::Withdrawn
        } else {
            rng.weighted(&[
                (Consent::PublicUse, 12),
                (Consent::AnonymousUse, 58),
                (Consent::InternalOnly, 30),
            ])
        };
        let findings = if withdrawn_only {
            codes
                .iter()
                .take(rng.range(1, 3) as usize)
                .map(|&code| Finding {
                    code,
                    note: None,
                    site: None,
                    date: None,
                })
                .collect()
        } else {
            findings(&mut rng, &codes, &stays, sites, &recruitment)
        };
        let transcript = (!withdrawn_only).then(|| {
            transcript(
                &mut rng,
                &recruitment,
                &experience,
                &stays,
                sites,
                exit,
                sold,
            )
        });
        let testimony_date = with_precision(
            interviewed,
            calendar::precision(&mut rng, [0, 15, 85]),
            &mut rng,
        );
        out.push(record(
            first_id.clone(),
            &[DEMO_SOURCE_ID, SRC_INTERVIEWS],
            sensitivity(&mut rng, 0, 40, 60),
            Body::Testimony(Testimony {
                person: id.clone(),
                date: testimony_date,
                consent,
                language: Some(language.to_owned()),
                interviewer: Some(interviewer.clone()),
                transcript,
                findings,
            }),
        ));
        if !withdrawn_only && rng.chance(30) && interviewed + 2 <= LAST {
            let follow_up = people.next_testimony_id();
            let consent = if withdrawn_follow_ups < 2 && i % 3 == 0 {
                withdrawn_follow_ups += 1;
                Consent::Withdrawn
            } else {
                rng.weighted(&[(Consent::AnonymousUse, 60), (Consent::InternalOnly, 40)])
            };
            let mut picked: Vec<FindingCode> = Vec::new();
            for _ in 0..rng.range(2, 4) {
                let code = codes[rng.index(codes.len())];
                if !picked.contains(&code) {
                    picked.push(code);
                }
            }
            let m = rng.range(interviewed + 2, LAST);
            out.push(record(
                follow_up,
                &[DEMO_SOURCE_ID, SRC_INTERVIEWS],
                Sensitivity::Restricted,
                Body::Testimony(Testimony {
                    person: id.clone(),
                    date: in_month(m),
                    consent,
                    language: Some(language.to_owned()),
                    interviewer: Some(interviewer),
                    transcript: (consent != Consent::Withdrawn).then(|| {
                        "(fictional transcript, generated) Follow-up interview: confirms the earlier account \
                         and adds the names of two guards."
                            .to_owned()
                    }),
                    findings: picked
                        .into_iter()
                        .map(|code| Finding {
                            code,
                            note: Some("(fictional) Confirmed in the follow-up interview.".to_owned()),
                            site: None,
                            date: None,
                        })
                        .collect(),
                }),
            ));
        }

        people.survivors.push(SurvivorPlan {
            id,
            minor,
            witness,
            stays,
            experience,
            testimony: first_id,
        });
    }
}

pub(super) fn finding_codes(
    rng: &mut Rng,
    e: &Experience,
    minor: bool,
    sold: bool,
) -> Vec<FindingCode> {
    use FindingCode as F;
    let mut codes = Vec::new();
    let mut add = |rng: &mut Rng, when: bool, percent: u64, code: F| {
        if when && rng.chance(percent) {
            codes.push(code);
        }
    };
    add(rng, true, 95, F::IloDeception);
    add(rng, true, 80, F::TipActRecruitment);
    add(rng, e.transported, 90, F::TipActTransportation);
    add(rng, true, 60, F::TipActHarbouring);
    add(rng, true, 25, F::TipActReceipt);
    add(rng, sold, 70, F::TipActTransfer);
    add(rng, true, 40, F::TipMeansDeception);
    add(rng, true, 15, F::TipMeansFraud);
    add(rng, e.confined, 95, F::IloRestrictionOfMovement);
    add(rng, e.confined, 30, F::TipMeansCoercion);
    add(rng, e.isolated, 90, F::IloIsolation);
    add(rng, e.documents_taken, 90, F::IloRetentionOfDocuments);
    add(rng, e.violence.is_some(), 95, F::IloPhysicalSexualViolence);
    add(rng, e.violence.is_some(), 40, F::TipMeansForce);
    add(rng, e.threatened, 90, F::IloIntimidationThreats);
    add(rng, e.threatened, 40, F::TipMeansThreat);
    add(rng, e.debt, 90, F::IloDebtBondage);
    add(rng, e.debt, 10, F::TipMeansPaymentToController);
    add(rng, e.wages_withheld, 90, F::IloWithholdingOfWages);
    add(rng, e.overtime, 90, F::IloExcessiveOvertime);
    add(rng, e.abusive_conditions, 90, F::IloAbusiveConditions);
    add(
        rng,
        true,
        if minor { 90 } else { 15 },
        F::IloAbuseOfVulnerability,
    );
    add(rng, minor, 50, F::TipMeansAbuseOfVulnerability);
    add(rng, true, 2, F::TipMeansAbduction);
    add(rng, true, 5, F::TipMeansAbuseOfPower);
    add(
        rng,
        e.forced_criminality,
        90,
        F::TipPurposeForcedCriminality,
    );
    add(rng, true, 25, F::TipPurposeForcedLabour);
    add(
        rng,
        e.sexual_exploitation,
        100,
        F::TipPurposeSexualExploitation,
    );
    add(rng, true, 3, F::TipPurposeServitude);
    add(rng, sold, 85, F::SlaverySale);
    add(rng, e.ownership_claim, 100, F::SlaveryOwnershipClaim);
    add(rng, e.possession, 100, F::SlaveryControlAsPossession);
    if codes.is_empty() {
        codes.push(F::IloDeception);
    }
    codes
}

pub(super) fn findings(
    rng: &mut Rng,
    codes: &[FindingCode],
    stays: &[Stay],
    sites: &[SitePlan],
    recruitment: &Recruitment,
) -> Vec<Finding> {
    use FindingCode as F;
    codes
        .iter()
        .map(|&code| {
            let stay = if code == F::SlaverySale || code == F::TipActTransfer {
                stays[0]
            } else {
                stays[rng.index(stays.len())]
            };
            let note = if rng.chance(30) {
                match code {
                    F::IloDeception => Some(format!(
                        "(fictional) Promised work as a {}; made to run online scams instead.",
                        recruitment.promised_job.as_deref().unwrap_or("clerk")
                    )),
                    F::IloRetentionOfDocuments => {
                        Some("(fictional) Passport taken on arrival.".to_owned())
                    }
                    F::IloDebtBondage => Some(format!(
                        "(fictional) Told to repay {} USD for travel and food.",
                        rng.range(10, 60) * 100
                    )),
                    F::SlaveryOwnershipClaim => Some(
                        "(fictional) Told they had been bought and must buy back their freedom."
                            .to_owned(),
                    ),
                    F::SlaverySale => Some(format!(
                        "(fictional) Sold to another compound for about {} USD.",
                        rng.range(5, 40) * 500
                    )),
                    F::IloRestrictionOfMovement => {
                        Some("(fictional) Armed guards and a fenced perimeter.".to_owned())
                    }
                    F::IloPhysicalSexualViolence => {
                        Some("(fictional) Beaten for missing daily targets.".to_owned())
                    }
                    F::IloExcessiveOvertime => {
                        Some("(fictional) Shifts of 14 to 16 hours, seven days a week.".to_owned())
                    }
                    _ => None,
                }
            } else {
                None
            };
            Finding {
                code,
                note,
                site: rng.chance(35).then(|| sites[stay.site].id.clone()),
                date: rng
                    .chance(20)
                    .then(|| in_month(rng.range(stay.from, stay.to))),
            }
        })
        .collect()
}

pub(super) fn transcript(
    rng: &mut Rng,
    recruitment: &Recruitment,
    e: &Experience,
    stays: &[Stay],
    sites: &[SitePlan],
    exit: ExitMode,
    sold: bool,
) -> String {
    let mut t = String::from("(fictional transcript, generated for the zonewatch demo) ");
    let channel = pools::channel_phrase(recruitment.channel.unwrap_or(RecruitmentChannel::Other));
    let job = recruitment
        .promised_job
        .as_deref()
        .unwrap_or("office worker");
    let article = if job.starts_with(['a', 'e', 'i', 'o', 'u', 'I']) {
        "an"
    } else {
        "a"
    };
    match recruitment.promised_salary_usd {
        Some(salary) => t.push_str(&format!(
            "I found {channel} offering {article} {job} job for {salary} US dollars a month. "
        )),
        None => t.push_str(&format!(
            "I found {channel} offering {article} {job} job abroad. "
        )),
    }
    if e.transported {
        t.push_str(pools::pick_sentence(rng, pools::TRAVEL));
        t.push(' ');
    }
    let first = &sites[stays[0].site];
    t.push_str(&format!(
        "I was taken to the {} in {}. ",
        first.name, PROVINCES[first.province].name
    ));
    t.push_str(pools::pick_sentence(rng, pools::WORK));
    t.push(' ');
    if e.violence.is_some() {
        t.push_str(pools::pick_sentence(rng, pools::VIOLENCE));
        t.push(' ');
    }
    if e.documents_taken {
        t.push_str("They kept my passport the whole time. ");
    }
    if e.debt {
        t.push_str(&format!(
            "They said I owed {} dollars and could only leave if I paid. ",
            rng.range(10, 60) * 100
        ));
    }
    if sold {
        let next = &sites[stays[1].site];
        t.push_str(&format!(
            "After some months I was sold to the {} in {}. ",
            next.name, PROVINCES[next.province].name
        ));
    }
    t.push_str(match exit {
        ExitMode::Rescued => "In the end the police came and took us out.",
        ExitMode::Escaped => "One night I climbed the fence and ran to the main road.",
        ExitMode::Released => "They let me go when I stopped making money for them.",
        ExitMode::RansomPaid => "My family borrowed money and paid them to let me go.",
        ExitMode::Deported => "Immigration held me for weeks and then sent me home.",
        ExitMode::StillHeld => "I am still inside; I am speaking on a phone I hid.",
        _ => "I do not want to say how I got out.",
    });
    t
}

pub(super) fn victims(
    out: &mut Vec<Record>,
    sites: &[SitePlan],
    ads: &[AdPlan],
    people: &mut People,
) {
    const COUNT: usize = 333;
    const DEATHS: usize = 6;
    people.by_site = vec![Vec::new(); sites.len()];
    let raided: Vec<usize> = (0..sites.len())
        .filter(|&i| !sites[i].raids.is_empty())
        .collect();
    let compounds: Vec<usize> = (0..sites.len()).filter(|&i| sites[i].compound).collect();
    let witnesses: Vec<usize> = (0..people.survivors.len())
        .filter(|&i| people.survivors[i].witness)
        .collect();
    for n in 0..COUNT {
        let mut rng = Rng::stream(SEED, label::VICTIMS, n as u64);
        let id = people.next_person_id();
        let country = rng.weighted(pools::VICTIM_NATIONALITIES);
        let nationality = rng.chance(95).then_some(country);

        // Where and when they were held: the first few died where a survivor
        // witnessed it; most others were found in raids.
        let (stay, exit) = if n < DEATHS && !witnesses.is_empty() {
            let survivor = &people.survivors[witnesses[n % witnesses.len()]];
            let s = survivor.stays[0];
            let died = rng.range(s.from, s.to);
            (
                Some(Stay {
                    site: s.site,
                    from: died - rng.range(1, 8),
                    to: died,
                }),
                Some(ExitMode::Died),
            )
        } else if rng.chance(60) {
            let site = raided[rng.index(raided.len())];
            let (m, _) = sites[site].raids[rng.index(sites[site].raids.len())];
            let exit = rng.weighted(&[
                (ExitMode::Rescued, 50),
                (ExitMode::Deported, 35),
                (ExitMode::Unknown, 15),
            ]);
            (
                Some(Stay {
                    site,
                    from: m - rng.range(1, 14),
                    to: m,
                }),
                Some(exit),
            )
        } else if rng.chance(85) {
            let site = if rng.chance(85) {
                compounds[rng.index(compounds.len())]
            } else {
                rng.index(sites.len())
            };
            let to = rng.range(month(2021, 9), LAST);
            let exit = rng.weighted(&[
                (Some(ExitMode::Escaped), 20),
                (Some(ExitMode::Released), 10),
                (Some(ExitMode::RansomPaid), 12),
                (Some(ExitMode::StillHeld), 20),
                (Some(ExitMode::SoldOrTransferred), 10),
                (Some(ExitMode::Unknown), 13),
                (None, 15),
            ]);
            (
                Some(Stay {
                    site,
                    from: to - rng.range(1, 14),
                    to,
                }),
                exit,
            )
        } else {
            (None, rng.chance(50).then_some(ExitMode::Unknown))
        };

        let age = rng.chance(60).then(|| {
            if rng.chance(8) {
                rng.range(14, 17) as u64
            } else {
                adult_age(&mut rng)
            }
        });
        let recruitment = rng.chance(60).then(|| {
            let channel = channel_for(&mut rng, country);
            let mut r = Recruitment {
                channel: Some(channel),
                ..Recruitment::default()
            };
            if rng.chance(60) {
                r.promised_job = Some((rng.weighted(pools::PROMISED_JOBS)).to_owned());
                if rng.chance(60) {
                    r.promised_salary_usd = Some(rng.range(12, 60) as f64 * 50.0);
                }
            }
            if let Some(s) = stay {
                let recruited = s.from - rng.range(0, 2);
                r.date = maybe_date(&mut rng, recruited, [50, 10, 35, 5]);
                if let Some(platform) = platform_of(channel) {
                    let candidates: Vec<&AdPlan> = ads
                        .iter()
                        .filter(|a| {
                            a.platform == platform
                                && reads(country, a.language)
                                && a.posted <= s.from
                        })
                        .collect();
                    if !candidates.is_empty() && rng.chance(12) {
                        r.ad = Some(candidates[rng.index(candidates.len())].id.clone());
                    }
                }
            }
            r
        });
        let custody = match stay {
            Some(s) if rng.chance(95) => {
                let open = exit == Some(ExitMode::StillHeld);
                let dated = rng.chance(55);
                vec![Custody {
                    site: sites[s.site].id.clone(),
                    from: if dated {
                        maybe_date(&mut rng, s.from, [30, 5, 55, 10])
                    } else {
                        None
                    },
                    to: if dated && !open {
                        maybe_date(&mut rng, s.to, [30, 5, 55, 10])
                    } else {
                        None
                    },
                }]
            }
            _ => Vec::new(),
        };
        let alias = match rng.below(3) {
            0 => format!("Record {:03}", n + 1),
            1 => format!("Hotline case {:04}", 1000 + n * 7 % 9000),
            _ => format!("Police list entry {:03}", n + 1),
        };
        let sources = if alias.starts_with("Police") {
            [DEMO_SOURCE_ID, SRC_POLICE]
        } else {
            [DEMO_SOURCE_ID, SRC_HOTLINE]
        };
        let birth_year = stay
            .zip(age)
            .map(|(s, a)| i64::from(year_of(s.from)) - a as i64);
        let full = rng.chance(30);
        let pii = rng
            .chance(25)
            .then(|| make_pii(&mut rng, 100 + n, country, birth_year, full));
        out.push(record(
            id.clone(),
            &sources,
            sensitivity(&mut rng, 0, 70, 30),
            Body::Person(Person {
                alias,
                roles: vec![PersonRole::Victim],
                nationality: nationality.map(str::to_owned),
                gender: rng.chance(70).then(|| gender(&mut rng)).flatten(),
                age_at_entry: age,
                recruitment: recruitment.map(Box::new),
                custody,
                exit,
                pii: pii.map(Box::new),
            }),
        ));
        if let Some(s) = stay {
            people.by_site[s.site].push(people.victims.len());
        }
        people.victims.push(VictimPlan {
            id,
            minor: age.is_some_and(|a| a < 18),
            stay,
            exit,
        });
    }
}

pub(super) fn perpetrators(out: &mut Vec<Record>, people: &mut People) {
    // (alias, roles, nationality, group)
    let list: [(&str, &[PersonRole], &str); 20] = {
        use PersonRole::{Perpetrator as P, Recruiter as R};
        [
            ("'Boss Chen' (fictional)", &[P], "CN"),
            ("'Big Brother' Wang (fictional)", &[P], "CN"),
            ("Guard 'Tiger' (fictional)", &[P], "KH"),
            ("Guard 'Black Shirt' (fictional)", &[P], "KH"),
            ("Team leader 'Kevin' (fictional)", &[P], "MY"),
            ("Team leader 'Lily' (fictional)", &[P], "CN"),
            ("Manager 'Mr Zhou' (fictional)", &[P], "CN"),
            ("Guard 'Scar' (fictional)", &[P], "MM"),
            ("Supervisor 'Ah Long' (fictional)", &[P], "CN"),
            ("Translator 'Ben' (fictional)", &[P], "KH"),
            ("Guard 'Tall One' (fictional)", &[P], "KH"),
            ("Boss 'Uncle Sun' (fictional)", &[P], "TW"),
            ("Recruiter 'Sister May' (fictional)", &[R], "TH"),
            ("Agent 'Nam' (fictional)", &[R], "VN"),
            ("Recruiter 'Putra' (fictional)", &[R], "ID"),
            ("Recruiter 'Joy' (fictional)", &[R], "PH"),
            ("Agent 'Somchai' (fictional)", &[R], "TH"),
            ("Recruiter 'Aung' (fictional)", &[R], "MM"),
            ("Broker 'Lao Liu' (fictional)", &[R, P], "CN"),
            ("Broker 'Hanh' (fictional)", &[R, P], "VN"),
        ]
    };
    for (n, (alias, roles, country)) in list.into_iter().enumerate() {
        let mut rng = Rng::stream(SEED, label::PERPETRATORS, n as u64);
        let id = people.next_person_id();
        let group = n % GROUPS;
        let pii = rng.chance(40).then(|| Pii {
            legal_name: Some(format!("(fictional) Suspect Name {}", n + 1)),
            document_numbers: if rng.chance(50) {
                vec![format!("(fictional) ID {:08}", rng.below(100_000_000))]
            } else {
                Vec::new()
            },
            ..Pii::default()
        });
        // Those named in court filings without identifying details are public.
        let convicted = n % 3 == 0;
        let sens = if convicted && pii.is_none() {
            Sensitivity::Public
        } else {
            Sensitivity::Restricted
        };
        out.push(record(
            id.clone(),
            &[
                DEMO_SOURCE_ID,
                if convicted { SRC_COURT } else { SRC_INTERVIEWS },
            ],
            sens,
            Body::Person(Person {
                alias: alias.to_owned(),
                roles: roles.to_vec(),
                nationality: Some(country.to_owned()),
                gender: Some(
                    if alias.contains("Lily")
                        || alias.contains("May")
                        || alias.contains("Joy")
                        || alias.contains("Hanh")
                    {
                        Gender::Female
                    } else {
                        Gender::Male
                    },
                ),
                age_at_entry: None,
                recruitment: None,
                custody: Vec::new(),
                exit: None,
                pii: pii.map(Box::new),
            }),
        ));
        people.perpetrators.push(PerpetratorPlan { id, group });
    }
}
