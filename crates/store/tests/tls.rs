//! PostgreSQL over TLS against this machine's server (whose `ssl` is on, with a
//! certificate naming `localhost`), when `ZONEWATCH_TEST_POSTGRES` names it: every
//! `sslmode`, `sslrootcert`, and the refusals `verify-full` must give.

use zonewatch_store::testing::postgres_server;
use zonewatch_store::{open, DbUrl};

/// The server's own certificate file, as it reports it (it is on this machine).
fn server_certificate(server: &str) -> Option<String> {
    let mut client = postgres::Client::connect(server, postgres::NoTls).ok()?;
    let row = client.query_one("SHOW ssl_cert_file", &[]).ok()?;
    let path: String = row.get(0);
    std::path::Path::new(&path).exists().then_some(path)
}

/// Whether the connection the URL opens is encrypted, by the server's account.
fn encrypted(url: &str) -> Result<bool, String> {
    let mut store =
        open(&DbUrl::parse(url).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    // Through the store: the connection it opened is the one checked.
    match store.transport_encrypted() {
        Ok(Some(on)) => Ok(on),
        Ok(None) => Err("not a server connection".into()),
        Err(e) => Err(e.to_string()),
    }
}

fn with(server: &str, host: &str, query: &str) -> String {
    let rest = server.split_once("://").map_or(server, |(_, r)| r);
    let (userinfo, hostpath) = rest.split_once('@').unwrap_or(("", rest));
    let path = hostpath.split_once('/').map_or("", |(_, p)| p);
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    let port = hostpath
        .split_once('/')
        .map_or(hostpath, |(h, _)| h)
        .rsplit_once(':')
        .map_or("5432", |(_, p)| p);
    let at = if userinfo.is_empty() {
        String::new()
    } else {
        format!("{userinfo}@")
    };
    format!("postgres://{at}{host}:{port}/{path}?{query}")
}

#[test]
fn every_sslmode_against_the_real_server() {
    let Some(server) = postgres_server() else {
        eprintln!("ZONEWATCH_TEST_POSTGRES is not set: skipped");
        return;
    };
    let Some(cert) = server_certificate(&server) else {
        panic!("the test server reports no readable ssl_cert_file: is ssl on?");
    };
    let root = format!("sslrootcert={}", cert.replace('/', "%2F"));
    // Encrypted, checked as asked.
    assert_eq!(
        encrypted(&with(
            &server,
            "localhost",
            &format!("sslmode=verify-full&{root}")
        )),
        Ok(true)
    );
    assert_eq!(
        encrypted(&with(
            &server,
            "127.0.0.1",
            &format!("sslmode=verify-ca&{root}")
        )),
        Ok(true)
    );
    assert_eq!(
        encrypted(&with(&server, "127.0.0.1", "sslmode=require")),
        Ok(true)
    );
    assert_eq!(
        encrypted(&with(&server, "127.0.0.1", "sslmode=prefer")),
        Ok(true)
    );
    assert_eq!(
        encrypted(&with(&server, "127.0.0.1", "application_name=zw")),
        Ok(true),
        "prefer is the default"
    );
    assert_eq!(
        encrypted(&with(&server, "127.0.0.1", "sslmode=disable")),
        Ok(false)
    );
    // verify-full refuses a certificate that does not name the host…
    let err = encrypted(&with(
        &server,
        "127.0.0.1",
        &format!("sslmode=verify-full&{root}"),
    ))
    .unwrap_err();
    assert!(err.to_lowercase().contains("certificate"), "{err}");
    // …or that does not chain to the root given (any other certificate).
    let other = std::fs::read_dir("/etc/ssl/certs")
        .ok()
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "pem") && p.to_str() != Some(cert.as_str()))
        .expect("another certificate to trust instead");
    let wrong = format!(
        "sslrootcert={}",
        other.display().to_string().replace('/', "%2F")
    );
    let err = encrypted(&with(
        &server,
        "localhost",
        &format!("sslmode=verify-full&{wrong}"),
    ))
    .unwrap_err();
    assert!(err.to_lowercase().contains("certificate"), "{err}");
    let err = encrypted(&with(
        &server,
        "localhost",
        &format!("sslmode=verify-ca&{wrong}"),
    ))
    .unwrap_err();
    assert!(err.to_lowercase().contains("certificate"), "{err}");
    // A verify mode without a root says what it needs; an unknown mode is refused.
    let err = encrypted(&with(&server, "localhost", "sslmode=verify-full")).unwrap_err();
    assert!(err.contains("needs sslrootcert=FILE"), "{err}");
    let err = encrypted(&with(&server, "localhost", "sslmode=maybe")).unwrap_err();
    assert!(
        err.contains("expected disable, prefer, require, verify-ca or verify-full"),
        "{err}"
    );
}
