//! FollowTheMoney entities (the data model of OCCRP Aleph / OpenAleph), one JSON
//! object per entity: `{"id", "schema", "properties": {name: [values]}}`.
//!
//! | zonewatch | FtM schema | links |
//! | --- | --- | --- |
//! | source | Document | |
//! | organization | Organization, or PublicBody for `law_enforcement` and `government_agency` | |
//! | site | RealEstate + its Address | `addressEntity`; operators as UnknownLink (role `operator`) |
//! | site_status | Event | `addressEntity` (the site's Address) |
//! | intervention | Event | `organizer` (agencies), `addressEntity` |
//! | person | Person, named by alias | custody entries as UnknownLink (subject person, object site) |
//! | incident | Event | `involved` (victims), `organizer` (perpetrators), `addressEntity` |
//!
//! Every entity has `proof` pointing at the Documents of its record's `sources`.
//! Testimonies and ads are not exported (testimonies are interview records whose
//! content is restricted or feeds assessments; ads go to screening).
//!
//! **Ids are stable**: the same record always gives the same entity id, whatever
//! else the dataset holds. A record's entity is `zw-` and its id, with the
//! characters FtM ids cannot hold escaped (`_` → `.u`, `:` → `.c`, `.` → `.d`, a
//! final `-` → `.h`), so `site-a` is `zw-site-a` and `p_1` is `zw-p.u1`. Entities
//! made from part of a record use another prefix: `zwaddress-` (a site's
//! Address), `zwcustody-N-` (custody entry N of a person), `zwoperator-N-` (operator
//! N of a site). An id that would pass FtM's 200 characters becomes the prefix,
//! `h-`, and a 128-bit hash of the record id.
//!
//! Values are written in FtM's own normal form (so the `followthemoney` tools accept
//! every line as it is): country codes in lower case, dates as v1 partial dates
//! (years 1000 to 2999; others are left out), names with spaces squashed, values cut
//! to FtM's length limits (names 384 characters, addresses 250, strings 1024).

use serde_json::{json, Map, Value};
use zonewatch_findings::Dataset;
use zonewatch_model::restricted::is_restricted_key;
use zonewatch_model::{
    Body, Gender, Incident, Intervention, Kind, Organization, OrganizationType, PartialDate,
    Person, Record, Site, SiteStatus, Source,
};

/// What an FtM export holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FtmOptions {
    /// Write restricted values: persons' `pii` (legal name as the Person's name,
    /// date of birth, address, document numbers, contact) and the free text of
    /// records marked `restricted`. Off: persons appear under their alias only.
    pub include_restricted: bool,
    /// Only records marked `public` (a viewer's export), and links only between
    /// them.
    pub public_only: bool,
}

/// The FtM entity id of a record.
pub fn ftm_id(record_id: &str) -> String {
    derived_id("zw-", record_id)
}

fn derived_id(prefix: &str, record_id: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + record_id.len() + 8);
    out.push_str(prefix);
    let last = record_id.len().saturating_sub(1);
    for (i, c) in record_id.char_indices() {
        match c {
            '_' => out.push_str(".u"),
            ':' => out.push_str(".c"),
            '.' => out.push_str(".d"),
            '-' if i == last => out.push_str(".h"),
            c if c.is_ascii_alphanumeric() || c == '-' => out.push(c),
            // Not in a valid record id; kept injective all the same.
            c => out.push_str(&format!(".x{:x}.", u32::from(c))),
        }
    }
    if out.len() <= 200 {
        return out;
    }
    format!(
        "{}h-{}",
        prefix.trim_end_matches('-'),
        hash128_hex(record_id.as_bytes())
    )
}

/// FNV-1a with two offset bases: 128 bits, stable across platforms and versions.
fn hash128_hex(bytes: &[u8]) -> String {
    let fnv = |mut hash: u64| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        hash
    };
    format!(
        "{:016x}{:016x}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x6c62_272e_07bb_0142)
    )
}

/// FtM property types, as far as they change how a value is written.
#[derive(Clone, Copy)]
enum T {
    Name,
    Address,
    Str,
    Text,
    Identifier,
    Date,
    Country,
    Number,
    Gender,
    Url,
    Entity,
}

struct Entity {
    id: String,
    schema: &'static str,
    props: Map<String, Value>,
}

