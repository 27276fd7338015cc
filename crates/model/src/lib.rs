//! The zonewatch v1 data model (FORMAT.md): record types, closed vocabularies,
//! partial dates, validation and the canonical JSON form. Pure: no I/O.

pub mod country;
pub mod date;
pub mod decode;
pub mod encode;
pub mod fields;
pub mod json;
pub mod record;
pub mod restricted;
pub mod trusted;
pub mod vocab;

pub use date::{DateOrder, PartialDate, Precision};
pub use decode::{decode_line, decode_record, FieldError};
pub use json::Json;
pub use record::*;
pub use trusted::decode_trusted;
pub use vocab::*;
