//! Generated, clearly fictional data for zonewatch: a demo dataset shaped like a
//! real investigation ([`demo_dataset`]) and a fast, constant-memory stream of
//! valid v1 records for import benchmarks ([`write_bulk`]).
//!
//! Both are deterministic: the same output every time, on every platform. They
//! use their own small generator (SplitMix64) rather than `rand`, whose streams
//! change between versions, and only integer arithmetic for anything random.
//!
//! To write either to a file:
//!
//! ```text
//! cargo run -p zonewatch-demo --example generate -- demo > demo.jsonl
//! cargo run --release -p zonewatch-demo --example generate -- bulk 1000000 > bulk.jsonl
//! ```

mod bulk;
mod calendar;
mod dataset;
mod pools;
mod rng;

pub use bulk::{write_bulk, BULK_SOURCE_ID};
pub use dataset::{demo_dataset, DEMO_SOURCE_ID};
