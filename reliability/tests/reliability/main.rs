//! The reliability suite (GitHub issue 5), one test binary:
//!
//! - `codec_table`: the codec table covers the catalog, name for name;
//! - `properties`: schema-derived property tests over all 124 TypeDefs;
//! - `fuzz_replay`: the fuzz targets' bodies on the committed seeds and a bounded
//!   deterministic mutation loop;
//! - `catalogue`: bad inputs, each with its error kind and JSON path;
//! - `jsontestsuite`: the JSONTestSuite parsing cases from the shared corpus;
//! - `no_data_lost`: realistic payloads survive decode → encode unchanged.

mod catalogue;
mod codec_table;
mod fuzz_replay;
mod jsontestsuite;
mod no_data_lost;
mod properties;
