//! Fuzz target bodies, here so `cargo test` replays them without the fuzzing toolchain.
