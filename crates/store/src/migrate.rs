//! Schema migrations, one folder per backend (`migrations/sqlite`,
//! `migrations/postgres`), applied in version order by `zonewatch init` and on every
//! open. Each backend records what it applied in `schema_migrations`. A migration,
//! once released, is never edited: changes come as a new, higher version.

pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

pub const SQLITE: &[Migration] = &[
    Migration {
        version: 1,
        name: "records",
        sql: include_str!("../migrations/sqlite/0001_records.sql"),
    },
    Migration {
        version: 2,
        name: "protection",
        sql: include_str!("../migrations/sqlite/0002_protection.sql"),
    },
    Migration {
        version: 3,
        name: "evidence",
        sql: include_str!("../migrations/sqlite/0003_evidence.sql"),
    },
    Migration {
        version: 4,
        name: "screening",
        sql: include_str!("../migrations/sqlite/0004_screening.sql"),
    },
    Migration {
        version: 5,
        name: "auth",
        sql: include_str!("../migrations/sqlite/0005_auth.sql"),
    },
];

pub const POSTGRES: &[Migration] = &[
    Migration {
        version: 1,
        name: "records",
        sql: include_str!("../migrations/postgres/0001_records.sql"),
    },
    Migration {
        version: 2,
        name: "protection",
        sql: include_str!("../migrations/postgres/0002_protection.sql"),
    },
    Migration {
        version: 3,
        name: "evidence",
        sql: include_str!("../migrations/postgres/0003_evidence.sql"),
    },
    Migration {
        version: 4,
        name: "screening",
        sql: include_str!("../migrations/postgres/0004_screening.sql"),
    },
    Migration {
        version: 5,
        name: "auth",
        sql: include_str!("../migrations/postgres/0005_auth.sql"),
    },
];

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
