//! What happened at a site, in time: its status observations and interventions in
//! order (a [`SiteTimeline`]), the outcome of its latest raid or rescue
//! ([`SiteOutcome`], FORMAT.md "Intervention outcome"), and its latest known status
//! ([`LatestStatus`]).
//!
//! Partial dates are intervals (FORMAT.md, "Dates"): one event is after another only
//! when its interval starts after the other's ends. Where intervals overlap, the
//! order is unknown, and nothing here guesses it: the timeline puts such events in
//! one group and says which of them it cannot order, and an outcome that would
//! depend on that order is `uncertain`.

use std::cmp::Ordering;
use std::fmt::Write as _;

use zonewatch_model::{
    DateOrder, Intervention, InterventionType, PartialDate, Record, Site, SiteStatus,
    SiteStatusValue,
};

use crate::dataset::{as_intervention, as_site, as_site_status, Dataset};

/// Only raids and rescues count as interventions for outcomes (FORMAT.md).
pub fn counts_for_outcome(intervention: &Intervention) -> bool {
    matches!(
        intervention.intervention_type,
        InterventionType::Raid | InterventionType::Rescue
    )
}

// ---------------------------------------------------------------------------
// Intervention outcome

/// The outcome of a site's latest raid or rescue (FORMAT.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    /// The latest observation is after the intervention and says `operating`.
    OperatingAfter,
    /// The latest observation is after the intervention and says `closed`,
    /// `under_construction` or `relocated`.
    NotOperatingAfter,
    /// The order of events or the evidence does not allow a conclusion.
    Uncertain(Uncertainty),
    /// No observation is dated after (or overlapping) the intervention.
    Unobserved,
}

/// Why an outcome is uncertain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Uncertainty {
    /// The latest observation's date overlaps the intervention's: which came first
    /// is not known.
    OverlapsIntervention,
    /// Several observations share the latest date and disagree on the status.
    ConflictingObservations,
}

impl Outcome {
    /// The report key: `operating_after`, `not_operating_after`, `uncertain`,
    /// `unobserved`.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::OperatingAfter => "operating_after",
            Outcome::NotOperatingAfter => "not_operating_after",
            Outcome::Uncertain(_) => "uncertain",
            Outcome::Unobserved => "unobserved",
        }
    }
}

/// The outcome at one site, with the records it rests on.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteOutcome<'a> {
    pub site: &'a str,
    /// The latest raid or rescue.
    pub intervention: &'a str,
    pub intervention_date: PartialDate,
    pub intervention_type: InterventionType,
    pub outcome: Outcome,
    /// The observations that decide the outcome: those sharing the latest date among
    /// the observations not before the intervention, sorted by id. Empty when
    /// `Unobserved`.
    pub observations: Vec<&'a str>,
    /// Their common date.
    pub observation_date: Option<PartialDate>,
}

/// The outcome of one site's latest raid or rescue, or `None` when the site has
/// none (or `site` is not a site).
pub fn intervention_outcome<'a>(dataset: &'a Dataset, site: &str) -> Option<SiteOutcome<'a>> {
    let pos = dataset.position_of(site, zonewatch_model::Kind::Site)?;
    outcome_at(dataset, pos)
}

/// The outcomes of every site with a raid or rescue, sorted by site id.
pub fn intervention_outcomes(dataset: &Dataset) -> Vec<SiteOutcome<'_>> {
    dataset
        .positions_of_kind(zonewatch_model::Kind::Site)
        .iter()
        .filter_map(|&pos| outcome_at(dataset, pos))
        .collect()
}

