# zonewatch — English (en), the source language.
# Written by the zonewatch developers; every other locale translates these keys.

### The findings report (`zonewatch report --format md|html`), the legal-test text
### (`zonewatch assess`) and a site's timeline. Text in backticks is code: keep it
### as it is. `{ $name }` is filled in by zonewatch: keep every one.

report-title = Scam compounds, raids and survivors: findings report
report-legal-note = The legal tests are an aid to a human analyst, not a legal determination: they apply the definitions below to what the records hold, and nothing else. A test is met or not established, and "not established" means the records do not show it, never that it did not happen. Review the facts and records behind each result (`zonewatch assess`) before relying on it.
report-banner-public = PUBLIC REPORT
report-banner-internal = INTERNAL REPORT
report-audience-public = Counts of persons and of incidents from 1 to { $below } are shown as `<{ $threshold }`, in tables and in charts. Counts of sites are exact. No individual person is listed, by id or by alias.
report-audience-public-one = The suppression threshold is 1, so no count is small enough to be hidden: every count is exact. No individual person is listed, by id or by alias.
report-audience-internal = Exact counts. Contains sensitive information about survivors and investigations: share only within the investigation team. For anything published, make a public report (`--public`), which hides small counts of persons and incidents.
report-country = { $name } ({ $code })
report-withheld-place = (sites not marked public)

## Counts: `$shown` is the count as shown (`12`, `<5`), `$n` chooses the plural form.

count-scam-compounds = { $n ->
    [one] { $shown } scam compound
   *[other] { $shown } scam compounds
}
count-suspected-sites = { $n ->
    [one] { $shown } suspected site
   *[other] { $shown } suspected sites
}
count-nationalities = { $n ->
    [one] { $shown } nationality
   *[other] { $shown } nationalities
}
count-sites-had = { $n ->
    [one] { $shown } site had
   *[other] { $shown } sites had
}

## Section summaries

report-sites-summary = Recorded: { $compounds } and { $suspected }. Visited in the field (at least one observation with basis field visit): { $visited_compounds } of the scam compounds and { $visited_suspected } of the suspected sites.
report-raids-summary = { $had } at least one raid or rescue. Outcome of the latest one: { $operating } observed operating after it, { $not_operating } observed not operating (closed, under construction or relocated), { $uncertain } uncertain, { $unobserved } not observed since. A site seen operating after a raid is a lead for follow-up, not proof of continued abuse; an uncertain outcome means the dates recorded cannot order the events.
report-survivors-summary = Survivors interviewed (role survivor or victim, at least one usable testimony): { $survivors }, of { $nationalities }. Minors at entry among them: { $minors }, of whom { $ill_treated } report ill-treatment. Other victim records (role survivor or victim, no usable testimony): { $others }.
report-incidents-summary = Incidents recorded, by type: one per incident record, whatever the number of victims. Persons who are victims of an incident of type death: { $deaths }.

## Outcomes, statuses, interventions

outcome-operating_after = Operating after
outcome-not_operating_after = Not operating after
outcome-uncertain = Uncertain
outcome-unobserved = Unobserved
reason-operating-after = observed operating after it ({ $date })
reason-not-operating-after = observed { $status } after it ({ $date })
reason-overlaps = the latest observation ({ $date }, { $status }) overlaps its date: which came first is not known
reason-conflicting = the latest observations ({ $date }) disagree
reason-unobserved = no observation dated after it or overlapping it
status-operating = Operating
status-closed = Closed
status-under_construction = Under construction
status-relocated = Relocated
status-uncertain = Uncertain
status-unobserved = Unobserved
status-unknown = Unknown
intervention-raid = raid
intervention-rescue = rescue
intervention-inspection = inspection
intervention-closure_order = closure order
intervention-other = other intervention

## Headline figures: by their key in the JSON report

