//! Integration tests of zonewatch-crypto's public API. One test binary, one module per area.
// Test helpers outside #[test] functions may unwrap too.
#![allow(clippy::unwrap_used)]

mod audit;
mod keyfile;
mod misc;
mod sealing;