impl Entity {
    fn new(schema: &'static str, id: String) -> Entity {
        Entity {
            id,
            schema,
            props: Map::new(),
        }
    }

    /// Adds a value in FtM's normal form; an empty or unrepresentable one is skipped.
    fn put(&mut self, prop: &str, ty: T, value: &str) {
        let Some(value) = normal(ty, value) else {
            return;
        };
        let values = self
            .props
            .entry(prop.to_owned())
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(values) = values {
            let value = Value::String(value);
            if !values.contains(&value) {
                values.push(value);
            }
        }
    }

    fn put_opt(&mut self, prop: &str, ty: T, value: Option<&str>) {
        if let Some(value) = value {
            self.put(prop, ty, value);
        }
    }

    fn put_date(&mut self, prop: &str, date: Option<PartialDate>) {
        if let Some(date) = date {
            self.put(prop, T::Date, &date.to_string());
        }
    }

    fn into_value(self) -> Value {
        json!({"id": self.id, "schema": self.schema, "properties": Value::Object(self.props)})
    }
}

/// Removes what FtM removes from all text: control and invisible characters; turns
/// Unicode spaces into plain ones; trims.
fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let cp = u32::from(c);
        let delete = matches!(cp, 0x00..=0x08 | 0x0B..=0x0C | 0x0E..=0x1F | 0x7F..=0x9F)
            || matches!(cp, 0x200B..=0x200F | 0x061C | 0x2060..=0x2064 | 0x00AD | 0xFEFF);
        let space = matches!(
            cp,
            0x2000..=0x200A | 0x2028 | 0x2029 | 0x0A00 | 0x1680 | 0x202F | 0x205F | 0x3000
        );
        if delete {
            continue;
        }
        out.push(if space { ' ' } else { c });
    }
    out.trim().to_owned()
}

/// Squashes runs of whitespace into one space and trims.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cut(text: String, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text;
    }
    let cut: String = text.chars().take(max_chars).collect();
    cut.trim_end().to_owned()
}

fn normal(ty: T, value: &str) -> Option<String> {
    let text = sanitize(value);
    let out = match ty {
        T::Name => {
            // FtM strips one pair of surrounding quotes, then squashes spaces.
            let mut name = squash(&text);
            loop {
                let stripped = match (name.chars().next(), name.chars().last()) {
                    (Some('"' | '\''), Some('"' | '\'')) if name.chars().count() >= 2 => {
                        let inner: String = name.chars().skip(1).collect();
                        let mut inner: Vec<char> = inner.chars().collect();
                        inner.pop();
                        squash(&inner.into_iter().collect::<String>())
                    }
                    _ => break,
                };
                name = stripped;
            }
            cut(name, 384)
        }
        T::Address => {
            let mut address = text.replace("\r\n", ", ");
            for from in ["\n", "\t", ";"] {
                address = address.replace(from, ", ");
            }
            let mut address = squash(&address);
            // FtM turns ",," and ",." (with an optional space between) into ", ".
            loop {
                let next = address
                    .replace(", ,", ", ")
                    .replace(",,", ", ")
                    .replace(", .", ", ")
                    .replace(",.", ", ");
                let next = squash(&next);
                if next == address {
                    break;
                }
                address = next;
            }
            cut(address, 250)
        }
        T::Str => cut(text, 1024),
        T::Text => cut(text, 65_000),
        T::Identifier => cut(text, 64),
        T::Date => {
            let date = PartialDate::parse(&text)?;
            if !(1000..=2999).contains(&date.year) {
                return None;
            }
            text
        }
        T::Country => text.to_ascii_lowercase(),
        T::Number | T::Gender | T::Entity => text,
        T::Url => safe_url(&text)?,
    };
    (!out.is_empty()).then_some(out)
}

/// A URL FtM keeps as written: `http(s)://host.tld/…` without spaces. A bare host
/// gets its `/`. Anything else is not written as a URL.
fn safe_url(text: &str) -> Option<String> {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))?;
    if text.chars().any(|c| c.is_whitespace() || c.is_control()) || text.len() > 4096 {
        return None;
    }
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    let tld = host.rsplit('.').next().unwrap_or("");
    let host_ok = host.contains('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'))
        && tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_alphabetic());
    if !host_ok || rest[host_end..].starts_with(['?', '#']) || rest.contains('#') {
        return None;
    }
    if host_end == rest.len() {
        return Some(format!("{text}/"));
    }
    Some(text.to_owned())
}