fig-sites-scam_compounds = Scam compounds
fig-sites-suspected_sites = Suspected sites
fig-sites-visited-scam_compounds = Scam compounds visited in the field
fig-sites-visited-suspected_sites = Suspected sites visited in the field
fig-interventions-sites_with_intervention = Sites with a raid or rescue
fig-interventions-operating_after = … operating after the latest raid or rescue
fig-interventions-not_operating_after = … not operating after it
fig-interventions-uncertain = … uncertain (order unknown or observations disagree)
fig-interventions-unobserved = … unobserved since
fig-persons-survivors_interviewed = Survivors interviewed
fig-persons-nationalities = Nationalities among them
fig-persons-minors_interviewed = Minors among them (under 18 at entry)
fig-persons-minors_interviewed_reporting_ill_treatment = … of whom reporting ill-treatment
fig-persons-other_victim_records = Other victim records (no usable testimony)
fig-incidents-deaths = Persons who died (victims of a death incident)
fig-legal-trafficking = Trafficking in persons
fig-legal-forced_labour = Forced labour
fig-legal-slavery_indicated = Slavery indicated
fig-legal-child_trafficking = Child trafficking
fig-group-sites = Sites
fig-group-raids = Raids and rescues
fig-group-survivors = Survivors and victims
fig-group-legal = Legal tests (persons for whom the test is met)

## Methods and definitions: `KEY-term` and its text

