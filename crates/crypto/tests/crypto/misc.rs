use std::time::{Duration, Instant};

use zonewatch_crypto::{
    calibrate_with_memory, cost_setting_from_env, hash_password, keyring_params, new_api_token,
    password_params, verify_api_token, verify_password, CostSetting, KdfParams, TEST_COST_ENV,
};

/// The only test in this binary that reads or sets the environment variable.
#[test]
fn test_cost_setting_lowers_the_parameters() {
    std::env::set_var(TEST_COST_ENV, "low");
    assert_eq!(cost_setting_from_env().unwrap(), CostSetting::Low);
    assert_eq!(keyring_params().unwrap(), KdfParams::TEST_LOW);
    assert_eq!(password_params().unwrap(), KdfParams::TEST_LOW);
    std::env::set_var(TEST_COST_ENV, "lo");
    let e = keyring_params().unwrap_err().to_string();
    assert!(e.contains(TEST_COST_ENV) && e.contains("\"lo\""), "{e}");
    std::env::remove_var(TEST_COST_ENV);
    assert_eq!(cost_setting_from_env().unwrap(), CostSetting::Calibrate);
}

#[test]
fn low_cost_is_fast_and_calibration_takes_about_the_target() {
    let start = Instant::now();
    let phc = hash_password("pw", &KdfParams::TEST_LOW).unwrap();
    assert!(verify_password("pw", &phc).unwrap());
    assert!(start.elapsed() < Duration::from_secs(2));

    let target = Duration::from_millis(150);
    let p = calibrate_with_memory(target, 256).unwrap();
    let start = Instant::now();
    hash_password("pw", &p).unwrap();
    let took = start.elapsed();
    // Generous bound: the machine is shared, and load can change between the two steps.
    assert!(took < target * 10, "{p:?} took {took:?}");
}

#[test]
fn api_tokens() {
    let (token, stored) = new_api_token().unwrap();
    assert!(verify_api_token(&token, &stored));
    let mut other = stored.clone();
    let last = if stored.ends_with('0') { "1" } else { "0" };
    other.replace_range(63..64, last);
    assert!(!verify_api_token(&token, &other));
    assert!(!verify_api_token("zwt_guess", &stored));
}

#[test]
fn unlocked_keys_can_be_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<zonewatch_crypto::KeyRing>();
    assert_send_sync::<zonewatch_crypto::SealedKeyRing>();
    assert_send_sync::<zonewatch_crypto::HashKey>();
}
