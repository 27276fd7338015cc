//! Argon2id: cost parameters, calibration on this machine, the test-cost setting, and
//! password hashes in PHC string format.
//!
//! # Lowering the cost in tests: `ZONEWATCH_ARGON2_TEST_COST=low`
//!
//! Calibrated Argon2id takes a good fraction of a second and 19–256 MiB of memory per hash on
//! purpose; a test suite that creates many users or key files would take minutes (more in
//! debug builds). When the environment variable [`TEST_COST_ENV`]
//! (`ZONEWATCH_ARGON2_TEST_COST`) is `low`, [`keyring_params`] and [`password_params`] return
//! [`KdfParams::TEST_LOW`] (256 KiB, one pass) instead of calibrating. Any other non-empty
//! value is an error, so a typo is not silently ignored. The CLI and the server must obtain
//! their parameters through these two functions, and nowhere else.
//!
//! The parameters are stored with each hash and in the key file, so what was made with the
//! low cost stays cheap to attack forever: never set this variable where real data lives.
//! Verification and unlocking always use the stored parameters, whatever the variable says.

use std::time::{Duration, Instant};

use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
use argon2::{Algorithm, Argon2, PasswordHash, Version};
use zeroize::Zeroizing;

/// Environment variable that lowers Argon2 cost for tests: set it to `low`.
pub const TEST_COST_ENV: &str = "ZONEWATCH_ARGON2_TEST_COST";

/// Memory used when calibrating the key-file KDF: 256 MiB. The key file is unlocked once per
/// command or server start, so it can afford more memory than a login; memory is what makes
/// guessing expensive on GPUs.
pub const KEYRING_MEMORY_KIB: u32 = 256 * 1024;
/// Time the key-file KDF should take on this machine.
pub const KEYRING_TARGET: Duration = Duration::from_secs(1);
/// Memory used when calibrating password hashes: 19 MiB (OWASP's minimum for Argon2id), so
/// that concurrent logins on a server do not exhaust memory.
pub const PASSWORD_MEMORY_KIB: u32 = 19 * 1024;
/// Time a password hash should take on this machine.
pub const PASSWORD_TARGET: Duration = Duration::from_millis(300);

/// The fewest passes calibration chooses, however slow the machine.
pub const MIN_T_COST: u32 = 2;
const MAX_M_COST_KIB: u32 = 4 * 1024 * 1024;
const MAX_T_COST: u32 = 1000;
const MAX_P_COST: u32 = 64;

/// Argon2id cost parameters (Argon2 version 0x13). Stored beside every key file and inside
/// every PHC string, so they can change without breaking what exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KdfParams {
    /// Memory in KiB.
    pub m_cost_kib: u32,
    /// Passes over memory.
    pub t_cost: u32,
    /// Lanes.
    pub p_cost: u32,
}

/// Argon2 could not run with these parameters or inputs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KdfError {
    /// Parameters out of the accepted range.
    #[error("Argon2 parameters out of range (m={m_cost_kib} KiB, t={t_cost}, p={p_cost}): accepted are 8·p ≤ m ≤ 4 GiB, 1 ≤ t ≤ 1000, 1 ≤ p ≤ 64")]
    Params {
        /// Memory in KiB.
        m_cost_kib: u32,
        /// Passes.
        t_cost: u32,
        /// Lanes.
        p_cost: u32,
    },
    /// The test-cost environment variable holds something other than `low`.
    #[error(
        "{TEST_COST_ENV} is set to {0:?}; the only accepted value is \"low\" (or leave it unset)"
    )]
    BadTestCost(String),
    /// Argon2 itself failed (for example memory could not be allocated).
    #[error("Argon2 failed: {0}")]
    Argon2(String),
}

impl KdfParams {
    /// Cheap parameters for tests only (256 KiB, 1 pass, 1 lane). See [`TEST_COST_ENV`].
    pub const TEST_LOW: KdfParams = KdfParams {
        m_cost_kib: 256,
        t_cost: 1,
        p_cost: 1,
    };

    /// A fixed, machine-independent choice for key files when calibration is not wanted:
    /// 256 MiB, 4 passes, 1 lane (about a second on the 2-core development machine).
    pub const KEYRING_DEFAULT: KdfParams = KdfParams {
        m_cost_kib: KEYRING_MEMORY_KIB,
        t_cost: 4,
        p_cost: 1,
    };

