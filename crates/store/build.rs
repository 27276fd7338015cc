//! Lists the migration files of each backend (`migrations/<backend>/NNNN_name.sql`)
//! as Rust constants, so adding a migration means adding its two files and nothing
//! else: no list kept by hand.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut out = String::new();
    for backend in ["sqlite", "postgres"] {
        let dir = root.join(backend);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<(i64, String, String)> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .filter_map(|entry| {
                let path = entry.ok()?.path();
                let file = path.file_name()?.to_str()?.to_owned();
                let stem = file.strip_suffix(".sql")?;
                let (number, name) = stem.split_once('_')?;
                let version = number.parse().ok()?;
                Some((version, name.to_owned(), path.display().to_string()))
            })
            .collect();
        files.sort();
        let _ = writeln!(
            out,
            "pub const {}: &[Migration] = &[",
            backend.to_uppercase()
        );
        for (version, name, path) in files {
            let _ = writeln!(
                out,
                "    Migration {{ version: {version}, name: {name:?}, sql: include_str!({path:?}) }},"
            );
        }
        out.push_str("];\n");
    }
    let target = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("migrations.rs");
    std::fs::write(&target, out)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
}