pub(crate) fn outcome_at(dataset: &Dataset, site_pos: usize) -> Option<SiteOutcome<'_>> {
    let site = dataset.record_at(site_pos);
    let interventions = dataset
        .typed(dataset.interventions_at(site_pos), as_intervention)
        .filter(|(_, intervention)| counts_for_outcome(intervention));
    // Latest start, then latest end, then greatest id.
    let (latest, intervention) = interventions.max_by(|(ra, a), (rb, b)| {
        a.date
            .cmp_latest(&b.date)
            .then_with(|| ra.id.as_bytes().cmp(rb.id.as_bytes()))
    })?;
    let date = intervention.date;

    // Observations not before the intervention, and among them those sharing the
    // latest date (latest start, then latest end).
    let mut deciding: Vec<(&Record, &SiteStatus)> = Vec::new();
    for (record, status) in dataset.typed(dataset.statuses_at(site_pos), as_site_status) {
        if status.date.order(&date) == DateOrder::Before {
            continue;
        }
        match deciding
            .first()
            .map(|(_, kept)| status.date.cmp_latest(&kept.date))
        {
            None | Some(Ordering::Equal) => deciding.push((record, status)),
            Some(Ordering::Greater) => {
                deciding.clear();
                deciding.push((record, status));
            }
            Some(Ordering::Less) => {}
        }
    }

    let outcome = match deciding.first() {
        None => Outcome::Unobserved,
        Some((_, first)) => {
            if first.date.order(&date) != DateOrder::After {
                Outcome::Uncertain(Uncertainty::OverlapsIntervention)
            } else if deciding.iter().any(|(_, s)| s.status != first.status) {
                Outcome::Uncertain(Uncertainty::ConflictingObservations)
            } else if first.status == SiteStatusValue::Operating {
                Outcome::OperatingAfter
            } else {
                Outcome::NotOperatingAfter
            }
        }
    };
    Some(SiteOutcome {
        site: &site.id,
        intervention: &latest.id,
        intervention_date: date,
        intervention_type: intervention.intervention_type,
        outcome,
        observation_date: deciding.first().map(|(_, s)| s.date),
        // `statuses_at` is in id order, so these are sorted.
        observations: deciding.iter().map(|(r, _)| r.id.as_str()).collect(),
    })
}

// ---------------------------------------------------------------------------
// Latest status

/// What a site's observations say about its state at the last point they reach.
///
/// Not a FORMAT.md report figure: it is for charts of sites by latest status. The
/// latest observations are those that no other observation of the site is after;
/// when their dates overlap and they disagree, the latest status is uncertain.
#[derive(Clone, Debug, PartialEq)]
pub enum LatestStatus<'a> {
    Unobserved,
    Known {
        status: SiteStatusValue,
        observations: Vec<&'a str>,
    },
    Uncertain {
        observations: Vec<&'a str>,
    },
}

impl LatestStatus<'_> {
    /// `operating`, `closed`, `under_construction`, `relocated`, `uncertain` or
    /// `unobserved`.
    pub fn as_str(&self) -> &'static str {
        match self {
            LatestStatus::Unobserved => "unobserved",
            LatestStatus::Known { status, .. } => status.as_str(),
            LatestStatus::Uncertain { .. } => "uncertain",
        }
    }
}

/// The latest status of a site (see [`LatestStatus`]); `Unobserved` for an unknown id.
pub fn latest_status<'a>(dataset: &'a Dataset, site: &str) -> LatestStatus<'a> {
    match dataset.position_of(site, zonewatch_model::Kind::Site) {
        Some(pos) => latest_status_at(dataset, pos),
        None => LatestStatus::Unobserved,
    }
}

pub(crate) fn latest_status_at(dataset: &Dataset, site_pos: usize) -> LatestStatus<'_> {
    let statuses: Vec<(&Record, &SiteStatus)> = dataset
        .typed(dataset.statuses_at(site_pos), as_site_status)
        .collect();
    let Some(latest_start) = statuses.iter().map(|(_, s)| s.date.start()).max() else {
        return LatestStatus::Unobserved;
    };
    // An observation is latest when no other starts after it ends.
    let latest: Vec<(&Record, &SiteStatus)> = statuses
        .into_iter()
        .filter(|(_, s)| s.date.end() >= latest_start)
        .collect();
    let observations: Vec<&str> = latest.iter().map(|(r, _)| r.id.as_str()).collect();
    match latest.first() {
        Some((_, first)) if latest.iter().all(|(_, s)| s.status == first.status) => {
            LatestStatus::Known {
                status: first.status,
                observations,
            }
        }
        _ => LatestStatus::Uncertain { observations },
    }
}

// ---------------------------------------------------------------------------
// Timeline