    /// OWASP's recommended minimum for password storage: 19 MiB, 2 passes, 1 lane.
    pub const PASSWORD_DEFAULT: KdfParams = KdfParams {
        m_cost_kib: PASSWORD_MEMORY_KIB,
        t_cost: 2,
        p_cost: 1,
    };

    /// Checks the ranges this crate accepts (also applied to parameters read from a key file
    /// or a PHC string, so a tampered file cannot ask for terabytes).
    ///
    /// # Errors
    /// Out of range.
    pub fn validate(&self) -> Result<(), KdfError> {
        let ok = (1..=MAX_P_COST).contains(&self.p_cost)
            && (1..=MAX_T_COST).contains(&self.t_cost)
            && self.m_cost_kib <= MAX_M_COST_KIB
            && self.m_cost_kib >= 8 * self.p_cost;
        if ok {
            Ok(())
        } else {
            Err(KdfError::Params {
                m_cost_kib: self.m_cost_kib,
                t_cost: self.t_cost,
                p_cost: self.p_cost,
            })
        }
    }

    pub(crate) fn argon2(&self) -> Result<Argon2<'static>, KdfError> {
        self.validate()?;
        let params = argon2::Params::new(self.m_cost_kib, self.t_cost, self.p_cost, Some(32))
            .map_err(|e| KdfError::Argon2(e.to_string()))?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }

    /// Derives a 32-byte key from `secret` and `salt`.
    pub(crate) fn derive_key(
        &self,
        secret: &[u8],
        salt: &[u8],
    ) -> Result<Zeroizing<[u8; 32]>, KdfError> {
        let mut out = Zeroizing::new([0u8; 32]);
        self.argon2()?
            .hash_password_into(secret, salt, &mut out[..])
            .map_err(|e| KdfError::Argon2(e.to_string()))?;
        Ok(out)
    }
}

/// Measures Argon2id on this machine and returns parameters with `m_cost_kib` memory and as
/// many passes as fit in `target` (at least [`MIN_T_COST`]). It times one and three passes
/// (best of two runs each) to separate the fixed cost of filling memory from the cost per
/// pass, so it takes about nine passes' time and allocates `m_cost_kib`. Calibrate in release
/// builds: a debug build is many times slower and would choose too few passes (never fewer
/// than [`MIN_T_COST`]).
///
/// # Errors
/// Memory out of range, or Argon2 failed.
pub fn calibrate_with_memory(target: Duration, m_cost_kib: u32) -> Result<KdfParams, KdfError> {
    let salt = [0x5au8; 16];
    let time = |t_cost: u32| -> Result<f64, KdfError> {
        let p = KdfParams {
            m_cost_kib,
            t_cost,
            p_cost: 1,
        };
        let mut best = f64::MAX;
        for _ in 0..2 {
            let start = Instant::now();
            p.derive_key(b"calibration", &salt)?;
            best = best.min(start.elapsed().as_secs_f64());
        }
        Ok(best)
    };
    // The first run pays for page faults.
    time(1)?;
    let one = time(1)?.max(1e-6);
    let three = time(3)?;
    // Noise on a shared machine can make the difference tiny or negative: keep the per-pass
    // estimate between a third of and all of the one-pass time.
    let per_pass = ((three - one) / 2.0).clamp(one / 3.0, one);
    let fixed = (one - per_pass).max(0.0);
    let passes = ((target.as_secs_f64() - fixed) / per_pass).floor();
    let t_cost = if passes >= f64::from(MAX_T_COST) {
        MAX_T_COST
    } else if passes <= 0.0 {
        0
    } else {
        // Truncation is intended: passes is in (0, MAX_T_COST).
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let t = passes as u32;
        t
    }
    .max(MIN_T_COST);
    Ok(KdfParams {
        m_cost_kib,
        t_cost,
        p_cost: 1,
    })
}

/// [`calibrate_with_memory`] with the key-file memory, [`KEYRING_MEMORY_KIB`].
///
/// # Errors
/// Argon2 failed.
pub fn calibrate(target: Duration) -> Result<KdfParams, KdfError> {
    calibrate_with_memory(target, KEYRING_MEMORY_KIB)
}

/// What [`TEST_COST_ENV`] asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CostSetting {
    /// Unset or empty: calibrate.
    Calibrate,
    /// `low`: [`KdfParams::TEST_LOW`].
    Low,
}

