//! A stream of valid v1 records for import benchmarks: any number of lines,
//! deterministic, in constant memory, fast enough that the generator is never
//! what a benchmark measures.
//!
//! Record `i` of the stream depends only on `i` and the requested length `n`, so
//! nothing is kept between lines but the current block's plan. The stream starts
//! with a header (sources and organizations), then repeats blocks of 100 records
//! around one site: its observations, an intervention, the people held there,
//! their testimonies and the incidents. Most references point back; some point
//! forward (a person's ad, a relocation, an incident's testimony), and only to a
//! record that is among the `n` lines written.
//!
//! Lines are written straight into a buffer in the canonical form of FORMAT.md
//! (the tests check each one against `Record::to_line`), which is several times
//! faster than building [`zonewatch_model::Record`] values.

use std::io::{self, Write};

use zonewatch_model::{
    ExitMode, FindingCode, Gender, IncidentType, InterventionType, ObservationBasis, PartialDate,
    Platform, Precision, RecruitmentChannel, SiteStatusValue,
};

use crate::calendar::{self, month, with_precision, Month, LAST};
use crate::pools::{self, Contact, PROVINCES};
use crate::rng::Rng;

/// The first record of every bulk stream: a source whose title says the data is
/// generated and fictional. Every other bulk record cites it.
pub const BULK_SOURCE_ID: &str = "bulk-source-01";

const SEED: u64 = 0x6275_6C6B_2D7A_7731;

const SOURCES: usize = 6;
const ORGS: usize = 10;
const HEADER: usize = SOURCES + ORGS;
/// Organizations: four criminal groups, five police units, one NGO.
const GROUPS: u64 = 4;
const POLICE: u64 = 5;

/// The layout of one block of 100 records.
const BLOCK: usize = 100;
const SLOT_SITE: usize = 0;
const SLOT_AD: usize = 1;
const SLOT_STATUS: usize = 2;
const STATUSES: usize = 9;
const SLOT_INTERVENTION: usize = 11;
const SLOT_PERSON: usize = 12;
const PERSONS: usize = 46;
const SURVIVORS: usize = 5;
/// Persons `PERPETRATOR_FROM..PERSONS` of a block are perpetrators or recruiters.
const PERPETRATOR_FROM: usize = 42;
const SLOT_TESTIMONY: usize = 58;
const TESTIMONIES: usize = SURVIVORS;
const SLOT_INCIDENT: usize = 63;
const INCIDENTS: usize = 37;
const _: () = assert!(SLOT_INCIDENT + INCIDENTS == BLOCK);
const _: () = assert!(SLOT_PERSON + PERSONS == SLOT_TESTIMONY);

/// Writes `n` valid v1 JSON lines to `out`: all kinds, in realistic proportions
/// (per 100 records: 46 persons, 37 incidents, 9 site observations, 5
/// testimonies, a site, an intervention and an ad), every reference resolving
/// within those `n` lines. The same bytes every time, on every platform.
pub fn write_bulk(n: usize, out: &mut impl Write) -> io::Result<()> {
    let mut line = Line::new(n);
    let mut cached: Option<BlockPlan> = None;
    for i in 0..n {
        if i < HEADER {
            line.header(i);
        } else {
            let b = (i - HEADER) / BLOCK;
            let slot = (i - HEADER) % BLOCK;
            let plan = match cached {
                Some(plan) if plan.block == b => plan,
                _ => BlockPlan::new(b),
            };
            cached = Some(plan);
            line.record(&plan, slot, i);
        }
        if line.buf.len() >= 1 << 16 {
            out.write_all(&line.buf)?;
            line.buf.clear();
        }
    }
    out.write_all(&line.buf)?;
    out.flush()
}

/// What the records of one block share: the site and its timeline.
#[derive(Clone, Copy)]
struct BlockPlan {
    block: usize,
    compound: bool,
    province: usize,
    district: usize,
    lat: i64,
    lon: i64,
    group: u64,
    /// First sign of activity, and the month of the block's intervention.
    start: Month,
    raid: Month,
}