def-figures-term = Figures
def-figures = Every figure is computed from all the records in the database, as the zonewatch v1 format defines it (FORMAT.md, "Report"). The key beside each headline figure is its key in `zonewatch report --format json`, which gives the same numbers for the same options. Nothing is sampled or estimated.
def-dates-term = Dates
def-dates = A date is a year (`2024`), a month (`2024-05`) or a day (`2024-05-20`), and stands for the whole interval it names: `2024-05` is 1 to 31 May 2024. A date is after another only when its interval starts after the other's ends. Where two intervals overlap, which came first is unknown, and no figure guesses it. Charts draw dates as bars covering their interval.
def-sites-term = Sites
def-sites = A site is a scam compound or a suspected site (its recorded category). A site is visited when at least one status observation of it has basis `field_visit`.
def-latest-status-term = Latest status
def-latest-status = Used for the charts and the map only (not a figure of the format). A site's latest observations are those that no other observation of the same site is after. When they agree, their status is the site's latest status; when they overlap in time and disagree, it is uncertain; a site never observed is unobserved.
def-intervention-outcome-term = Intervention outcome
def-intervention-outcome = Only raids and rescues count (not inspections, closure orders or other interventions). For each site with at least one, take the latest: the latest start of its date interval, then the latest end, then the greatest id. Keep the site's status observations that are not before it (after it, or overlapping it) and take the latest of them (latest start, then latest end). The site is unobserved when none is kept; uncertain when that observation's date overlaps the intervention's date, or when several kept observations share that latest date and disagree on the status; operating after when it is after the intervention and says `operating`; not operating after when it is after the intervention and says `closed`, `under_construction` or `relocated`. The four outcomes add up to the sites with a raid or rescue. Example, for a raid on 2024-04-02: an observation dated 2024-04-20 is after it; one dated 2024-04 or 2024 overlaps it (uncertain); one dated 2024-03 is before it and is not used.
def-usable-testimony-term = Usable testimony
def-usable-testimony = A testimony whose consent is not `withdrawn`. A withdrawn testimony is kept as evidence that an interview took place but contributes nothing to any figure or legal test; incidents that name it still count like any other.
def-survivors-interviewed-term = Survivors interviewed
def-survivors-interviewed = Persons with role survivor or victim and at least one usable testimony. Nationalities: the number of distinct nationalities among them (persons without a recorded nationality are not counted). By nationality: survivors interviewed of each nationality.
def-minors-term = Minors
def-minors = Among survivors interviewed, those whose age at entry (whole years when recruited or first held) is under 18: 17 is a minor, 18 is not. Where the age is not recorded, the person is not counted as a minor.
def-ill-treatment-term = Ill-treatment
def-ill-treatment = A minor interviewed reports ill-treatment when they are a victim of an incident of type torture, beating, electric shock or sexual violence, or when a usable testimony of theirs records the finding `ilo.physical_sexual_violence`.
def-other-victim-records-term = Other victim records
def-other-victim-records = Persons with role survivor or victim and no usable testimony (for example a victim known from another source, or one whose only testimony was withdrawn).
def-incidents-and-deaths-term = Incidents and deaths
def-incidents-and-deaths = Incidents are counted by type, one per incident record whatever the number of victims. Deaths counts persons who are victims of at least one incident of type death.
def-recruitment-channels-term = Recruitment channels
def-recruitment-channels = Persons of any role whose recruitment record names that channel.
def-facts-behind-the-legal-tests-term = Facts behind the legal tests
def-facts-behind-the-legal-tests = A person's facts are the finding codes of their usable testimonies, plus codes derived from structured records: a recruitment record gives `tip.act.recruitment`; custody at a site gives `tip.act.harbouring`; being a victim of an incident of sale or transfer gives `tip.act.transfer` and `slavery.sale`; of torture, beating, electric shock or sexual violence, `ilo.physical_sexual_violence` and `tip.means.force`; of threat, `ilo.intimidation_threats` and `tip.means.threat`; of confinement, `ilo.restriction_of_movement` and `tip.means.coercion`; of document confiscation, `ilo.retention_of_documents`; of debt bondage, `ilo.debt_bondage`; of withheld wages, `ilo.withholding_of_wages`; of forced criminality, `tip.purpose.forced_criminality`. The code `ilo.deception` also gives `tip.means.deception`, and `ilo.abuse_of_vulnerability` gives `tip.means.abuse_of_vulnerability`.
def-forced-labour-term = Forced labour
def-forced-labour = ILO Forced Labour Convention, 1930 (No. 29), and the guidelines of the 20th International Conference of Labour Statisticians (2018): work both involuntary and exacted under the menace of a penalty. Met when the person has at least one involuntariness indicator (`ilo.deception`, `ilo.restriction_of_movement`, `ilo.abusive_conditions`, `ilo.excessive_overtime`, `ilo.isolation`) and at least one coercion indicator (`ilo.physical_sexual_violence`, `ilo.intimidation_threats`, `ilo.retention_of_documents`, `ilo.withholding_of_wages`, `ilo.debt_bondage`, `ilo.restriction_of_movement`, `ilo.isolation`, `ilo.abuse_of_vulnerability`), and these are two different codes: one indicator never counts as both.
def-slavery-indicated-term = Slavery indicated
def-slavery-indicated = 1926 Slavery Convention, read with the Bellagio-Harvard guidelines (powers attaching to the right of ownership): the person has any `slavery.*` code: sold, bought or traded between operators (`slavery.sale`), told they were someone's property or had to buy their freedom (`slavery.ownership_claim`), or control amounting to possession (`slavery.control_as_possession`).
def-trafficking-in-persons-term = Trafficking in persons
def-trafficking-in-persons = UN Palermo Protocol, article 3: met when the person has at least one act (`tip.act.*`: recruitment, transportation, transfer, harbouring, receipt), at least one purpose of exploitation (`tip.purpose.*`), and at least one means (`tip.means.*`). The means are not required when the person was a minor at entry. The purpose is also met when the forced-labour test is met (`tip.purpose.forced_labour`) or slavery is indicated (`tip.purpose.slavery`). Consent of the victim is irrelevant once means are present.
def-child-trafficking-term = Child trafficking
def-child-trafficking = The trafficking test is met and the person was a minor (under 18) at entry.
def-not-a-legal-determination-term = Not a legal determination
def-not-a-legal-determination = The legal tests are an aid to a human analyst, not a legal determination. They reflect only what the records hold: a test is met or not established, and "not established" means the records do not show it, never that it did not happen. `zonewatch assess` shows, for each person, the facts and records behind each element and the elements missing.
def-trace-term = Trace
def-trace = With `--trace`, each figure lists the sorted ids of the records that make it up: sites, persons or incidents (for nationalities, the persons who have them). A public report lists only the records of figures that count sites.
def-suppression-term = Small-cell suppression
def-suppression-public = This is a public report: every count of persons or of incidents from 1 to { $below } is shown as `<{ $threshold }`, in tables and in charts (a suppressed bar is drawn hatched at the threshold and labelled `<{ $threshold }`, never at its value), and breakdowns list suppressed cells last, in key order, so their order reveals nothing. Zero is shown as 0. Counts of sites are never suppressed (sites are not persons). Suppression applies cell by cell, as the zonewatch format defines it; there is no complementary suppression, so a reader may work out a hidden cell by subtracting others from a total: check the tables before publishing. No individual person is listed, by id or alias, and sites whose record is restricted are shown by id only and left off the map.
def-suppression-public-one = This is a public report with threshold 1: no count is small enough to be suppressed. No individual person is listed, by id or alias, and sites whose record is restricted are shown by id only and left off the map.
def-suppression-internal = This is an internal report: counts are exact. A public report (`--public`, threshold 5 unless set) shows every count of persons or of incidents from 1 to 4 as `<5`, in tables and charts, and lists no individual person. Counts of sites are never suppressed.

## Shared by both formats

