//! Prints the Argon2id parameters this machine gets for key files and for passwords, and how
//! long one hash with them takes. Run in release mode:
//!
//! ```sh
//! cargo run --release -p zonewatch-crypto --example calibrate
//! ```

use std::time::Instant;

use zonewatch_crypto::{
    calibrate_with_memory, hash_password, KdfParams, PasswordError, KEYRING_MEMORY_KIB,
    KEYRING_TARGET, PASSWORD_MEMORY_KIB, PASSWORD_TARGET,
};

fn show(what: &str, p: &KdfParams) -> Result<(), PasswordError> {
    let start = Instant::now();
    hash_password("calibration", p)?;
    println!(
        "{what}: m={} KiB, t={}, p={}  (one hash: {:?})",
        p.m_cost_kib,
        p.t_cost,
        p.p_cost,
        start.elapsed()
    );
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let keyring = calibrate_with_memory(KEYRING_TARGET, KEYRING_MEMORY_KIB)?;
    show(&format!("key file (target {KEYRING_TARGET:?})"), &keyring)?;
    let password = calibrate_with_memory(PASSWORD_TARGET, PASSWORD_MEMORY_KIB)?;
    show(&format!("password (target {PASSWORD_TARGET:?})"), &password)?;
    show("KEYRING_DEFAULT", &KdfParams::KEYRING_DEFAULT)?;
    show("PASSWORD_DEFAULT", &KdfParams::PASSWORD_DEFAULT)?;
    Ok(())
}