/// One dated event at a site.
#[derive(Clone, Debug, PartialEq)]
pub enum EventKind<'a> {
    Observation(&'a SiteStatus),
    /// Any intervention type; only raids and rescues count for the outcome.
    Intervention(&'a Intervention),
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimelineEvent<'a> {
    pub record: &'a Record,
    pub date: PartialDate,
    pub kind: EventKind<'a>,
    /// Ids of the other events whose order relative to this one is unknown
    /// (their dates overlap), sorted. Always within the same group.
    pub order_unknown_with: Vec<&'a str>,
}

/// Events that follow every event of the previous group. Within a group of more
/// than one event, each event's date overlaps at least one other's, so the group's
/// internal order is (at least partly) unknown; its events are listed by earliest
/// possible date, which is a reading aid, not a claim about their order.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineGroup<'a> {
    pub events: Vec<TimelineEvent<'a>>,
}

impl TimelineGroup<'_> {
    /// True when the group is a single event, whose place in the timeline is known.
    pub fn order_known(&self) -> bool {
        self.events.len() == 1
    }
}

/// A site's observations and interventions in order, honest about partial dates.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteTimeline<'a> {
    pub site_record: &'a Record,
    pub site: &'a Site,
    /// In time order: every event of a group is after every event of the one before.
    pub groups: Vec<TimelineGroup<'a>>,
    /// The outcome of the latest raid or rescue, when there is one.
    pub outcome: Option<SiteOutcome<'a>>,
    pub latest_status: LatestStatus<'a>,
}

/// The timeline of one site, or `None` when `site` is not a site.
pub fn site_timeline<'a>(dataset: &'a Dataset, site: &str) -> Option<SiteTimeline<'a>> {
    let pos = dataset.position_of(site, zonewatch_model::Kind::Site)?;
    let site_record = dataset.record_at(pos);
    let site_body = as_site(&site_record.body)?;

    let mut events: Vec<TimelineEvent<'_>> = dataset
        .typed(dataset.statuses_at(pos), as_site_status)
        .map(|(record, status)| TimelineEvent {
            record,
            date: status.date,
            kind: EventKind::Observation(status),
            order_unknown_with: Vec::new(),
        })
        .chain(
            dataset
                .typed(dataset.interventions_at(pos), as_intervention)
                .map(|(record, intervention)| TimelineEvent {
                    record,
                    date: intervention.date,
                    kind: EventKind::Intervention(intervention),
                    order_unknown_with: Vec::new(),
                }),
        )
        .collect();
    events.sort_by(|a, b| {
        a.date
            .start()
            .cmp(&b.date.start())
            .then(a.date.end().cmp(&b.date.end()))
            .then_with(|| a.record.id.as_bytes().cmp(b.record.id.as_bytes()))
    });

    // Sweep in start order: an event starting after everything so far has ended
    // begins a new group, since it is after every earlier event.
    let mut groups: Vec<TimelineGroup<'_>> = Vec::new();
    let mut group_end = i64::MIN;
    for event in events {
        let end = event.date.end();
        match groups.last_mut() {
            Some(group) if event.date.start() <= group_end => group.events.push(event),
            _ => groups.push(TimelineGroup {
                events: vec![event],
            }),
        }
        group_end = group_end.max(end);
    }
    for group in &mut groups {
        let dates: Vec<(PartialDate, &str)> = group
            .events
            .iter()
            .map(|e| (e.date, e.record.id.as_str()))
            .collect();
        for event in &mut group.events {
            let mut unknown: Vec<&str> = dates
                .iter()
                .filter(|(date, id)| {
                    *id != event.record.id && event.date.order(date) == DateOrder::Unknown
                })
                .map(|(_, id)| *id)
                .collect();
            unknown.sort_unstable();
            event.order_unknown_with = unknown;
        }
    }

    Some(SiteTimeline {
        site_record,
        site: site_body,
        groups,
        outcome: outcome_at(dataset, pos),
        latest_status: latest_status_at(dataset, pos),
    })
}

