//! Writes the exports of a v1 JSON Lines file: GeoJSON of the sites, FollowTheMoney
//! entities, and one CSV per kind.
//!
//! ```text
//! cargo run -p zonewatch-interop --example export -- INPUT.jsonl OUTDIR [--redact | --public] [--no-person-counts]
//! ```
//!
//! `--redact` leaves out restricted fields (an analyst's export); `--public` also
//! keeps only records marked public and suppresses small counts (a viewer's).
//!
//! Writes `OUTDIR/sites.geojson`, `OUTDIR/entities.ftm.jsonl` and
//! `OUTDIR/csv/KIND.csv`. Used by `scripts/check-exports.sh` until the CLI has
//! `zonewatch export --format csv|geojson|ftm`.

use std::error::Error;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use zonewatch_findings::Dataset;
use zonewatch_interop::{
    ftm_entities, sites_geojson, write_csv, Counts, CsvOptions, FtmOptions, GeoJsonOptions,
};
use zonewatch_model::{decode_line, Kind, Sensitivity};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(out)) = (args.next(), args.next()) else {
        return Err(
            "usage: export INPUT.jsonl OUTDIR [--redact | --public] [--no-person-counts]".into(),
        );
    };
    let rest: Vec<String> = args.collect();
    let public_only = rest.iter().any(|a| a == "--public");
    let include_restricted = !public_only && !rest.iter().any(|a| a == "--redact");
    let person_counts = !rest.iter().any(|a| a == "--no-person-counts");

    let text = fs::read_to_string(&input)?;
    let mut records = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record = decode_line(line).map_err(|errors| {
            let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            format!("{input} line {}: {}", i + 1, errors.join("; "))
        })?;
        records.push(record);
    }
    let dataset = Dataset::new(records)?;

    let out = PathBuf::from(out);
    fs::create_dir_all(out.join("csv"))?;

    let geojson = sites_geojson(
        &dataset,
        GeoJsonOptions {
            include_restricted,
            public_only,
            counts: match (person_counts, public_only) {
                (false, _) => Counts::Omitted,
                (true, true) => Counts::Suppressed {
                    threshold: zonewatch_findings::DEFAULT_THRESHOLD,
                },
                (true, false) => Counts::Exact,
            },
        },
    );
    fs::write(
        out.join("sites.geojson"),
        serde_json::to_string_pretty(&geojson)? + "\n",
    )?;

    let mut ftm = BufWriter::new(fs::File::create(out.join("entities.ftm.jsonl"))?);
    let mut entities = 0;
    for entity in ftm_entities(
        &dataset,
        FtmOptions {
            include_restricted,
            public_only,
        },
    ) {
        serde_json::to_writer(&mut ftm, &entity)?;
        ftm.write_all(b"\n")?;
        entities += 1;
    }
    ftm.flush()?;

    let mut rows = 0;
    for kind in Kind::ALL {
        let file = BufWriter::new(fs::File::create(
            out.join("csv").join(format!("{kind}.csv")),
        )?);
        let records = dataset
            .of_kind(*kind)
            .filter(|r| !public_only || r.sensitivity == Sensitivity::Public);
        rows += write_csv(*kind, records, file, CsvOptions { include_restricted })?;
    }
    let sites = geojson["features"].as_array().map_or(0, Vec::len);
    eprintln!(
        "{}: {sites} site features, {entities} FtM entities, {rows} CSV rows{}",
        out.display(),
        match (public_only, include_restricted) {
            (true, _) => " (public only)",
            (false, false) => " (redacted)",
            (false, true) => "",
        }
    );
    Ok(())
}
