//! Any command line: parsing it and running `hi` on the built-in data must end in success or
//! an error, never a panic. The input is split at NUL bytes into arguments; what `hi` would
//! print goes to a sink. Arguments that name a path (a `/`) or ask for a write outside the
//! fuzzer's own folder are left out, so the fuzzer cannot write over anything.
#![no_main]

use std::sync::Once;

use clap::Parser;
use libfuzzer_sys::fuzz_target;

static SANDBOX: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    SANDBOX.call_once(|| {
        // Every relative path (an --ics file, an export, the profile) lands in a folder of
        // the fuzzer's own, on a fixed day.
        let dir = std::env::temp_dir().join(format!("hi-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::env::set_current_dir(&dir).unwrap();
        // SAFETY: set once, before any other thread of the fuzzer reads the environment.
        unsafe {
            std::env::set_var("HI_PROFILE", dir.join("profile.toml"));
            std::env::set_var("HI_TODAY", "2026-11-27");
            std::env::remove_var("HI_DATA_DIR");
        }
    });
    let Ok(text) = std::str::from_utf8(data) else { return };
    let args: Vec<&str> = text.split('\0').collect();
    if args.iter().any(|a| a.contains('/') || a.contains("..") || *a == "-") {
        return;
    }
    let Ok(cli) = hi::cli::Cli::try_parse_from(std::iter::once("hi").chain(args)) else {
        return;
    };
    let _ = hi::run_to(cli, Box::new(std::io::sink()), hi::Teardown::Free);
});
