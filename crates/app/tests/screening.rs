//! Stored screening kept up to date by every write through `App`: imports, API
//! creates, updates and deletes. Runs on SQLite, and on PostgreSQL when
//! `ZONEWATCH_TEST_POSTGRES` names a server. Every record here is fictional.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::io::Cursor;

use zonewatch_app::screening::{shipped_screener, Networks};
use zonewatch_app::{Actor, App};
use zonewatch_model::Kind;
use zonewatch_store::import::ImportOptions;
use zonewatch_store::testing::{postgres_server, TempDatabase};
use zonewatch_store::DbUrl;

const PASSPHRASE: &str = "test passphrase (fictional, tests only)";

const DATA: &str = r#"{"kind":"site","id":"s1","name":"Compound (fictional)","category":"scam_compound","country":"KH"}
{"kind":"ad","id":"ad-1","platform":"facebook","text":"Customer service in Bavet, $1500/month. Telegram @zw_app_one"}
{"kind":"ad","id":"ad-2","platform":"telegram","text":"Typist wanted, free flight. t.me/zw_app_one or t.me/zw_app_two"}
{"kind":"ad","id":"ad-3","platform":"x","text":"Game tester, Telegram @zw_app_three"}
{"kind":"person","id":"p1","alias":"A (fictional)","roles":["survivor"],"recruitment":{"channel":"facebook","ad":"ad-1"},"custody":[{"site":"s1"}]}
{"kind":"person","id":"p2","alias":"B (fictional)","roles":["survivor"]}
{"kind":"testimony","id":"t2","person":"p2","date":"2024","consent":"internal_only","transcript":"The agent said: write to t.me/zw_app_two (fictional)."}
"#;