impl BlockPlan {
    fn new(block: usize) -> BlockPlan {
        let mut rng = Rng::stream(SEED, 1, block as u64);
        let province = rng.index(PROVINCES.len());
        let district = rng.index(PROVINCES[province].districts.len());
        let d = &PROVINCES[province].districts[district];
        let start = rng.range(month(2020, 6), month(2023, 6));
        BlockPlan {
            block,
            compound: rng.chance(60),
            province,
            district,
            lat: d.lat + rng.range(-150, 150),
            lon: d.lon + rng.range(-150, 150),
            group: rng.below(GROUPS),
            start,
            raid: rng.range(start + 12, LAST - 2),
        }
    }
}

/// An id: a prefix and a zero-padded number.
#[derive(Clone, Copy)]
struct Id {
    prefix: &'static str,
    n: u64,
    width: usize,
}

fn source(k: usize) -> Id {
    Id {
        prefix: "bulk-source-",
        n: k as u64 + 1,
        width: 2,
    }
}
fn org(k: u64) -> Id {
    Id {
        prefix: "bulk-org-",
        n: k + 1,
        width: 2,
    }
}
fn site(b: usize) -> Id {
    Id {
        prefix: "bulk-site-",
        n: b as u64,
        width: 7,
    }
}
fn ad(b: usize) -> Id {
    Id {
        prefix: "bulk-ad-",
        n: b as u64,
        width: 7,
    }
}
fn status_id(b: usize, k: usize) -> Id {
    Id {
        prefix: "bulk-status-",
        n: (b * STATUSES + k) as u64,
        width: 8,
    }
}
fn intervention(b: usize) -> Id {
    Id {
        prefix: "bulk-intervention-",
        n: b as u64,
        width: 7,
    }
}
fn person(b: usize, k: usize) -> Id {
    Id {
        prefix: "bulk-person-",
        n: (b * PERSONS + k) as u64,
        width: 8,
    }
}
fn testimony(b: usize, k: usize) -> Id {
    Id {
        prefix: "bulk-testimony-",
        n: (b * TESTIMONIES + k) as u64,
        width: 7,
    }
}
fn incident(b: usize, k: usize) -> Id {
    Id {
        prefix: "bulk-incident-",
        n: (b * INCIDENTS + k) as u64,
        width: 8,
    }
}

/// The line buffer and the writing helpers. Every helper after `begin` writes
/// `,"key":value`.
struct Line {
    buf: Vec<u8>,
    /// How many records the stream has: a forward reference must stay below it.
    n: usize,
}

impl Line {
    fn new(n: usize) -> Line {
        Line {
            buf: Vec::with_capacity(1 << 17),
            n,
        }
    }

    /// True when the record at stream position (block `b`, `slot`) is written.
    fn exists(&self, b: usize, slot: usize) -> bool {
        HEADER + b * BLOCK + slot < self.n
    }

    fn begin(&mut self, kind: &str, id: Id) {
        self.buf.extend_from_slice(b"{\"kind\":\"");
        self.buf.extend_from_slice(kind.as_bytes());
        self.buf.extend_from_slice(b"\",\"id\":");
        self.id_value(id);
    }

    fn end(&mut self, sources: &[Id], sensitivity: &str) {
        if !sources.is_empty() {
            self.ids("sources", sources);
        }
        if sensitivity != "internal" {
            self.text("sensitivity", sensitivity);
        }
        self.buf.extend_from_slice(b"}\n");
    }

    fn key(&mut self, key: &str) {
        if self.buf.last() != Some(&b'{') {
            self.buf.push(b',');
        }
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.extend_from_slice(b"\":");
    }

    fn text(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }

    fn string(&mut self, value: &str) {
        self.buf.push(b'"');
        self.escaped(value);
        self.buf.push(b'"');
    }