/// The dataset as FtM entities, sources first, then organizations, sites (each
/// followed by its Address and operator links), status observations,
/// interventions, persons (each followed by its custody links) and incidents;
/// within a kind, in id order.
pub fn ftm_entities(dataset: &Dataset, options: FtmOptions) -> impl Iterator<Item = Value> + '_ {
    const ORDER: [Kind; 7] = [
        Kind::Source,
        Kind::Organization,
        Kind::Site,
        Kind::SiteStatus,
        Kind::Intervention,
        Kind::Person,
        Kind::Incident,
    ];
    ORDER
        .into_iter()
        .flat_map(move |kind| dataset.of_kind(kind))
        .filter(move |record| visible(record, options))
        .flat_map(move |record| record_entities(dataset, record, options))
}

fn visible(record: &Record, options: FtmOptions) -> bool {
    !options.public_only || record.sensitivity == zonewatch_model::Sensitivity::Public
}

struct Ctx<'a> {
    dataset: &'a Dataset,
    record: &'a Record,
    options: FtmOptions,
}

impl Ctx<'_> {
    /// Whether a field of this record may be written.
    fn open(&self, key: &str) -> bool {
        self.options.include_restricted
            || !is_restricted_key(self.record.kind(), self.record.sensitivity, key)
    }

    /// The entity id of a referenced record, when the dataset holds it with one of
    /// the kinds the reference may name.
    fn link(&self, id: &str, kinds: &[Kind]) -> Option<String> {
        let target = self.dataset.get(id)?;
        (kinds.contains(&target.kind()) && visible(target, self.options)).then(|| ftm_id(id))
    }

    fn proof(&self, entity: &mut Entity) {
        for source in &self.record.sources {
            if let Some(id) = self.link(source, &[Kind::Source]) {
                entity.put("proof", T::Entity, &id);
            }
        }
    }

    fn site(&self, id: &str) -> Option<(&Record, &Site)> {
        self.dataset
            .site(id)
            .filter(|(record, _)| visible(record, self.options))
    }

    /// `addressEntity`, `location` and `country` of an event at a site.
    fn at_site(&self, entity: &mut Entity, site_id: &str) {
        if let Some((record, site)) = self.site(site_id) {
            entity.put(
                "addressEntity",
                T::Entity,
                &derived_id("zwaddress-", &record.id),
            );
            entity.put("location", T::Address, &site.name);
            entity.put("country", T::Country, &site.country);
        }
    }
}

/// A site's name; its id when the dataset lacks it; "a site" when the export may
/// not show it.
fn site_label(ctx: &Ctx, site_id: &str) -> String {
    match ctx.site(site_id) {
        Some((_, site)) => site.name.clone(),
        None if ctx.options.public_only => "a site".to_owned(),
        None => site_id.to_owned(),
    }
}