/// A fresh database on every backend, with its key ring: (name, URL, what keeps
/// it alive).
fn databases() -> Vec<(&'static str, DbUrl, Box<dyn std::any::Any>)> {
    std::env::set_var("ZONEWATCH_ARGON2_TEST_COST", "low");
    let dir = tempfile::tempdir().unwrap();
    let url = DbUrl::parse(&format!("sqlite://{}", dir.path().join("s.db").display())).unwrap();
    let mut list: Vec<(&'static str, DbUrl, Box<dyn std::any::Any>)> =
        vec![("sqlite", url, Box::new(dir))];
    if let Some(server) = postgres_server() {
        let db = TempDatabase::create(&server).unwrap();
        list.push(("postgres", DbUrl::parse(&db.url).unwrap(), Box::new(db)));
    }
    for (_, url, _) in &list {
        locked(url).init(Some(PASSPHRASE)).unwrap();
    }
    list
}

/// The local admin without the passphrase (as `zonewatch import` runs).
fn locked(url: &DbUrl) -> App {
    App::new(zonewatch_store::open(url).unwrap(), Actor::local_admin())
}

/// The local admin with the key ring unlocked (as the web server runs).
fn unlocked(url: &DbUrl) -> App {
    let mut app = locked(url);
    app.unlock(PASSPHRASE).unwrap();
    app
}

fn import(app: &mut App, text: &str) {
    app.import(
        &mut Cursor::new(text.as_bytes().to_vec()),
        &ImportOptions::default(),
        "test",
        &mut |_| {},
    )
    .unwrap();
}

/// (ads, testimonies, persons, sites) of a network.
type Shape = (Vec<String>, Vec<String>, Vec<String>, Vec<String>);

fn shape(found: &Networks) -> Vec<Shape> {
    found
        .networks
        .iter()
        .map(|n| {
            (
                n.ads.clone(),
                n.testimonies.clone(),
                n.persons.iter().cloned().collect(),
                n.sites.iter().cloned().collect(),
            )
        })
        .collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn writes_through_the_app_keep_the_stored_screening_and_networks_up_to_date() {
    for (name, url, _keep) in databases() {
        import(&mut locked(&url), DATA);

        // Ads were screened at import; the transcript waits for the key ring.
        let ad = locked(&url).ad_screening("ad-1").unwrap().unwrap();
        assert_eq!(ad.fingerprint, shipped_screener().unwrap().fingerprint());
        assert_eq!(ad.contacts.len(), 1, "{name}: {ad:?}");
        assert_eq!(
            (ad.contacts[0].kind.as_str(), ad.contacts[0].value.as_str()),
            ("telegram", "zw_app_one")
        );
        assert!(ad.signals.contains("\"code\""), "{name}: {}", ad.signals);
        let found = locked(&url).networks(2).unwrap();
        assert!(!found.testimonies_linked);
        assert_eq!(found.refreshed.ads, 0, "{name}: nothing to screen again");
        assert_eq!(found.refreshed.testimonies_waiting, 1);
        assert_eq!(
            shape(&found),
            vec![(
                strings(&["ad-1", "ad-2"]),
                vec![],
                strings(&["p1"]),
                strings(&["s1"])
            )],
            "{name}"
        );

        // With the key ring, the transcript is indexed once, then read from the store.
        let found = unlocked(&url).networks(2).unwrap();
        assert_eq!(found.refreshed.testimonies, 1, "{name}");
        let expected = vec![(
            strings(&["ad-1", "ad-2"]),
            strings(&["t2"]),
            strings(&["p1", "p2"]),
            strings(&["s1"]),
        )];
        assert_eq!(shape(&found), expected, "{name}");
        let again = unlocked(&url).networks(2).unwrap();
        assert_eq!(again.refreshed.testimonies, 0, "{name}");
        assert_eq!(shape(&again), expected, "{name}");

        // An API update moves ad-2 to ad-3's recruiter: the network changes with it.
        let mut app = locked(&url);
        app.record_update(
            Kind::Ad,
            "ad-2",
            r#"{"kind":"ad","id":"ad-2","platform":"telegram","text":"Typist wanted. t.me/zw_app_three"}"#,
        )
        .unwrap();
        assert_eq!(
            shape(&unlocked(&url).networks(2).unwrap()),
            vec![(strings(&["ad-2", "ad-3"]), vec![], vec![], vec![])],
            "{name}"
        );

        // A testimony updated without the key ring loses its old index; the next
        // run with it indexes the new transcript.
        locked(&url)
            .record_update(
                Kind::Testimony,
                "t2",
                r#"{"kind":"testimony","id":"t2","person":"p2","date":"2024","consent":"internal_only","transcript":"Now it was Telegram @zw_app_three (fictional)."}"#,
            )
            .unwrap();
        let found = unlocked(&url).networks(2).unwrap();
        assert_eq!(found.refreshed.testimonies, 1, "{name}");
        assert_eq!(
            shape(&found),
            vec![(
                strings(&["ad-2", "ad-3"]),
                strings(&["t2"]),
                strings(&["p2"]),
                vec![]
            )],
            "{name}"
        );

        // Written with the key ring (as the web server does), it is indexed at once.
        unlocked(&url)
            .record_update(
                Kind::Testimony,
                "t2",
                r#"{"kind":"testimony","id":"t2","person":"p2","date":"2024","consent":"internal_only","transcript":"Back to t.me/zw_app_one (fictional)."}"#,
            )
            .unwrap();
        let found = unlocked(&url).networks(1).unwrap();
        assert_eq!(found.refreshed.testimonies, 0, "{name}");
        assert_eq!(found.networks[0].ads, strings(&["ad-2", "ad-3"]), "{name}");
        assert_eq!(found.networks[1].ads, strings(&["ad-1"]), "{name}");
        assert_eq!(found.networks[1].testimonies, strings(&["t2"]), "{name}");

        // A delete takes the ad's rows with it.
        unlocked(&url).record_delete(Kind::Ad, "ad-3").unwrap();
        assert!(locked(&url).ad_screening("ad-3").unwrap().is_none());
        let found = unlocked(&url).networks(1).unwrap();
        assert_eq!(
            found.refreshed.ads, 0,
            "{name}: nothing left over to rebuild"
        );
        let ads: Vec<Vec<String>> = found.networks.iter().map(|n| n.ads.clone()).collect();
        assert_eq!(ads, vec![strings(&["ad-1"]), strings(&["ad-2"])], "{name}");
        assert!(unlocked(&url).networks(2).unwrap().networks.is_empty());

        // Consent withdrawn: nothing of the transcript stays indexed or links.
        let mut app = unlocked(&url);
        app.record_update(
            Kind::Testimony,
            "t2",
            r#"{"kind":"testimony","id":"t2","person":"p2","date":"2024","consent":"withdrawn","transcript":"Back to t.me/zw_app_one (fictional)."}"#,
        )
        .unwrap();
        assert!(
            app.store().testimony_contact_hashes().unwrap().is_empty(),
            "{name}"
        );
        let found = unlocked(&url).networks(1).unwrap();
        assert!(
            found.networks.iter().all(|n| n.testimonies.is_empty()),
            "{name}"
        );
        // Reindexing the lot with the key ring keeps it so.
        let done = unlocked(&url).screening_refresh(true).unwrap();
        assert_eq!((done.ads, done.testimonies), (2, 1), "{name}");
        assert!(unlocked(&url)
            .store()
            .testimony_contact_hashes()
            .unwrap()
            .is_empty());
    }
}

#[test]
fn a_viewer_may_not_list_networks_and_an_analyst_links_no_testimony() {
    for (name, url, _keep) in databases() {
        import(&mut locked(&url), DATA);
        let mut admin = unlocked(&url);
        admin
            .add_user("vic", zonewatch_app::Role::Viewer, "a long password")
            .unwrap();
        admin
            .add_user("ana", zonewatch_app::Role::Analyst, "a long password")
            .unwrap();
        let mut viewer = unlocked(&url);
        viewer.act_as("vic").unwrap();
        assert!(viewer.networks(2).is_err(), "{name}");
        // Even with the key ring unlocked, an analyst may not read transcripts, so
        // neither are they indexed nor do testimonies link.
        let mut analyst = unlocked(&url);
        analyst.act_as("ana").unwrap();
        let found = analyst.networks(2).unwrap();
        assert!(!found.testimonies_linked, "{name}");
        assert_eq!(found.refreshed.testimonies_waiting, 1, "{name}");
        assert!(found.networks[0].testimonies.is_empty(), "{name}");
    }
}
