//! What several test files need to run the real binary as a user would. Each test file uses
//! some of it.
#![allow(dead_code)]

use std::process::{Command, Output};

/// The `csto-atlas` binary of this build.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_csto-atlas"))
}

/// Runs the binary with `args` and waits for it.
pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

/// Bytes a process printed, as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
