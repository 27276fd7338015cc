//! `zonewatch serve`: the web application and JSON API (zonewatch-web).

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use zonewatch_app::DbUrl;

/// Prepares the database (key ring, first admin), prints the URL and serves until
/// Ctrl-C, then lets requests in flight finish.
pub fn serve(
    url: &DbUrl,
    passphrase_file: Option<&Path>,
    addr: &str,
    secure_cookies: bool,
) -> Result<ExitCode> {
    let passphrase = match passphrase_file {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the passphrase file {}", path.display()))?
                .trim_end_matches(['\n', '\r'])
                .to_owned(),
        ),
        None => std::env::var("ZONEWATCH_PASSPHRASE")
            .ok()
            .filter(|p| !p.is_empty()),
    };
    if let DbUrl::Sqlite(path) = url {
        if !path.exists() {
            return Err(zonewatch_app::AppError::NoDatabase(path.clone()).into());
        }
    }
    let prepared = zonewatch_web::prepare(url, passphrase.as_deref())
        .with_context(|| format!("cannot prepare the database {url}"))?;
    if let Some(generated) = &prepared.generated_passphrase {
        eprintln!("This database had no key ring: one was made under a generated passphrase.");
        eprintln!("  passphrase: {generated}");
        eprintln!("WARNING: it is shown only this once and cannot be recovered. Store it in a password manager.");
    }
    if let Some(password) = &prepared.admin_password {
        eprintln!("This database had no users: user `admin` was made.");
        eprintln!("  one-time password: {password}");
        eprintln!("It is shown only this once, and must be changed at the first login.");
    }
    let keyring = prepared.keyring.clone();
    if keyring.is_some() {
        eprintln!("Restricted fields: investigators and admins read them (each read is audited); the server holds the unlocked key while it runs.");
    } else {
        eprintln!("Restricted fields: withheld from every response (start with ZONEWATCH_PASSPHRASE or --passphrase-file to let investigators read them).");
    }
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        let local = listener.local_addr()?;
        println!("zonewatch is serving {url} at http://{local}/");
        if secure_cookies {
            eprintln!("Cookies are marked Secure: open the server through its HTTPS address (the TLS proxy), not the one above.");
        }
        println!("Press Ctrl-C to stop.");
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
            eprintln!("stopping: finishing requests in flight");
        };
        zonewatch_web::serve(
            zonewatch_web::Config {
                url: url.clone(),
                keyring,
                secure_cookies,
            },
            listener,
            shutdown,
        )
        .await
        .context("the server stopped with an error")
    })?;
    Ok(ExitCode::SUCCESS)
}
