//! The real binary in a real window. These need a display: `.ci/run` runs them under Xvfb with
//! `--include-ignored`; a plain `cargo test` skips them.

use crate::common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_csto-atlas"));
    // A private config folder: no saved window state leaks between runs.
    let home = tempfile::tempdir().unwrap().keep();
    c.env("HOME", &home)
        .env("XDG_DATA_HOME", &home)
        .env("XDG_CONFIG_HOME", &home);
    c
}

#[test]
#[ignore = "needs a display"]
fn screenshot_writes_a_png_of_the_requested_size_that_is_not_blank() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("window.png");
    let o = bin()
        .args([
            "--screenshot",
            out.to_str().unwrap(),
            "--size",
            "1400x900",
            "--select",
            "cmd",
        ])
        .output()
        .expect("the binary runs");
    assert!(
        o.status.success(),
        "exit {:?}: {}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    let img = image::open(&out).expect("a PNG").to_rgba8();
    assert_eq!((img.width(), img.height()), (1400, 900));
    let mut colours = std::collections::HashSet::new();
    for p in img.pixels().step_by(13) {
        colours.insert(p.0);
    }
    assert!(
        colours.len() > 40,
        "a blank window: {} colours",
        colours.len()
    );
}

/// CPU seconds (user + system) the process has used so far, from /proc.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("/proc/PID/stat");
    // Fields after the command name, which is in parentheses and may contain spaces.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields[11].parse::<f64>().unwrap() + fields[12].parse::<f64>().unwrap();
    ticks / 100.0
}

#[test]
#[ignore = "needs a display"]
fn an_idle_window_costs_almost_no_cpu() {
    let mut child = bin()
        .args(["--size", "1400x900"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");
    std::thread::sleep(Duration::from_secs(4));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the window closed by itself"
    );
    let before = cpu_seconds(child.id());
    let start = Instant::now();
    std::thread::sleep(Duration::from_secs(10));
    let used = cpu_seconds(child.id()) - before;
    let elapsed = start.elapsed().as_secs_f64();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        used <= 0.3,
        "{used:.2} CPU-seconds in {elapsed:.1} s while idle"
    );
}

#[test]
#[ignore = "needs a display"]
fn a_bad_atlas_file_is_refused_before_the_window_opens() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "Atlas(").unwrap();
    let o = bin()
        .args(["--atlas", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad.ron:1:"));
}

/// Pixels whose colour differs by more than a little, out of all; `None` when the sizes differ.
fn differing_share(a: &image::RgbaImage, b: &image::RgbaImage) -> Option<f64> {
    if a.dimensions() != b.dimensions() {
        return None;
    }
    let differing = a
        .pixels()
        .zip(b.pixels())
        .filter(|(x, y)| x.0.iter().zip(y.0).any(|(p, q)| p.abs_diff(q) > 24))
        .count();
    Some(differing as f64 / (a.width() * a.height()) as f64)
}

/// The real window, light and dark, against committed references (`UPDATE_SNAPSHOTS=1` rewrites
/// them; a mismatch writes `NAME.new.png`).
#[test]
#[ignore = "needs a display"]
fn the_default_window_looks_as_reviewed() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    for theme in ["light", "dark"] {
        let name = format!("window-{theme}");
        let tmp = tempfile::tempdir().unwrap();
        let shot = tmp.path().join("shot.png");
        let o = bin()
            .args([
                "--screenshot",
                shot.to_str().unwrap(),
                "--size",
                "1400x900",
                "--theme",
                theme,
            ])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let reference = dir.join(format!("{name}.png"));
        if common::updating_snapshots() {
            std::fs::copy(&shot, &reference).unwrap();
            continue;
        }
        let actual = image::open(&shot).unwrap().to_rgba8();
        let expected =
            image::open(&reference).unwrap_or_else(|e| panic!("{}: {e}", reference.display()));
        let share = differing_share(&actual, &expected.to_rgba8());
        // Software GL may anti-alias a hair differently elsewhere; a real change moves far more.
        if share.is_none_or(|s| s > 0.01) {
            let new = dir.join(format!("{name}.new.png"));
            std::fs::copy(&shot, &new).unwrap();
            panic!(
                "{name}: {share:?} of the pixels differ; see {}",
                new.display()
            );
        }
    }
}
