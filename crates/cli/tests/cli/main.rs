//! The `zonewatch` binary as a user runs it: real processes, a real SQLite file in a
//! temporary directory, and the real PostgreSQL server when
//! `ZONEWATCH_TEST_POSTGRES` names one. One test binary; one module per area.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod accounts;
mod interop;
mod messages;
mod protection;
mod records;
mod screening;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

pub use zonewatch_app::testing::{postgres_server, TempDatabase};

pub const TEST_PASSPHRASE: &str = "test passphrase (fictional, tests only)";

pub fn fixture(name: &str) -> String {
    format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Runs zonewatch in `dir` with ZONEWATCH_DB unset unless given in `env`.
pub fn zonewatch_in(
    dir: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    stdin: Option<&[u8]>,
) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zonewatch"));
    command
        .current_dir(dir)
        .args(args)
        .env_remove("ZONEWATCH_DB")
        // Argon2 at its lowest cost (documented, for tests only), and a passphrase.
        .env("ZONEWATCH_ARGON2_TEST_COST", "low")
        .env("ZONEWATCH_PASSPHRASE", TEST_PASSPHRASE);
    for (key, value) in env {
        command.env(key, value);
    }
    command.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = command.spawn().expect("spawn zonewatch");
    if let Some(bytes) = stdin {
        // A command may refuse its arguments before it reads standard input; then
        // the pipe is closed under us, which is not the test's concern.
        match child.stdin.take().expect("stdin").write_all(bytes) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {e}"),
            _ => {}
        }
    }
    child.wait_with_output().expect("wait")
}

pub fn zonewatch(dir: &Path, args: &[&str]) -> Output {
    zonewatch_in(dir, args, &[], None)
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn ok(output: Output) -> Output {
    assert!(
        output.status.success(),
        "failed: {}\n{}",
        stderr(&output),
        stdout(&output)
    );
    output
}

pub fn failed(output: Output) -> Output {
    assert!(!output.status.success(), "succeeded: {}", stdout(&output));
    output
}