report-records-source = { $count } sources
report-records-organization = { $count } organizations
report-records-site = { $count } sites
report-records-site_status = { $count } site statuses
report-records-intervention = { $count } interventions
report-records-person = { $count } persons
report-records-testimony = { $count } testimonies
report-records-incident = { $count } incidents
report-records-ad = { $count } ads
report-not-recorded = (not recorded)
report-earlier = { $count } earlier
report-order-unknown = order unknown
report-no-person-listed = No individual person is listed in a public report.
report-recruitment-intro = How persons of any role (survivors, victims, witnesses, recruiters) were recruited, where the channel is recorded.
report-not-determination = Not a legal determination.
report-tests-in-short = The tests, in short:
report-short-trafficking = (Palermo Protocol, art. 3): an act, a means and a purpose of exploitation; no means needed for a minor.
report-short-forced-labour = (ILO C29): an involuntariness indicator and a different coercion indicator.
report-short-slavery = : sale between operators, a claim of ownership, or control amounting to possession.
report-short-child = : trafficking met, and a minor at entry.

## The Markdown report

md-generated = Generated by zonewatch { $version } from { $records } records{ $kinds }. The report holds no date or time of its own: the same records and options always give the same report. The HTML form of this report (`--format html`) adds charts and a map.
md-trace-public = Trace: under each table, the ids of the records behind each figure of sites. A public report lists no person or incident record.
md-trace-internal = Trace: under each table, the sorted ids of the records behind each figure.
md-contents = Contents:
md-toc-headline = Headline figures
md-toc-sites = Sites
md-toc-raids = Raids and rescues
md-toc-survivors = Survivors
md-toc-incidents = Incidents
md-toc-recruitment = Recruitment
md-toc-legal = Legal tests
md-toc-methods = Methods and definitions
md-trace-none = none
md-trace-not-listed = Trace: the records of persons and incidents are not listed in a public report.
md-trace-heading = Records behind these figures (trace):
md-trace-omitted = Figures of persons and incidents: records not listed in a public report.
md-no-records = No records.
md-suppression-note = Counts from 1 to { $below } are shown as <{ $threshold }; their bars (`░`) are drawn at { $threshold }, not at their value.
md-headline-intro = Every figure of the report; the key is the figure's key in `zonewatch report --format json`. Breakdowns are in their sections below.
md-col-figure = Figure
md-col-value = Value
md-col-key = Key
md-sites-by-status = Sites by category and latest status
md-latest-status-note = Latest status: the status of the site's latest observations (uncertain when they overlap in time and disagree; unobserved when there is none).
md-col-latest-status = Latest status
md-col-scam-compounds = Scam compounds
md-col-suspected-sites = Suspected sites
md-col-all-sites = All sites
md-sites-by-province = Sites by province
md-located = { $located } of { $sites } sites have coordinates; the HTML report draws them on a map.
md-without-coordinates = { $count } sites have no coordinates.
md-withheld-from-map = { $count } sites not marked public are left off a public report's map.
md-col-country = Country
md-col-province = Province
md-col-with-coordinates = With coordinates
md-raids-heading = Raids and rescues against observed operation
md-col-outcome-latest = Outcome of the latest raid or rescue
md-col-sites = Sites
md-timeline-heading = Timeline per site
md-timeline-intro = For each site with a raid or rescue: its latest raid or rescue, the status observations not before it (after it, or overlapping it, in time order), and the outcome. A date names an interval (`2024-05` is some day in May 2024); an observation marked *order unknown* overlaps the raid's date, so which came first is not known and the outcome is uncertain rather than guessed. The observations the outcome rests on are in bold. The HTML report draws this as a timeline.
md-sites-withheld = { $count } sites with a raid or rescue are not marked public: they are counted in the figures above, not listed.
md-no-raids = No site has a raid or rescue.
md-col-site = Site
md-col-latest-raid = Latest raid or rescue
md-col-persons-removed = Persons removed
md-col-observations = Observations after or overlapping it
md-col-outcome = Outcome
md-more-sites = { $count } more sites with a raid or rescue are not listed here; `zonewatch timeline SITE` shows any one of them.
md-earlier-then = { $count } earlier, then
md-survivors-heading = Survivors interviewed
md-by-nationality = Survivors interviewed by nationality
md-col-nationality = Nationality
md-col-survivors = Survivors interviewed
md-col-type = Type
md-col-incidents = Incidents
md-recruitment-heading = Recruitment channels
md-col-channel = Channel
md-col-persons = Persons
md-col-test-met = Test met
md-full-definitions = Full definitions under [{ $methods }](#methods-and-definitions).

## The HTML report

html-eyebrow = zonewatch · investigation findings
html-generated = Generated by zonewatch { $version } from { $records } records{ $kinds }. The report holds no date or time of its own: the same records and options always give the same report.
html-trace-public = Trace: beside each figure of sites, the ids of the records that make it up. A public report lists no person or incident record.
html-trace-internal = Trace: beside each figure, the sorted ids of the records that make it up.
html-footer = zonewatch { $version } · { $records } records · the same records and options always give the same report.
html-contents = Contents
html-trace-not-listed = not listed (public report)
html-records-count = { $count ->
    [one] { $count } record
   *[other] { $count } records
}
html-col-trace = Records (trace)
html-suppression-caption = Hatched bars are counts from 1 to { $below } shown as `<{ $threshold }`: they are drawn at { $threshold }, not at their value.
html-card-compounds = Scam compounds
html-card-compounds-sub = and { $count } suspected sites
html-card-raided = Sites raided or rescued
html-card-raided-sub = { $count } seen operating after the latest raid or rescue
html-card-survivors = Survivors interviewed
html-card-survivors-sub = { $count } nationalities
html-card-minors = Minors interviewed
html-card-minors-sub = { $count } reporting ill-treatment
html-card-trafficking = Trafficking test met
html-card-trafficking-sub = persons; { $count } child trafficking
html-card-deaths = Deaths recorded
html-card-deaths-sub = persons, victims of a death incident
html-headline-caption = Every figure of the report, with its key in the JSON report
html-breakdowns-note = Breakdowns (by nationality, incident type and recruitment channel) are in their sections below.
html-status-chart-title = Sites by latest status and category
html-status-chart-desc = Horizontal stacked bars: for each latest status, the number of scam compounds and of suspected sites. The same numbers are in the table that follows.
html-col-compounds = Compounds
html-col-suspected = Suspected
html-col-all = All
html-map-heading = Map of sites
html-map-title = Map of sites by latest status
html-map-desc = Sites drawn at their recorded latitude and longitude on an equirectangular projection with a graticule: circles are scam compounds, diamonds suspected sites, coloured by latest status. Province names mark the mean position of their sites. The sites are listed by province in the table that follows.
html-map-drawn = { $drawn } of { $sites } sites drawn from their coordinates.
html-map-without-coordinates = { $count } sites have no coordinates and are not drawn.
html-map-withheld = { $count } sites not marked public are left off this public report's map.
html-map-not-drawn = { $count } more located sites are not drawn: the map holds the first { $max } by id.
html-map-no-base = No base map: positions are relative to the graticule only. Hover a point for its name, id and status.
html-province-caption = Sites by province (first administrative level)
html-outcomes-title = Outcome of the latest raid or rescue, by site
html-outcomes-desc = Horizontal bars: the number of sites in each outcome. The same numbers are in the table beside it.
html-outcomes-caption = Sites counted once each, by the outcome of their latest raid or rescue.
html-timeline-heading = Timeline: raids and rescues against observed operation
html-timeline-title = Raids and rescues against observed operation, per site
html-timeline-desc = One row per site with a raid or rescue, in site id order. Dark bands are raids and rescues, coloured bars are status observations; each spans the whole interval its date names. The outcome of the latest raid or rescue is at the right. The table that follows gives the same information in words.
html-timeline-caption = Each date is drawn as the interval it names: a day is a thin mark, a month a short bar, a year a long one. Where an observation's bar overlaps the latest raid or rescue, which came first is not known, and the outcome is uncertain rather than guessed. Faded bars are observations before the latest raid or rescue: they do not decide its outcome.
html-timeline-first = The chart shows the first { $drawn } of { $sites } sites by id; the table lists { $listed }.
html-sites-caption = Outcome per site (sites with a raid or rescue, by id)
html-sites-withheld = { $count } more sites with a raid or rescue are not marked public: they are counted in the figures above, not listed.
html-earlier-then = { $count } earlier, then:
html-breakdown-desc = Horizontal bars: { $what } by { $by }, largest first. The same numbers are in the table beside it.
html-nationality-caption = Survivors interviewed, by recorded nationality; those without one are not shown.
html-incidents-title = Incidents by type
html-incidents-caption = Incident records by type.
html-channels-title = Persons by recruitment channel
html-channels-caption = Persons whose recruitment record names the channel.
html-legal-title = Persons for whom each legal test is met
html-legal-desc = Horizontal bars: the number of persons for whom each test is met. The same numbers are in the table beside it.
html-legal-caption = Persons of any role. A person may meet several tests.
html-legal-table = Persons for whom the test is met
html-col-test = Test
html-full-definitions = Full definitions under { $methods }.

## The legal tests as text (`zonewatch assess`, a person's page)

legal-disclaimer = This summary is an aid to a human analyst, not a legal determination. It reflects only what the records hold: "not established" means the records do not show it, never that it did not happen.
legal-assessment-for = Assessment for { $alias } ({ $id })
legal-assessment-for-id = Assessment for { $id }
legal-roles = Roles: { $roles }.
legal-nationality = Nationality: { $nationality }.
legal-age-minor = Age at entry: { $age } (a minor).
legal-age = Age at entry: { $age }.
legal-age-unknown = Age at entry: not recorded (not counted as a minor).
legal-met = MET
legal-not-established = NOT ESTABLISHED
legal-nothing-missing = nothing recorded (missing)
legal-nothing-not-required = nothing recorded (not required)
legal-note = Note: { $note }
legal-note-either = restriction of movement and isolation can support either element, but one indicator never counts as both; a second, different indicator is needed.
legal-note-minor = the person was under 18 at entry, so the means element is not required.
legal-test-forced-labour = Forced labour (ILO Forced Labour Convention No. 29: involuntary work under menace of penalty)
legal-test-slavery = Slavery indicated (powers attaching to the right of ownership)
legal-test-trafficking = Trafficking in persons (Palermo Protocol, art. 3: act, means, purpose)
legal-child = Child trafficking: { $result }
legal-child-met = MET (trafficking is met and the person was under 18 at entry)
legal-child-not-established-minor = NOT ESTABLISHED (the person was under 18 at entry, but trafficking is not established)
legal-child-not-established = NOT ESTABLISHED (the records do not show the person was under 18 at entry)
legal-element-involuntariness = Involuntariness
legal-element-coercion = Coercion (menace of penalty)
legal-element-indicators = Indicators
legal-element-act = Act
legal-element-means = Means
legal-element-purpose = Purpose (exploitation)
legal-via-forced-labour = the forced-labour test above is met
legal-via-slavery = slavery is indicated above
legal-source-testimony = testimony { $id } ({ $date })
legal-source-incident-dated = incident { $id } ({ $type }, { $date })
legal-source-incident = incident { $id } ({ $type })
legal-source-person-recruitment = the person record (recruitment)
legal-source-person-custody = the person record (custody at { $sites })
legal-source-person = the person record
legal-source-record = { $kind } { $id }

## Finding codes (DOMAIN.md), as the legal-test text names them

code-ilo_abuse_of_vulnerability = abuse of vulnerability
code-ilo_deception = deception
code-ilo_restriction_of_movement = restriction of movement
code-ilo_isolation = isolation
code-ilo_physical_sexual_violence = physical or sexual violence
code-ilo_intimidation_threats = intimidation and threats
code-ilo_retention_of_documents = retention of identity documents
code-ilo_withholding_of_wages = withholding of wages
code-ilo_debt_bondage = debt bondage
code-ilo_abusive_conditions = abusive working and living conditions
code-ilo_excessive_overtime = excessive overtime
code-tip_act_recruitment = recruitment
code-tip_act_transportation = transportation
code-tip_act_transfer = transfer
code-tip_act_harbouring = harbouring
code-tip_act_receipt = receipt
code-tip_means_threat = threat
code-tip_means_force = use of force
code-tip_means_coercion = coercion
code-tip_means_abduction = abduction
code-tip_means_fraud = fraud
code-tip_means_deception = deception
code-tip_means_abuse_of_power = abuse of power
code-tip_means_abuse_of_vulnerability = abuse of a position of vulnerability
code-tip_means_payment_to_controller = payments to a person having control
code-tip_purpose_sexual_exploitation = sexual exploitation
code-tip_purpose_forced_labour = forced labour
code-tip_purpose_slavery = slavery
code-tip_purpose_servitude = servitude
code-tip_purpose_organ_removal = removal of organs
code-tip_purpose_forced_criminality = forced criminality
code-slavery_sale = sale or transfer between operators
code-slavery_ownership_claim = claim of ownership
code-slavery_control_as_possession = control amounting to possession
