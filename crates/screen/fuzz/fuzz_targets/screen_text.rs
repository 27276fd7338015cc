//! Screens arbitrary UTF-8 (with and without a phone region) and checks that every
//! span lies on character boundaries and every contact appears once.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use zonewatch_screen::{Region, Screener};

fn screener() -> &'static Screener {
    static S: OnceLock<Screener> = OnceLock::new();
    S.get_or_init(|| Screener::new().expect("embedded data files load"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for region in [None, Region::parse("KH")] {
        let s = screener().screen(text, region);
        assert!((0.0..=1.0).contains(&s.score));
        for sig in &s.signals {
            assert!(sig.start < sig.end && sig.end <= text.len());
            assert!(text.is_char_boundary(sig.start) && text.is_char_boundary(sig.end));
        }
        for (i, c) in s.contacts.iter().enumerate() {
            assert!(!s.contacts[..i].iter().any(|d| d.kind == c.kind && d.value == c.value));
        }
    }
});