impl SiteTimeline<'_> {
    /// A plain-text rendering for a terminal.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        let site = self.site;
        let mut place = vec![site.country.as_str()];
        place.extend(site.admin1.as_deref());
        place.extend(site.admin2.as_deref());
        let _ = writeln!(
            out,
            "Timeline of {} \"{}\" ({}, {})",
            self.site_record.id,
            site.name,
            site.category,
            place.join(", ")
        );
        out.push_str(
            "Dates name intervals (\"2024-05\" is some day in May 2024). Events marked `?` \
             have overlapping dates, so their order is not known; they are listed by \
             earliest possible date.\n\n",
        );
        if self.groups.is_empty() {
            out.push_str("  (no observations or interventions recorded)\n");
        }
        for group in &self.groups {
            let known = group.order_known();
            if !known {
                let _ = writeln!(
                    out,
                    "  ? order unknown among the next {} events:",
                    group.events.len()
                );
            }
            for event in &group.events {
                let marker = if known { ' ' } else { '?' };
                let _ = write!(
                    out,
                    "  {marker} {:<10}  {}",
                    event.date.to_string(),
                    describe_event(event)
                );
                if !event.order_unknown_with.is_empty() {
                    let _ = write!(
                        out,
                        "  [order unknown relative to {}]",
                        event.order_unknown_with.join(", ")
                    );
                }
                out.push('\n');
            }
        }
        out.push('\n');
        match &self.outcome {
            None => out.push_str("Outcome: none, as no raid or rescue is recorded at this site.\n"),
            Some(outcome) => {
                let _ = writeln!(out, "{}", describe_outcome(outcome));
            }
        }
        let _ = writeln!(
            out,
            "Latest status: {}",
            describe_latest_status(&self.latest_status)
        );
        out
    }
}

fn describe_event(event: &TimelineEvent<'_>) -> String {
    let id = &event.record.id;
    match &event.kind {
        EventKind::Observation(status) => {
            let mut text = format!(
                "observation {id}: {} (basis: {})",
                status.status, status.basis
            );
            if let Some(to) = &status.relocated_to {
                let _ = write!(text, ", relocated to {to}");
            }
            text
        }
        EventKind::Intervention(intervention) => {
            let mut text = format!("{} {id}", intervention.intervention_type);
            let mut numbers = Vec::new();
            if let Some(n) = intervention.persons_removed {
                numbers.push(format!("{n} persons removed"));
            }
            if let Some(n) = intervention.persons_arrested {
                numbers.push(format!("{n} arrested"));
            }
            if !numbers.is_empty() {
                let _ = write!(text, " ({})", numbers.join(", "));
            }
            if !counts_for_outcome(intervention) {
                text.push_str(" [not a raid or rescue: does not count for the outcome]");
            }
            text
        }
    }
}

/// One sentence stating an outcome and the records behind it, e.g. "Outcome of the
/// latest raid or rescue (raid iv-1, 2024-03-12): operating after; the latest
/// observation (obs-2, 2024-06) says operating."
pub fn describe_outcome(outcome: &SiteOutcome<'_>) -> String {
    let label = match outcome.outcome {
        Outcome::OperatingAfter => "operating after",
        Outcome::NotOperatingAfter => "not operating after",
        Outcome::Uncertain(_) => "uncertain",
        Outcome::Unobserved => "unobserved",
    };
    let head = format!(
        "Outcome of the latest raid or rescue ({} {}, {}): {label}",
        outcome.intervention_type, outcome.intervention, outcome.intervention_date
    );
    let observations = outcome.observations.join(", ");
    let date = outcome
        .observation_date
        .map(|d| d.to_string())
        .unwrap_or_default();
    let why = match outcome.outcome {
        Outcome::Unobserved => "no status observation is dated after it or overlapping it".into(),
        Outcome::Uncertain(Uncertainty::OverlapsIntervention) => format!(
            "the latest observation ({observations}, {date}) overlaps the intervention's date, \
             so which came first is not known"
        ),
        Outcome::Uncertain(Uncertainty::ConflictingObservations) => format!(
            "the latest observations ({observations}, all dated {date}) disagree on the status"
        ),
        Outcome::OperatingAfter => {
            format!("the latest observation ({observations}, {date}) says operating")
        }
        Outcome::NotOperatingAfter => {
            format!("the latest observation ({observations}, {date}) says it was not operating")
        }
    };
    format!("{head}; {why}.")
}

