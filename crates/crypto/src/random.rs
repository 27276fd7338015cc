//! Randomness from the operating system (getrandom). Failures are returned, never panicked on.
//!
//! Two dependencies draw their own randomness and panic if the operating system's generator
//! fails: the HPKE ephemeral key in [`crate::field`] and argon2's password salt. On Linux the
//! generator does not fail once the system has booted.

use zeroize::Zeroizing;

/// The operating system's random number generator failed.
#[derive(Debug, thiserror::Error)]
#[error("the operating system's random number generator failed: {0}")]
pub struct RandomError(String);

/// `N` random bytes, wiped from memory when dropped.
pub(crate) fn random_secret<const N: usize>() -> Result<Zeroizing<[u8; N]>, RandomError> {
    let mut buf = Zeroizing::new([0u8; N]);
    getrandom::fill(buf.as_mut_slice()).map_err(|e| RandomError(e.to_string()))?;
    Ok(buf)
}

/// `N` random bytes that are not secret (nonces, salts).
pub(crate) fn random_public<const N: usize>() -> Result<[u8; N], RandomError> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|e| RandomError(e.to_string()))?;
    Ok(buf)
}
