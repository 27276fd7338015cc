//! Schema migrations, one folder per backend (`migrations/sqlite`,
//! `migrations/postgres`), applied in version order by `zonewatch init` and on every
//! open. Each backend records what it applied in `schema_migrations`. A migration,
//! once released, is never edited: changes come as a new, higher version. The lists
//! are read from the folders at build time (`build.rs`).

pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

// `SQLITE` and `POSTGRES`: every file of `migrations/<backend>/`, in version order
// (written by build.rs).
include!(concat!(env!("OUT_DIR"), "/migrations.rs"));

/// The migration that made `record_refs`; applying it fills the table in from the
/// records already stored.
pub const REFERENCES_MIGRATION: i64 = 6;

/// The ids a stored record names (each once, itself left out), from its open body:
/// references never sit in restricted fields.
pub fn references_of(row: &crate::Row) -> crate::Result<Vec<String>> {
    let record = crate::load::decode_row(row, crate::load::Fields::Open)?;
    let mut targets: Vec<String> = record
        .references()
        .iter()
        .map(|r| r.target.to_owned())
        .filter(|t| *t != row.id)
        .collect();
    targets.sort_unstable();
    targets.dedup();
    Ok(targets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_increase_and_backends_match() {
        for list in [SQLITE, POSTGRES] {
            assert!(list.windows(2).all(|w| w[0].version < w[1].version));
        }
        let names =
            |list: &[Migration]| list.iter().map(|m| (m.version, m.name)).collect::<Vec<_>>();
        assert_eq!(names(SQLITE), names(POSTGRES));
    }
}