/// Reads [`TEST_COST_ENV`].
///
/// # Errors
/// It is set to something other than `low`.
pub fn cost_setting_from_env() -> Result<CostSetting, KdfError> {
    parse_cost_setting(std::env::var(TEST_COST_ENV))
}

fn parse_cost_setting(value: Result<String, std::env::VarError>) -> Result<CostSetting, KdfError> {
    match value {
        Err(std::env::VarError::NotPresent) => Ok(CostSetting::Calibrate),
        Err(std::env::VarError::NotUnicode(v)) => {
            Err(KdfError::BadTestCost(v.to_string_lossy().into_owned()))
        }
        Ok(v) if v.is_empty() => Ok(CostSetting::Calibrate),
        Ok(v) if v == "low" => Ok(CostSetting::Low),
        Ok(v) => Err(KdfError::BadTestCost(v)),
    }
}

fn params_for(target: Duration, m_cost_kib: u32) -> Result<KdfParams, KdfError> {
    match cost_setting_from_env()? {
        CostSetting::Low => Ok(KdfParams::TEST_LOW),
        CostSetting::Calibrate => calibrate_with_memory(target, m_cost_kib),
    }
}

/// Parameters for sealing a key file: calibrated to [`KEYRING_TARGET`] with
/// [`KEYRING_MEMORY_KIB`], or [`KdfParams::TEST_LOW`] under `ZONEWATCH_ARGON2_TEST_COST=low`.
///
/// # Errors
/// The environment variable is invalid, or Argon2 failed.
pub fn keyring_params() -> Result<KdfParams, KdfError> {
    params_for(KEYRING_TARGET, KEYRING_MEMORY_KIB)
}

/// Parameters for new password hashes: calibrated to [`PASSWORD_TARGET`] with
/// [`PASSWORD_MEMORY_KIB`], or [`KdfParams::TEST_LOW`] under
/// `ZONEWATCH_ARGON2_TEST_COST=low`. A server should call this once at start-up.
///
/// # Errors
/// The environment variable is invalid, or Argon2 failed.
pub fn password_params() -> Result<KdfParams, KdfError> {
    params_for(PASSWORD_TARGET, PASSWORD_MEMORY_KIB)
}

/// A password hash could not be made or checked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Bad parameters.
    #[error(transparent)]
    Kdf(#[from] KdfError),
    /// The stored hash is not an Argon2id PHC string this crate accepts.
    #[error("stored password hash is not a valid Argon2id PHC string: {0}")]
    Malformed(String),
    /// Hashing failed.
    #[error("password hashing failed: {0}")]
    Hash(String),
}

/// Hashes `password` with Argon2id, a fresh 16-byte random salt and `params`, as a PHC
/// string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`).
///
/// # Errors
/// Parameters out of range, or hashing failed.
pub fn hash_password(password: &str, params: &KdfParams) -> Result<String, PasswordError> {
    let argon2 = params.argon2()?;
    argon2
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| PasswordError::Hash(e.to_string()))
}

fn parse_phc(phc: &str) -> Result<(PasswordHash, KdfParams), PasswordError> {
    let hash = PasswordHash::new(phc).map_err(|e| PasswordError::Malformed(e.to_string()))?;
    if hash.algorithm.as_str() != "argon2id" {
        return Err(PasswordError::Malformed(format!(
            "algorithm {} is not argon2id",
            hash.algorithm.as_str()
        )));
    }
    let p = argon2::Params::try_from(&hash).map_err(|e| PasswordError::Malformed(e.to_string()))?;
    let params = KdfParams {
        m_cost_kib: p.m_cost(),
        t_cost: p.t_cost(),
        p_cost: p.p_cost(),
    };
    params.validate()?;
    Ok((hash, params))
}

/// Checks `password` against a PHC string made by [`hash_password`], with the parameters
/// stored in it. The comparison of the outputs is constant-time.
///
/// # Errors
/// The stored string is not an Argon2id PHC string within the accepted ranges. A wrong
/// password is `Ok(false)`, not an error.
pub fn verify_password(password: &str, phc: &str) -> Result<bool, PasswordError> {
    let (hash, _) = parse_phc(phc)?;
    match Argon2::default().verify_password(password.as_bytes(), &hash) {
        Ok(()) => Ok(true),
        Err(argon2::password_hash::Error::PasswordInvalid) => Ok(false),
        Err(e) => Err(PasswordError::Hash(e.to_string())),
    }
}