/// `closure_order` -> `Closure order`.
fn words(value: &str) -> String {
    let text = value.replace('_', " ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

fn record_entities(dataset: &Dataset, record: &Record, options: FtmOptions) -> Vec<Value> {
    let ctx = Ctx {
        dataset,
        record,
        options,
    };
    match &record.body {
        Body::Source(source) => vec![source_entity(&ctx, source)],
        Body::Organization(org) => vec![organization_entity(&ctx, org)],
        Body::Site(site) => site_entities(&ctx, site),
        Body::SiteStatus(status) => vec![status_entity(&ctx, status)],
        Body::Intervention(intervention) => vec![intervention_entity(&ctx, intervention)],
        Body::Person(person) => person_entities(&ctx, person),
        Body::Incident(incident) => vec![incident_entity(&ctx, incident)],
        Body::Testimony(_) | Body::Ad(_) => Vec::new(),
    }
}

fn source_entity(ctx: &Ctx, source: &Source) -> Value {
    let mut e = Entity::new("Document", ftm_id(&ctx.record.id));
    // `fileName` is required of a Document; a source is known by its title.
    e.put("fileName", T::Str, &source.title);
    e.put("title", T::Str, &source.title);
    e.put("keywords", T::Str, source.source_type.as_str());
    e.put_date("date", source.date);
    if ctx.open("publisher") {
        e.put_opt("publisher", T::Str, source.publisher.as_deref());
    }
    if ctx.open("url") {
        if let Some(url) = &source.url {
            match safe_url(url) {
                Some(_) => e.put("sourceUrl", T::Url, url),
                None => e.put("notes", T::Text, &format!("URL: {url}")),
            }
        }
    }
    if let Some(sha256) = &source.sha256 {
        // FtM's `contentHash` holds SHA-1; a SHA-256 goes into the notes.
        e.put(
            "notes",
            T::Text,
            &format!("SHA-256 of the archived copy: {sha256}"),
        );
    }
    ctx.proof(&mut e);
    e.into_value()
}

fn organization_entity(ctx: &Ctx, org: &Organization) -> Value {
    let schema = match org.org_type {
        OrganizationType::LawEnforcement | OrganizationType::GovernmentAgency => "PublicBody",
        _ => "Organization",
    };
    let mut e = Entity::new(schema, ftm_id(&ctx.record.id));
    e.put("name", T::Name, &org.name);
    for alias in &org.aliases {
        e.put("alias", T::Name, alias);
    }
    e.put_opt("country", T::Country, org.country.as_deref());
    e.put("classification", T::Str, org.org_type.as_str());
    ctx.proof(&mut e);
    e.into_value()
}

fn site_address(site: &Site, with_admin2: bool) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if with_admin2 {
        parts.extend(site.admin2.as_deref());
    }
    parts.extend(site.admin1.as_deref());
    parts.push(&site.country);
    parts.join(", ")
}

fn site_entities(ctx: &Ctx, site: &Site) -> Vec<Value> {
    let id = &ctx.record.id;
    let address_id = derived_id("zwaddress-", id);
    let with_admin2 = ctx.open("admin2");
    let full = site_address(site, with_admin2);

    let mut e = Entity::new("RealEstate", ftm_id(id));
    e.put("name", T::Name, &site.name);
    for alias in &site.aliases {
        e.put("alias", T::Name, alias);
    }
    e.put("country", T::Country, &site.country);
    e.put("keywords", T::Str, site.category.as_str());
    if let Some(former_use) = site.former_use {
        e.put(
            "propertyType",
            T::Str,
            &format!("former {}", words(former_use.as_str()).to_lowercase()),
        );
    }
    let category = match site.category {
        zonewatch_model::SiteCategory::ScamCompound => "Scam compound",
        zonewatch_model::SiteCategory::SuspectedSite => "Suspected scam compound site",
    };
    e.put(
        "description",
        T::Text,
        &format!("{category} (zonewatch site {id})"),
    );
    if let Some(location) = site.location {
        e.put(
            "latitude",
            T::Number,
            &zonewatch_model::Json::from_f64(location.lat).to_text(),
        );
        e.put(
            "longitude",
            T::Number,
            &zonewatch_model::Json::from_f64(location.lon).to_text(),
        );
    }
    e.put("address", T::Address, &full);
    e.put("addressEntity", T::Entity, &address_id);
    ctx.proof(&mut e);

    let mut address = Entity::new("Address", address_id);
    address.put("full", T::Address, &full);
    if with_admin2 {
        address.put_opt("city", T::Str, site.admin2.as_deref());
    }
    address.put_opt("state", T::Str, site.admin1.as_deref());
    address.put("country", T::Country, &site.country);
    if let Some(location) = site.location {
        address.put(
            "latitude",
            T::Number,
            &zonewatch_model::Json::from_f64(location.lat).to_text(),
        );
        address.put(
            "longitude",
            T::Number,
            &zonewatch_model::Json::from_f64(location.lon).to_text(),
        );
    }

    let mut out = vec![e.into_value(), address.into_value()];
    for (i, operator) in site.operators.iter().enumerate() {
        let Some(org) = ctx.link(operator, &[Kind::Organization]) else {
            continue;
        };
        let mut link = Entity::new("UnknownLink", derived_id(&format!("zwoperator-{i}-"), id));
        link.put("subject", T::Entity, &org);
        link.put("object", T::Entity, &ftm_id(id));
        link.put("role", T::Str, "operator");
        ctx.proof(&mut link);
        out.push(link.into_value());
    }
    out
}

fn status_entity(ctx: &Ctx, status: &SiteStatus) -> Value {
    let mut e = Entity::new("Event", ftm_id(&ctx.record.id));
    let site = site_label(ctx, &status.site);
    e.put(
        "name",
        T::Name,
        &format!(
            "{site}: {} ({})",
            words(status.status.as_str()).to_lowercase(),
            status.date
        ),
    );
    e.put_date("date", Some(status.date));
    let mut summary = format!(
        "Status observation: {} (basis: {})",
        status.status.as_str(),
        status.basis.as_str()
    );
    if let Some(to) = &status.relocated_to {
        match ctx.site(to) {
            Some((_, site)) => summary.push_str(&format!("; relocated to {} ({to})", site.name)),
            None => summary.push_str(&format!("; relocated to {}", site_label(ctx, to))),
        }
    }
    e.put("summary", T::Text, &summary);
    e.put("keywords", T::Str, "site_status");
    e.put("keywords", T::Str, status.status.as_str());
    if ctx.open("note") {
        e.put_opt("description", T::Text, status.note.as_deref());
    }
    ctx.at_site(&mut e, &status.site);
    ctx.proof(&mut e);
    e.into_value()
}

fn intervention_entity(ctx: &Ctx, intervention: &Intervention) -> Value {
    let mut e = Entity::new("Event", ftm_id(&ctx.record.id));
    let site = site_label(ctx, &intervention.site);
    let kind = words(intervention.intervention_type.as_str());
    e.put(
        "name",
        T::Name,
        &format!("{kind} at {site} ({})", intervention.date),
    );
    e.put_date("date", Some(intervention.date));
    let mut summary = format!("Intervention: {}", intervention.intervention_type.as_str());
    if let Some(n) = intervention.persons_removed {
        summary.push_str(&format!("; persons removed: {n}"));
    }
    if let Some(n) = intervention.persons_arrested {
        summary.push_str(&format!("; persons arrested: {n}"));
    }
    e.put("summary", T::Text, &summary);
    e.put("keywords", T::Str, "intervention");
    e.put("keywords", T::Str, intervention.intervention_type.as_str());
    for agency in &intervention.agencies {
        if let Some(id) = ctx.link(agency, &[Kind::Organization]) {
            e.put("organizer", T::Entity, &id);
        }
    }
    if ctx.open("note") {
        e.put_opt("description", T::Text, intervention.note.as_deref());
    }
    ctx.at_site(&mut e, &intervention.site);
    ctx.proof(&mut e);
    e.into_value()
}

fn person_entities(ctx: &Ctx, person: &Person) -> Vec<Value> {
    let id = &ctx.record.id;
    let mut e = Entity::new("Person", ftm_id(id));
    let pii = ctx
        .options
        .include_restricted
        .then_some(person.pii.as_deref())
        .flatten();
    match pii.and_then(|p| p.legal_name.as_deref()) {
        Some(legal_name) => {
            e.put("name", T::Name, legal_name);
            e.put("alias", T::Name, &person.alias);
        }
        None => e.put("name", T::Name, &person.alias),
    }
    for role in &person.roles {
        e.put("keywords", T::Str, role.as_str());
    }
    e.put_opt("nationality", T::Country, person.nationality.as_deref());
    match person.gender {
        Some(Gender::Female) => e.put("gender", T::Gender, "female"),
        Some(Gender::Male) => e.put("gender", T::Gender, "male"),
        Some(Gender::Other) => e.put("gender", T::Gender, "other"),
        Some(Gender::Unknown) | None => {}
    }
    let mut facts = Vec::new();
    if let Some(age) = person.age_at_entry {
        facts.push(format!("age at entry: {age}"));
    }
    if let Some(r) = &person.recruitment {
        if let Some(channel) = r.channel {
            facts.push(format!("recruited through: {}", channel.as_str()));
        }
        if let Some(job) = &r.promised_job {
            facts.push(format!("promised job: {job}"));
        }
        if let Some(salary) = r.promised_salary_usd {
            facts.push(format!(
                "promised salary: {} USD a month",
                zonewatch_model::Json::from_f64(salary).to_text()
            ));
        }
        if let Some(date) = r.date {
            facts.push(format!("recruited: {date}"));
        }
    }
    if let Some(exit) = person.exit {
        facts.push(format!("exit: {}", exit.as_str()));
    }
    if !facts.is_empty() {
        e.put("description", T::Text, &facts.join("; "));
    }
    if let Some(pii) = pii {
        e.put_date("birthDate", pii.date_of_birth);
        e.put_opt("address", T::Address, pii.address.as_deref());
        for number in &pii.document_numbers {
            e.put("idNumber", T::Identifier, number);
        }
        if let Some(contact) = &pii.contact {
            e.put("notes", T::Text, &format!("Contact: {contact}"));
        }
    }
    ctx.proof(&mut e);

    let mut out = vec![e.into_value()];
    for (i, custody) in person.custody.iter().enumerate() {
        let Some(site) = ctx.link(&custody.site, &[Kind::Site]) else {
            continue;
        };
        let mut link = Entity::new("UnknownLink", derived_id(&format!("zwcustody-{i}-"), id));
        link.put("subject", T::Entity, &ftm_id(id));
        link.put("object", T::Entity, &site);
        link.put("role", T::Str, "held at (custody)");
        link.put_date("startDate", custody.from);
        link.put_date("endDate", custody.to);
        ctx.proof(&mut link);
        out.push(link.into_value());
    }
    out
}

fn incident_entity(ctx: &Ctx, incident: &Incident) -> Value {
    let mut e = Entity::new("Event", ftm_id(&ctx.record.id));
    let kind = words(incident.incident_type.as_str());
    let name = match &incident.site {
        Some(site) => format!("{kind} at {}", site_label(ctx, site)),
        None => kind,
    };
    let name = match incident.date {
        Some(date) => format!("{name} ({date})"),
        None => name,
    };
    e.put("name", T::Name, &name);
    e.put_date("date", incident.date);
    e.put(
        "summary",
        T::Text,
        &format!("Incident: {}", incident.incident_type.as_str()),
    );
    e.put("keywords", T::Str, "incident");
    e.put("keywords", T::Str, incident.incident_type.as_str());
    for victim in &incident.victims {
        if let Some(id) = ctx.link(victim, &[Kind::Person]) {
            e.put("involved", T::Entity, &id);
        }
    }
    for perpetrator in &incident.perpetrators {
        if let Some(id) = ctx.link(perpetrator, &[Kind::Person, Kind::Organization]) {
            e.put("organizer", T::Entity, &id);
        }
    }
    if ctx.open("description") {
        e.put_opt("description", T::Text, incident.description.as_deref());
    }
    if let Some(site) = &incident.site {
        ctx.at_site(&mut e, site);
    }
    ctx.proof(&mut e);
    e.into_value()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_valid_ftm_ids_and_injective() {
        let ids = [
            "site-a", "p_1", "a:b", "a.b", "a-", "a.u", "a_", "x", "X", "a--", "a-.h", "a.h",
        ];
        let mut seen = std::collections::HashSet::new();
        for id in ids {
            let out = ftm_id(id);
            assert!(is_ftm_id(&out), "{id} -> {out}");
            assert!(seen.insert(out.clone()), "{id} -> {out} collides");
        }
        assert_eq!(ftm_id("site-a"), "zw-site-a");
        assert_eq!(ftm_id("p_1"), "zw-p.u1");
        let long = "_".repeat(128);
        let out = ftm_id(&long);
        assert!(
            out.starts_with("zwh-") && out.len() < 200 && is_ftm_id(&out),
            "{out}"
        );
        assert_eq!(out, ftm_id(&long));
    }

    fn is_ftm_id(id: &str) -> bool {
        let bytes = id.as_bytes();
        let ok = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-');
        !bytes.is_empty()
            && id.len() <= 200
            && bytes[0].is_ascii_alphanumeric()
            && bytes[bytes.len() - 1].is_ascii_alphanumeric()
            && bytes.iter().all(ok)
    }

    #[test]
    fn values_take_ftm_normal_form() {
        assert_eq!(
            normal(T::Name, " \"Boss  (fictional)\" ").as_deref(),
            Some("Boss (fictional)")
        );
        assert_eq!(normal(T::Address, "a;b\nc").as_deref(), Some("a, b, c"));
        assert_eq!(normal(T::Date, "0999-01-01"), None);
        assert_eq!(normal(T::Date, "2024-02").as_deref(), Some("2024-02"));
        assert_eq!(normal(T::Country, "KH").as_deref(), Some("kh"));
        assert_eq!(
            normal(T::Url, "https://example.org").as_deref(),
            Some("https://example.org/")
        );
        assert_eq!(normal(T::Url, "not a url"), None);
        assert_eq!(normal(T::Text, "a\u{0}b\u{200b}"), Some("ab".into()));
        assert_eq!(
            normal(T::Identifier, &"x".repeat(70)).map(|s| s.len()),
            Some(64)
        );
    }
}
