//! zonewatch and the tools people already use (issue 7; docs/INTEROP.md).
//!
//! - **CSV import** ([`csv_to_v1`]): the rows of a spreadsheet become v1 JSON lines,
//!   one per row, either from the export form (header = v1 field names) or through a
//!   [`Mapping`] file (TOML) that renames columns, maps values, splits lists, reads
//!   dates and fills constants and ids. Every problem names the row, the sheet line,
//!   the column and what was expected. The lines go to the ordinary JSON Lines
//!   import, whose errors [`field_to_column`] maps back to sheet columns.
//! - **CSV export** ([`write_csv`]): one kind per file, in the form the import reads
//!   back without a mapping; round trips give the same records.
//! - **GeoJSON** ([`sites_geojson`]): sites as a FeatureCollection with their
//!   category, latest status, latest raid or rescue and its outcome, and counts.
//! - **FollowTheMoney** ([`ftm_entities`]): entities for Aleph / OpenAleph with
//!   stable ids.
//!
//! Pure apart from the `Read`/`Write` handles the CSV functions are given.

mod cells;
pub mod csv_export;
pub mod csv_import;
pub mod dates;
pub mod ftm;
pub mod geojson;
pub mod mapping;
pub mod schema;

pub use csv_export::{csv_columns, write_csv, CsvExportError, CsvOptions};
pub use csv_import::{csv_to_v1, field_to_column, CellError, CsvRow, CsvRows, SheetError};
pub use ftm::{ftm_entities, ftm_id, FtmOptions};
pub use geojson::{sites_geojson, Counts, GeoJsonOptions};
pub use mapping::{FieldRule, IdRule, Mapping, MappingError};