/// The parameters a PHC string was made with (a server verifies a login for an unknown
/// user against a dummy hash of the same parameters, so that it costs the same).
///
/// # Errors
/// The stored string is malformed.
pub fn password_hash_params(phc: &str) -> Result<KdfParams, PasswordError> {
    parse_phc(phc).map(|(_, params)| params)
}

/// True when a stored hash was made with weaker parameters than `current` (less memory or
/// fewer passes): re-hash the password after the next successful login.
///
/// # Errors
/// The stored string is malformed.
pub fn password_needs_rehash(phc: &str, current: &KdfParams) -> Result<bool, PasswordError> {
    let (_, stored) = parse_phc(phc)?;
    Ok(stored.m_cost_kib < current.m_cost_kib || stored.t_cost < current.t_cost)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_round_trip_and_wrong_password() {
        let phc = hash_password("correct horse", &KdfParams::TEST_LOW).unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=256,t=1,p=1$"), "{phc}");
        assert_eq!(password_hash_params(&phc).unwrap(), KdfParams::TEST_LOW);
        assert!(verify_password("correct horse", &phc).unwrap());
        assert!(!verify_password("correct horsE", &phc).unwrap());
        assert!(!verify_password("", &phc).unwrap());
        // Fresh salt each time.
        assert_ne!(
            phc,
            hash_password("correct horse", &KdfParams::TEST_LOW).unwrap()
        );
    }

    #[test]
    fn malformed_and_foreign_hashes_are_errors() {
        assert!(verify_password("x", "").is_err());
        assert!(verify_password("x", "plaintext").is_err());
        let phc = hash_password("x", &KdfParams::TEST_LOW).unwrap();
        let argon2i = phc.replacen("argon2id", "argon2i", 1);
        assert!(matches!(
            verify_password("x", &argon2i),
            Err(PasswordError::Malformed(_))
        ));
        let huge = phc.replacen("m=256", "m=4294967295", 1);
        assert!(matches!(
            verify_password("x", &huge),
            Err(PasswordError::Kdf(_))
        ));
    }

    #[test]
    fn rehash_when_weaker() {
        let phc = hash_password("x", &KdfParams::TEST_LOW).unwrap();
        assert!(password_needs_rehash(&phc, &KdfParams::PASSWORD_DEFAULT).unwrap());
        assert!(!password_needs_rehash(&phc, &KdfParams::TEST_LOW).unwrap());
    }

    #[test]
    fn cost_setting_parsing() {
        use std::env::VarError;
        assert_eq!(
            parse_cost_setting(Err(VarError::NotPresent)).unwrap(),
            CostSetting::Calibrate
        );
        assert_eq!(
            parse_cost_setting(Ok(String::new())).unwrap(),
            CostSetting::Calibrate
        );
        assert_eq!(
            parse_cost_setting(Ok("low".into())).unwrap(),
            CostSetting::Low
        );
        assert!(matches!(
            parse_cost_setting(Ok("LOW".into())),
            Err(KdfError::BadTestCost(_))
        ));
        assert!(matches!(
            parse_cost_setting(Ok("1".into())),
            Err(KdfError::BadTestCost(_))
        ));
    }

    #[test]
    fn params_validation() {
        assert!(KdfParams::TEST_LOW.validate().is_ok());
        assert!(KdfParams::KEYRING_DEFAULT.validate().is_ok());
        let bad = KdfParams {
            m_cost_kib: 4,
            t_cost: 1,
            p_cost: 1,
        };
        assert!(bad.validate().is_err());
        let bad = KdfParams {
            m_cost_kib: 256,
            t_cost: 0,
            p_cost: 1,
        };
        assert!(bad.validate().is_err());
    }

    #[test]
    fn calibration_meets_the_floor_and_scales_with_target() {
        // Small memory so this stays fast in a debug build.
        let quick = calibrate_with_memory(Duration::from_millis(1), 64).unwrap();
        assert_eq!(quick.t_cost, MIN_T_COST);
        assert_eq!(quick.m_cost_kib, 64);
        let longer = calibrate_with_memory(Duration::from_millis(200), 64).unwrap();
        assert!(longer.t_cost > MIN_T_COST, "{longer:?}");
        assert!(longer.t_cost <= MAX_T_COST);
    }
}