    /// Appends `value` escaped as JSON string content (as the model writes it).
    fn escaped(&mut self, value: &str) {
        let bytes = value.as_bytes();
        let mut start = 0;
        for (i, &byte) in bytes.iter().enumerate() {
            let escape: &[u8] = match byte {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0c => b"\\f",
                0x00..=0x1f => b"",
                _ => continue,
            };
            self.buf.extend_from_slice(&bytes[start..i]);
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.buf.extend_from_slice(b"\\u00");
                self.buf.push(HEX[usize::from(byte >> 4)]);
                self.buf.push(HEX[usize::from(byte & 0xf)]);
            } else {
                self.buf.extend_from_slice(escape);
            }
            start = i + 1;
        }
        self.buf.extend_from_slice(&bytes[start..]);
    }

    fn number(&mut self, key: &str, value: u64) {
        self.key(key);
        self.digits(value, 1);
    }

    fn digits(&mut self, value: u64, width: usize) {
        let mut tmp = [0u8; 20];
        let mut i = tmp.len();
        let mut v = value;
        loop {
            i -= 1;
            tmp[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        for _ in (tmp.len() - i)..width {
            self.buf.push(b'0');
        }
        self.buf.extend_from_slice(&tmp[i..]);
    }

    /// A coordinate given in ten-thousandths of a degree, in its shortest form.
    fn degrees(&mut self, key: &str, value: i64) {
        self.key(key);
        if value < 0 {
            self.buf.push(b'-');
        }
        let value = value.unsigned_abs();
        self.digits(value / 10_000, 1);
        let mut fraction = value % 10_000;
        if fraction != 0 {
            let mut width = 4;
            while fraction.is_multiple_of(10) {
                fraction /= 10;
                width -= 1;
            }
            self.buf.push(b'.');
            self.digits(fraction, width);
        }
    }

    fn id_value(&mut self, id: Id) {
        self.buf.push(b'"');
        self.buf.extend_from_slice(id.prefix.as_bytes());
        self.digits(id.n, id.width);
        self.buf.push(b'"');
    }

    fn id(&mut self, key: &str, id: Id) {
        self.key(key);
        self.id_value(id);
    }

    fn ids(&mut self, key: &str, ids: &[Id]) {
        self.key(key);
        self.buf.push(b'[');
        for (k, &id) in ids.iter().enumerate() {
            if k > 0 {
                self.buf.push(b',');
            }
            self.id_value(id);
        }
        self.buf.push(b']');
    }

    fn date(&mut self, key: &str, date: PartialDate) {
        self.key(key);
        self.buf.push(b'"');
        self.digits(u64::from(date.year), 4);
        if let Some(m) = date.month {
            self.buf.push(b'-');
            self.digits(u64::from(m), 2);
        }
        if let Some(d) = date.day {
            self.buf.push(b'-');
            self.digits(u64::from(d), 2);
        }
        self.buf.push(b'"');
    }

    fn header(&mut self, i: usize) {
        const TITLES: [(&str, &str); SOURCES] = [
            (
                "zonewatch bulk benchmark data — generated, fictional",
                "other",
            ),
            ("Field visit notes (fictional, generated)", "field_visit"),
            (
                "Satellite imagery review (fictional, generated)",
                "satellite_imagery",
            ),
            ("Media monitoring (fictional, generated)", "media"),
            ("NGO hotline data (fictional, generated)", "ngo_data"),
            ("Interview programme (fictional, generated)", "interview"),
        ];
        const ORG_NAMES: [(&str, &str); ORGS] = [
            ("Golden Phoenix Group (fictional)", "criminal_group"),
            ("Jade Dragon network (fictional)", "criminal_group"),
            ("Red Lotus syndicate (fictional)", "criminal_group"),
            ("Silver Tide group (fictional)", "criminal_group"),
            ("Coastal police unit (fictional)", "law_enforcement"),
            ("Border police unit (fictional)", "law_enforcement"),
            ("Capital police unit (fictional)", "law_enforcement"),
            ("Northern police unit (fictional)", "law_enforcement"),
            ("Southern police unit (fictional)", "law_enforcement"),
            ("Safe Passage hotline (fictional NGO)", "ngo"),
        ];
        if i < SOURCES {
            let (title, kind) = TITLES[i];
            self.begin("source", source(i));
            self.text("title", title);
            self.text("type", kind);
            self.date("date", calendar::in_month(month(2025, 1 + i as i64)));
            if i == 0 {
                self.text(
                    "publisher",
                    "zonewatch (generated benchmark data; no real people or places are described)",
                );
            }
            self.end(&[], if i == 0 { "public" } else { "internal" });
        } else {
            let k = i - SOURCES;
            let (name, kind) = ORG_NAMES[k];
            self.begin("organization", org(k as u64));
            self.text("name", name);
            self.text("type", kind);
            self.text("country", "KH");
            self.end(&[source(0)], "internal");
        }
    }

    fn record(&mut self, plan: &BlockPlan, slot: usize, i: usize) {
        let mut rng = Rng::stream(SEED, 2, i as u64);
        match slot {
            SLOT_SITE => self.site(plan, &mut rng),
            SLOT_AD => self.ad(plan, &mut rng),
            s if s < SLOT_INTERVENTION => self.status(plan, s - SLOT_STATUS, &mut rng),
            SLOT_INTERVENTION => self.intervention(plan, &mut rng),
            s if s < SLOT_TESTIMONY => self.person(plan, s - SLOT_PERSON, &mut rng),
            s if s < SLOT_INCIDENT => self.testimony(plan, s - SLOT_TESTIMONY, &mut rng),
            s => self.incident(plan, s - SLOT_INCIDENT, &mut rng),
        }
    }

    fn site(&mut self, plan: &BlockPlan, rng: &mut Rng) {
        let b = plan.block;
        let province = &PROVINCES[plan.province];
        let (adjective, _) = pools::NAME_ADJECTIVES[b % pools::NAME_ADJECTIVES.len()];
        let (noun, _) = rng.pick(pools::NAME_NOUNS);
        self.begin("site", site(b));
        self.key("name");
        self.buf.push(b'"');
        self.escaped(adjective);
        self.buf.push(b' ');
        self.escaped(noun);
        self.buf.extend_from_slice(if plan.compound {
            b" compound "
        } else {
            b" building "
        });
        self.digits(b as u64, 1);
        self.buf.extend_from_slice(b" (fictional)\"");
        self.text(
            "category",
            if plan.compound {
                "scam_compound"
            } else {
                "suspected_site"
            },
        );
        self.text("country", "KH");
        self.text("admin1", province.name);
        self.text("admin2", province.districts[plan.district].name);
        self.degrees("lat", plan.lat);
        self.degrees("lon", plan.lon);
        self.text(
            "former_use",
            rng.pick(&[
                "casino",
                "hotel",
                "residential",
                "office",
                "special_economic_zone",
                "unknown",
            ]),
        );
        if plan.compound {
            self.ids("operators", &[org(plan.group)]);
        }
        self.end(
            &[source(0), source(1 + rng.index(2))],
            if rng.chance(20) { "public" } else { "internal" },
        );
    }

    fn ad(&mut self, plan: &BlockPlan, rng: &mut Rng) {
        let b = plan.block as u64;
        let language = rng.index(pools::AD_LANGUAGES.len());
        let platform = rng.pick(&[
            Platform::Facebook,
            Platform::Telegram,
            Platform::Tiktok,
            Platform::Instagram,
            Platform::Whatsapp,
        ]);
        let contact = match platform {
            Platform::Whatsapp => Contact::Whatsapp(b),
            _ => Contact::Telegram(b),
        };
        let text = pools::ad_text(
            language,
            rng.below(3),
            rng.index(pools::AD_JOBS.len()),
            rng.range(8, 30) as u64 * 100,
            PROVINCES[plan.province].ad_city,
            contact,
        );
        self.begin("ad", ad(plan.block));
        self.text("platform", platform.as_str());
        self.text("text", &text);
        if rng.chance(40) {
            self.key("url");
            self.buf.extend_from_slice(b"\"https://");
            self.buf.extend_from_slice(platform.as_str().as_bytes());
            self.buf.extend_from_slice(b".example/posts/zw-bulk-");
            self.digits(b, 1);
            self.buf.push(b'"');
        }
        let posted = plan.start + rng.range(0, 12);
        self.date(
            "posted",
            with_precision(posted, calendar::precision(rng, [0, 50, 50]), rng),
        );
        self.text("language", pools::AD_LANGUAGES[language]);
        self.end(&[source(0), source(3)], "public");
    }

    fn status(&mut self, plan: &BlockPlan, k: usize, rng: &mut Rng) {
        let b = plan.block;
        let own = b == 0 || rng.chance(70);
        let target = if own { b } else { b - 1 - rng.index(b.min(20)) };
        let m = (plan.start + 2 + 4 * k as i64 + rng.range(0, 3)).min(LAST);
        let status = if k == 0 && rng.chance(30) {
            SiteStatusValue::UnderConstruction
        } else {
            rng.weighted(&[
                (SiteStatusValue::Operating, 80),
                (SiteStatusValue::Closed, 12),
                (SiteStatusValue::Relocated, 8),
            ])
        };
        let basis = rng.pick(ObservationBasis::ALL);
        self.begin("site_status", status_id(b, k));
        self.id("site", site(target));
        self.date(
            "date",
            with_precision(m, calendar::precision(rng, [10, 60, 30]), rng),
        );
        self.text("status", status.as_str());
        self.text("basis", basis.as_str());
        // A relocation names the next block's site when it is written.
        if status == SiteStatusValue::Relocated && target == b && self.exists(b + 1, SLOT_SITE) {
            self.id("relocated_to", site(b + 1));
        }
        if rng.chance(25) {
            self.text(
                "note",
                match status {
                    SiteStatusValue::Operating => {
                        "(fictional) Lights on in the dormitories at night."
                    }
                    SiteStatusValue::Closed => "(fictional) Gate chained; no movement seen.",
                    SiteStatusValue::UnderConstruction => {
                        "(fictional) New perimeter wall going up."
                    }
                    SiteStatusValue::Relocated => "(fictional) Workers say the operation moved.",
                },
            );
        }
        let evidence = match basis {
            ObservationBasis::FieldVisit => source(1),
            ObservationBasis::SatelliteImagery => source(2),
            ObservationBasis::Testimony => source(5),
            _ => source(3),
        };
        self.end(
            &[source(0), evidence],
            if rng.chance(10) {
                "restricted"
            } else {
                "internal"
            },
        );
    }

    fn intervention(&mut self, plan: &BlockPlan, rng: &mut Rng) {
        let kind = rng.weighted(&[
            (InterventionType::Raid, 60),
            (InterventionType::Rescue, 25),
            (InterventionType::Inspection, 10),
            (InterventionType::ClosureOrder, 5),
        ]);
        self.begin("intervention", intervention(plan.block));
        self.id("site", site(plan.block));
        self.date(
            "date",
            with_precision(plan.raid, calendar::precision(rng, [0, 25, 75]), rng),
        );
        self.text("type", kind.as_str());
        let police = org(GROUPS + plan.province as u64 % POLICE);
        if rng.chance(30) {
            self.ids("agencies", &[police, org(GROUPS + POLICE)]);
        } else {
            self.ids("agencies", &[police]);
        }
        match kind {
            InterventionType::Raid => {
                self.number("persons_removed", rng.range(20, 900) as u64);
                self.number("persons_arrested", rng.range(0, 40) as u64);
            }
            InterventionType::Rescue => self.number("persons_removed", rng.range(2, 60) as u64),
            _ => {}
        }
        if rng.chance(40) {
            self.text(
                "note",
                "(fictional) Operation announced by provincial police.",
            );
        }
        self.end(
            &[source(0), source(3)],
            if rng.chance(50) { "public" } else { "internal" },
        );
    }

    fn person(&mut self, plan: &BlockPlan, k: usize, rng: &mut Rng) {
        let b = plan.block;
        let id = person(b, k);
        let country = rng.weighted(pools::VICTIM_NATIONALITIES);
        self.begin("person", id);
        if k >= PERPETRATOR_FROM {
            let recruiter = rng.chance(40);
            self.key("alias");
            self.buf.extend_from_slice(if recruiter {
                b"\"Recruiter "
            } else {
                b"\"Guard "
            });
            self.digits(id.n, 1);
            self.buf.extend_from_slice(b" (fictional)\"");
            self.key("roles");
            self.buf.extend_from_slice(if recruiter {
                b"[\"recruiter\"]"
            } else {
                b"[\"perpetrator\"]"
            });
            self.text("nationality", country);
            self.text("gender", if rng.chance(80) { "male" } else { "female" });
            if rng.chance(30) {
                self.key("pii");
                self.buf
                    .extend_from_slice(b"{\"legal_name\":\"(fictional) Suspect ");
                self.digits(id.n, 1);
                self.buf.extend_from_slice(b"\"}");
            }
            self.end(&[source(0), source(5)], "restricted");
            return;
        }
        let survivor = k < SURVIVORS;
        if survivor {
            self.text("alias", rng.pick(pools::pseudonyms(country)));
            self.key("roles");
            self.buf.extend_from_slice(b"[\"survivor\"]");
        } else {
            self.key("alias");
            self.buf.extend_from_slice(b"\"Record ");
            self.digits(id.n, 1);
            self.buf.push(b'"');
            self.key("roles");
            self.buf.extend_from_slice(b"[\"victim\"]");
        }
        if survivor || rng.chance(95) {
            self.text("nationality", country);
        }
        if survivor || rng.chance(70) {
            let gender = rng.weighted(&[
                (Gender::Male, 55),
                (Gender::Female, 40),
                (Gender::Unknown, 5),
            ]);
            self.text("gender", gender.as_str());
        }
        if survivor || rng.chance(60) {
            let age = if rng.chance(8) {
                rng.range(14, 17)
            } else {
                rng.range(18, 40)
            };
            self.number("age_at_entry", age as u64);
        }
        let to = plan.raid - rng.range(0, 6);
        let from = to - rng.range(1, 14);
        if survivor || rng.chance(60) {
            let channel = rng.weighted(pools::CHANNELS);
            self.key("recruitment");
            self.buf.push(b'{');
            self.text("channel", channel.as_str());
            if survivor || rng.chance(60) {
                self.text("promised_job", rng.weighted(pools::PROMISED_JOBS));
                self.number("promised_salary_usd", rng.range(12, 60) as u64 * 50);
            }
            if survivor || rng.chance(40) {
                self.date(
                    "date",
                    with_precision(from, calendar::precision(rng, [10, 70, 20]), rng),
                );
            }
            if channel != RecruitmentChannel::PersonalContact
                && rng.chance(if survivor { 50 } else { 15 })
            {
                // The ad is the next block's when it is written (a forward reference).
                let ad_block = if self.exists(b + 1, SLOT_AD) {
                    b + 1
                } else {
                    b
                };
                self.id("ad", ad(ad_block));
            }
            self.buf.push(b'}');
        }
        if survivor || rng.chance(85) {
            self.key("custody");
            self.buf.extend_from_slice(b"[{");
            self.id("site", site(b));
            if survivor || rng.chance(55) {
                self.date(
                    "from",
                    with_precision(from, calendar::precision(rng, [5, 70, 25]), rng),
                );
                self.date(
                    "to",
                    with_precision(to, calendar::precision(rng, [5, 70, 25]), rng),
                );
            }
            self.buf.extend_from_slice(b"}]");
        }
        if survivor || rng.chance(80) {
            let exit = rng.weighted(&[
                (ExitMode::Rescued, 35),
                (ExitMode::Deported, 20),
                (ExitMode::Escaped, 12),
                (ExitMode::Released, 6),
                (ExitMode::RansomPaid, 6),
                (ExitMode::StillHeld, 8),
                (ExitMode::SoldOrTransferred, 4),
                (ExitMode::Died, 1),
                (ExitMode::Unknown, 8),
            ]);
            self.text("exit", exit.as_str());
        }
        if survivor || rng.chance(20) {
            self.key("pii");
            self.buf
                .extend_from_slice(b"{\"legal_name\":\"(fictional) Name ");
            self.digits(id.n, 1);
            self.buf.push(b'"');
            if survivor {
                let born = i64::from(calendar::year_of(from)) - rng.range(18, 35);
                self.date("date_of_birth", calendar::year(month(born, 1)));
                self.text("contact", "(fictional) through the hotline caseworker");
            }
            self.buf.push(b'}');
        }
        let sensitivity = if rng.chance(30) {
            "restricted"
        } else {
            "internal"
        };
        self.end(
            &[source(0), source(if survivor { 5 } else { 4 })],
            sensitivity,
        );
    }

    fn testimony(&mut self, plan: &BlockPlan, k: usize, rng: &mut Rng) {
        let b = plan.block;
        self.begin("testimony", testimony(b, k));
        self.id("person", person(b, k));
        let m = (plan.raid + rng.range(1, 8)).min(LAST);
        self.date("date", with_precision(m, Precision::Day, rng));
        let consent = rng.weighted(&[
            ("public_use", 10),
            ("anonymous_use", 55),
            ("internal_only", 31),
            ("withdrawn", 4),
        ]);
        self.text("consent", consent);
        self.text(
            "language",
            rng.pick(&["th", "vi", "id", "en", "zh-Hans", "my", "fil"]),
        );
        self.key("interviewer");
        self.buf.extend_from_slice(b"\"(fictional) Interviewer ");
        self.buf.push(b'A' + rng.below(6) as u8);
        self.buf.push(b'"');
        if consent != "withdrawn" && rng.chance(60) {
            self.key("transcript");
            self.buf
                .extend_from_slice(b"\"(fictional transcript, generated) ");
            self.escaped(pools::pick_sentence(rng, pools::TRAVEL));
            self.buf.push(b' ');
            self.escaped(pools::pick_sentence(rng, pools::WORK));
            if rng.chance(50) {
                self.buf.push(b' ');
                self.escaped(pools::pick_sentence(rng, pools::VIOLENCE));
            }
            self.buf.push(b'"');
        }
        // Two to five distinct codes, drawn from a rotating window of the list.
        let codes = FindingCode::ALL;
        let first = rng.index(codes.len());
        let count = rng.range(2, 5) as usize;
        let step = 1 + rng.index(4);
        self.key("findings");
        self.buf.push(b'[');
        for c in 0..count {
            if c > 0 {
                self.buf.push(b',');
            }
            let code = codes[(first + c * step) % codes.len()];
            self.buf.push(b'{');
            self.text("code", code.as_str());
            if c == 0 && rng.chance(30) {
                self.id("site", site(b));
            }
            self.buf.push(b'}');
        }
        self.buf.push(b']');
        self.end(&[source(0), source(5)], "restricted");
    }

    fn incident(&mut self, plan: &BlockPlan, k: usize, rng: &mut Rng) {
        use IncidentType as I;
        let b = plan.block;
        let kind = rng.weighted(&[
            (I::Confinement, 20),
            (I::ForcedCriminality, 15),
            (I::Beating, 12),
            (I::DocumentConfiscation, 10),
            (I::Threat, 9),
            (I::WithheldWages, 8),
            (I::DebtBondage, 6),
            (I::ElectricShock, 4),
            (I::Torture, 3),
            (I::SaleOrTransfer, 4),
            (I::SexualViolence, 2),
            (I::ChildLabour, 2),
            (I::Death, 1),
            (I::Other, 4),
        ]);
        self.begin("incident", incident(b, k));
        self.text("type", kind.as_str());
        let m = plan.raid - rng.range(0, 10);
        self.date(
            "date",
            with_precision(m, calendar::precision(rng, [5, 70, 25]), rng),
        );
        if rng.chance(90) {
            self.id("site", site(b));
        }
        // Victims: distinct survivors or victims of this block (written earlier).
        let count = rng.weighted(&[(1usize, 70), (2, 20), (3, 10)]);
        let first = rng.index(PERPETRATOR_FROM);
        let step = 1 + rng.index(7);
        let victims: [Id; 3] =
            std::array::from_fn(|v| person(b, (first + v * step) % PERPETRATOR_FROM));
        self.ids("victims", &victims[..count]);
        if rng.chance(50) {
            if rng.chance(50) {
                self.ids("perpetrators", &[org(plan.group)]);
            } else {
                let guard = person(b, PERPETRATOR_FROM + rng.index(PERSONS - PERPETRATOR_FROM));
                self.ids("perpetrators", &[guard, org(plan.group)]);
            }
        }
        if rng.chance(15) {
            // Sometimes a later block's testimony describes it (a forward reference).
            let later = rng.chance(30) && self.exists(b + 1, SLOT_TESTIMONY + TESTIMONIES - 1);
            let t = rng.index(TESTIMONIES);
            self.id("testimony", testimony(if later { b + 1 } else { b }, t));
        }
        if rng.chance(40) {
            self.text(
                "description",
                match kind {
                    I::Confinement => "(fictional) Held behind a locked gate and razor-wire fence.",
                    I::ForcedCriminality => {
                        "(fictional) Made to run investment scams with fake profiles."
                    }
                    I::Beating => "(fictional) Beaten for missing a daily target.",
                    I::DocumentConfiscation => "(fictional) Passport and phone taken on arrival.",
                    I::Death => "(fictional) Died in the compound; details restricted.",
                    _ => "(fictional) Reported to the hotline by a co-worker.",
                },
            );
        }
        self.end(
            &[source(0), source(4)],
            if rng.chance(15) {
                "restricted"
            } else {
                "internal"
            },
        );
    }
}