fn describe_latest_status(status: &LatestStatus<'_>) -> String {
    match status {
        LatestStatus::Unobserved => "no observation recorded".into(),
        LatestStatus::Known {
            status,
            observations,
        } => format!("{status} ({})", observations.join(", ")),
        LatestStatus::Uncertain { observations } => format!(
            "uncertain: the latest observations ({}) overlap in time and disagree",
            observations.join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::dataset;

    const SITE: &str =
        r#"{"kind":"site","id":"s","name":"Compound","category":"scam_compound","country":"KH"}"#;

    fn obs(id: &str, date: &str, status: &str) -> String {
        format!(
            r#"{{"kind":"site_status","id":"{id}","site":"s","date":"{date}","status":"{status}","basis":"media"}}"#
        )
    }

    fn iv(id: &str, date: &str, kind: &str) -> String {
        format!(
            r#"{{"kind":"intervention","id":"{id}","site":"s","date":"{date}","type":"{kind}"}}"#
        )
    }

    fn outcome_of(lines: &[String]) -> Option<(Outcome, String, Vec<String>)> {
        let mut all = vec![SITE.to_owned()];
        all.extend(lines.iter().cloned());
        let ds = dataset(&all);
        intervention_outcome(&ds, "s").map(|o| {
            (
                o.outcome,
                o.intervention.to_owned(),
                o.observations.iter().map(|s| s.to_string()).collect(),
            )
        })
    }

    fn outcome(lines: &[String]) -> Outcome {
        outcome_of(lines).expect("site has a raid or rescue").0
    }

    const OVERLAP: Outcome = Outcome::Uncertain(Uncertainty::OverlapsIntervention);
    const CONFLICT: Outcome = Outcome::Uncertain(Uncertainty::ConflictingObservations);

    #[test]
    fn no_raid_or_rescue_means_no_outcome() {
        assert_eq!(outcome_of(&[obs("o", "2024", "operating")]), None);
        // Inspections, closure orders and others do not count.
        for kind in ["inspection", "closure_order", "other"] {
            assert_eq!(
                outcome_of(&[iv("i", "2024-01", kind), obs("o", "2024-06", "closed")]),
                None,
                "{kind}"
            );
        }
    }

    #[test]
    fn a_rescue_counts_like_a_raid() {
        assert_eq!(
            outcome(&[
                iv("r", "2024-01-10", "rescue"),
                obs("o", "2024-02", "closed")
            ]),
            Outcome::NotOperatingAfter
        );
    }

    #[test]
    fn month_observation_in_the_month_of_a_day_raid_is_uncertain() {
        let lines = [
            iv("r", "2024-04-02", "raid"),
            obs("o", "2024-04", "operating"),
        ];
        assert_eq!(outcome(&lines), OVERLAP);
    }

    #[test]
    fn day_observation_later_that_month_is_after() {
        let lines = [
            iv("r", "2024-04-02", "raid"),
            obs("o", "2024-04-20", "operating"),
        ];
        assert_eq!(outcome(&lines), Outcome::OperatingAfter);
        let lines = [
            iv("r", "2024-04-02", "raid"),
            obs("o", "2024-04-03", "closed"),
        ];
        assert_eq!(outcome(&lines), Outcome::NotOperatingAfter);
    }

    #[test]
    fn same_day_observation_overlaps() {
        let lines = [
            iv("r", "2024-04-02", "raid"),
            obs("o", "2024-04-02", "closed"),
        ];
        assert_eq!(outcome(&lines), OVERLAP);
    }

    #[test]
    fn year_observation_overlapping_the_raid_is_uncertain() {
        let lines = [iv("r", "2024-04-02", "raid"), obs("o", "2024", "closed")];
        assert_eq!(outcome(&lines), OVERLAP);
        // A year-precision raid and a day observation inside that year: overlap too.
        let lines = [iv("r", "2024", "raid"), obs("o", "2024-12-31", "closed")];
        assert_eq!(outcome(&lines), OVERLAP);
        // The following year is after.
        let lines = [iv("r", "2024", "raid"), obs("o", "2025", "operating")];
        assert_eq!(outcome(&lines), Outcome::OperatingAfter);
    }

    #[test]
    fn a_later_dated_observation_beats_an_overlapping_one() {
        let lines = [
            iv("r", "2024-04-02", "raid"),
            obs("o-year", "2024", "closed"),
            obs("o-day", "2024-04-20", "operating"),
        ];
        assert_eq!(
            outcome_of(&lines),
            Some((Outcome::OperatingAfter, "r".into(), vec!["o-day".into()]))
        );
    }

    #[test]
    fn observations_before_the_intervention_are_not_kept() {
        let lines = [
            iv("r", "2024-04-02", "raid"),
            obs("o", "2024-03", "operating"),
            obs("o2", "2024-04-01", "operating"),
        ];
        assert_eq!(outcome(&lines), Outcome::Unobserved);
        assert_eq!(
            outcome(&[iv("r", "2024-04-02", "raid")]),
            Outcome::Unobserved
        );
    }

    #[test]
    fn only_the_latest_of_several_raids_counts() {
        let lines = [
            iv("r1", "2023-01-10", "raid"),
            iv("r2", "2024-06", "raid"),
            iv("r3", "2023-12-31", "rescue"),
            // After r1 and r3, but overlapping r2.
            obs("o", "2024-06-15", "operating"),
        ];
        assert_eq!(
            outcome_of(&lines),
            Some((OVERLAP, "r2".into(), vec!["o".into()]))
        );
        // An inspection later than every raid is not the latest raid or rescue.
        let lines = [
            iv("r1", "2024-01-10", "raid"),
            iv("insp", "2024-09-01", "inspection"),
            obs("o", "2024-06", "closed"),
        ];
        assert_eq!(
            outcome_of(&lines),
            Some((Outcome::NotOperatingAfter, "r1".into(), vec!["o".into()]))
        );
    }

    #[test]
    fn latest_intervention_is_latest_start_then_latest_end_then_greatest_id() {
        // "2024-06" starts on 06-01 like "2024-06-01" but ends later: it is the latest.
        let lines = [
            iv("r-day", "2024-06-01", "raid"),
            iv("r-month", "2024-06", "raid"),
            obs("o", "2024-06-10", "closed"),
        ];
        assert_eq!(outcome_of(&lines).unwrap().1, "r-month");
        assert_eq!(outcome(&lines), OVERLAP);
        // A later start wins over a later end.
        let lines = [
            iv("r-year", "2024", "raid"),
            iv("r-day", "2024-03-05", "raid"),
            obs("o", "2024-03-06", "closed"),
        ];
        assert_eq!(outcome_of(&lines).unwrap().1, "r-day");
        assert_eq!(outcome(&lines), Outcome::NotOperatingAfter);
        // Raids that start the same day with the same date: the greatest id.
        let lines = [
            iv("r-a", "2024-05-01", "raid"),
            iv("r-b", "2024-05-01", "rescue"),
            obs("o", "2024-05-02", "closed"),
        ];
        assert_eq!(outcome_of(&lines).unwrap().1, "r-b");
        // Ids compare bytewise: "Z" (0x5a) < "a" (0x61).
        let lines = [iv("a", "2024-05-01", "raid"), iv("Z", "2024-05-01", "raid")];
        assert_eq!(outcome_of(&lines).unwrap().1, "a");
    }

    #[test]
    fn observations_sharing_the_latest_date() {
        // Agreeing: decided.
        let lines = [
            iv("r", "2024-04-02", "raid"),
            obs("o1", "2024-05", "closed"),
            obs("o2", "2024-05", "closed"),
        ];
        assert_eq!(
            outcome_of(&lines),
            Some((
                Outcome::NotOperatingAfter,
                "r".into(),
                vec!["o1".into(), "o2".into()]
            ))
        );
        // Disagreeing: uncertain, even if both differ from operating.
        let lines = [
            iv("r", "2024-04-02", "raid"),
            obs("o1", "2024-05", "closed"),
            obs("o2", "2024-05", "operating"),
        ];
        assert_eq!(outcome(&lines), CONFLICT);
        let lines = [
            iv("r", "2024-04-02", "raid"),
            obs("o1", "2024-05", "closed"),
            obs("o2", "2024-05", "relocated"),
        ];
        assert_eq!(outcome(&lines), CONFLICT);
        // Same start, different end: not the same date; the later end is the latest.
        let lines = [
            iv("r", "2024-04-02", "raid"),
            obs("o-day", "2024-05-01", "closed"),
            obs("o-month", "2024-05", "operating"),
        ];
        assert_eq!(
            outcome_of(&lines),
            Some((Outcome::OperatingAfter, "r".into(), vec!["o-month".into()]))
        );
        // An older disagreeing observation does not matter.
        let lines = [
            iv("r", "2024-04-02", "raid"),
            obs("o1", "2024-05", "operating"),
            obs("o2", "2024-06", "closed"),
        ];
        assert_eq!(outcome(&lines), Outcome::NotOperatingAfter);
    }

    #[test]
    fn every_non_operating_status_is_not_operating_after() {
        for status in ["closed", "under_construction", "relocated"] {
            let lines = [iv("r", "2024-01-01", "raid"), obs("o", "2024-02", status)];
            assert_eq!(outcome(&lines), Outcome::NotOperatingAfter, "{status}");
        }
    }

    #[test]
    fn latest_status_never_guesses() {
        let ds = dataset(&[
            SITE.to_owned(),
            obs("o1", "2023", "closed"),
            obs("o2", "2024", "operating"),
            obs("o3", "2024-06-01", "closed"),
        ]);
        assert_eq!(
            latest_status(&ds, "s"),
            LatestStatus::Uncertain {
                observations: vec!["o2", "o3"]
            }
        );
        let ds = dataset(&[
            SITE.to_owned(),
            obs("o1", "2023", "closed"),
            obs("o2", "2024-02", "operating"),
        ]);
        assert_eq!(
            latest_status(&ds, "s"),
            LatestStatus::Known {
                status: SiteStatusValue::Operating,
                observations: vec!["o2"]
            }
        );
        assert_eq!(
            latest_status(&dataset(&[SITE.to_owned()]), "s"),
            LatestStatus::Unobserved
        );
    }

    #[test]
    fn timeline_groups_overlapping_events_and_orders_the_rest() {
        let ds = dataset(&[
            SITE.to_owned(),
            obs("o1", "2024-02-01", "operating"),
            iv("r", "2024-05-20", "rescue"),
            obs("o2", "2024-05", "closed"),
            iv("insp", "2024-07-01", "inspection"),
        ]);
        let timeline = site_timeline(&ds, "s").unwrap();
        let ids: Vec<Vec<&str>> = timeline
            .groups
            .iter()
            .map(|g| g.events.iter().map(|e| e.record.id.as_str()).collect())
            .collect();
        assert_eq!(ids, vec![vec!["o1"], vec!["o2", "r"], vec!["insp"]]);
        assert!(timeline.groups[0].order_known());
        assert!(!timeline.groups[1].order_known());
        assert_eq!(timeline.groups[1].events[0].order_unknown_with, ["r"]);
        assert_eq!(timeline.groups[1].events[1].order_unknown_with, ["o2"]);
        assert_eq!(timeline.outcome.as_ref().unwrap().outcome, OVERLAP);

        let text = timeline.render_text();
        assert!(
            text.contains("? order unknown among the next 2 events"),
            "{text}"
        );
        assert!(text.contains("[order unknown relative to r]"), "{text}");
        assert!(
            text.contains(
                "Outcome of the latest raid or rescue (rescue r, 2024-05-20): uncertain;"
            ),
            "{text}"
        );
        assert!(text.contains("does not count for the outcome"), "{text}");
    }

    #[test]
    fn a_year_groups_events_it_overlaps_but_ordered_pairs_are_not_marked() {
        let ds = dataset(&[
            SITE.to_owned(),
            obs("o-year", "2024", "operating"),
            obs("o-jan", "2024-01-05", "operating"),
            iv("r-dec", "2024-12-20", "raid"),
        ]);
        let timeline = site_timeline(&ds, "s").unwrap();
        assert_eq!(timeline.groups.len(), 1);
        let group = &timeline.groups[0];
        let by_id = |id: &str| {
            group
                .events
                .iter()
                .find(|e| e.record.id == id)
                .unwrap()
                .order_unknown_with
                .clone()
        };
        assert_eq!(by_id("o-year"), ["o-jan", "r-dec"]);
        // January 5 is known to be before December 20.
        assert_eq!(by_id("o-jan"), ["o-year"]);
        assert_eq!(by_id("r-dec"), ["o-year"]);
    }

    #[test]
    fn timeline_of_unknown_or_empty_site() {
        let ds = dataset(&[SITE.to_owned()]);
        assert!(site_timeline(&ds, "nope").is_none());
        let text = site_timeline(&ds, "s").unwrap().render_text();
        assert!(text.contains("no observations or interventions recorded"));
        assert!(text.contains("no raid or rescue is recorded"));
    }
}
