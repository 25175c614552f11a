//! At home in the shell: ids that tab-complete from the data loaded, help that fits 80
//! columns, and a manual with a page per command.

use std::path::Path;
use std::process::Stdio;

use clap::CommandFactory;

use crate::common::{Hi, data_copy, fixture};

/// What the completer offers for the last word of `hi` + `words`, on the data at `data`.
fn offered(data: &Path, words: &[&str]) -> Vec<String> {
    let data = data.to_str().unwrap();
    let line: Vec<&str> = ["hi", "--data-dir", data]
        .iter()
        .chain(words)
        .copied()
        .collect();
    hi::complete::complete(&line)
        .into_iter()
        .map(|c| c.split(" — ").next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn ids_complete_from_the_data_loaded() {
    let data = fixture();
    let certs = offered(&data, &["certs", "cp"]);
    assert!(certs.contains(&"cphims".to_string()), "{certs:?}");
    assert!(certs.iter().all(|c| c.starts_with("cp")), "{certs:?}");
    assert_eq!(offered(&data, &["plan", "--role", "an"]), ["analyst"]);
    let eligible = offered(&data, &["eligible", "--cert", "r"]);
    assert!(eligible.contains(&"rhia".to_string()) && eligible.contains(&"rhit".to_string()));
    assert!(offered(&data, &["orgs", "ahi"]).contains(&"ahima".to_string()));
    assert!(offered(&data, &["occupations", "29-"]).contains(&"29-9021".to_string()));
    assert!(
        offered(&data, &["gap", "--role", "analyst", "--have", "sql,py"])
            .contains(&"sql,python".to_string())
    );
    assert!(offered(&data, &["compare", "cahims", "an"]).contains(&"analyst".to_string()));
    let names = offered(&data, &["certs", "--fields", "id,non"]);
    assert_eq!(names, ["id,non_member"]);
    // Each candidate says what it is.
    let described =
        hi::complete::complete(&["hi", "--data-dir", data.to_str().unwrap(), "certs", "rhi"]);
    assert!(
        described.contains(&"rhia — RHIA".to_string()),
        "{described:?}"
    );
}

#[test]
fn a_data_dir_adds_its_own_ids() {
    let dir = data_copy();
    let skills = dir.path().join("skills.toml");
    let mut text = std::fs::read_to_string(&skills).unwrap();
    text += "\n[[skill]]\nid = \"zz-coding\"\nname = \"ZZ coding\"\ncategory = \"technical\"\n\
             description = \"A skill only this copy has.\"\nsources = [\"seed-article\"]\n";
    std::fs::write(&skills, text).unwrap();
    let have = ["gap", "--role", "analyst", "--have", "sql,zz"];
    assert_eq!(offered(dir.path(), &have), ["sql,zz-coding"]);
    assert!(offered(&fixture(), &have).is_empty());
    // From the environment too, as the shell runs it.
    let ran = Hi::new()
        .env("HI_DATA_DIR", dir.path())
        .env("COMPLETE", "fish")
        .args(&["--", "hi", "skills", "zz"])
        .ok();
    assert_eq!(ran, "zz-coding\tZZ coding\n");
}

#[test]
fn ce_remove_completes_activity_numbers_with_their_titles() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile.toml");
    for (date, title) in [
        ("2026-01-10", "Privacy webinar"),
        ("2026-02-20", "Chapter day"),
    ] {
        Hi::new()
            .profile(&profile)
            .args(&[
                "ce", "add", "--date", date, "--hours", "1", "--title", title,
            ])
            .ok();
    }
    let line = [
        "hi",
        "--profile",
        profile.to_str().unwrap(),
        "ce",
        "remove",
        "",
    ];
    let numbers: Vec<String> = hi::complete::complete(&line)
        .into_iter()
        .filter(|c| !c.starts_with('-'))
        .collect();
    assert_eq!(
        numbers,
        [
            "1 — Privacy webinar (2026-01-10)",
            "2 — Chapter day (2026-02-20)"
        ]
    );
}

#[test]
fn completions_print_the_registration_complete_prints() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let printed = Hi::new().args(&["completions", shell]).ok();
        let registered = Hi::new().env("COMPLETE", shell).ok();
        assert_eq!(printed, registered, "{shell}");
        assert!(printed.contains("COMPLETE"), "{shell}: {printed}");
    }
    let script = Hi::new().args(&["completions", "bash"]).ok();
    let Ok(mut bash) = std::process::Command::new("bash")
        .args(["--norc", "-c", "source /dev/stdin && complete -p hi"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
    else {
        return; // no bash here: the script's text was checked above
    };
    use std::io::Write;
    bash.stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    let output = bash.wait_with_output().unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).contains("-F _clap_complete_hi hi"));
}

/// Every command's path on the command line: `["certs"]`, `["ce", "add"]`.
fn commands() -> Vec<Vec<String>> {
    fn walk(command: &clap::Command, path: &mut Vec<String>, found: &mut Vec<Vec<String>>) {
        for sub in command.get_subcommands() {
            path.push(sub.get_name().to_string());
            found.push(path.clone());
            walk(sub, path, found);
            path.pop();
        }
    }
    let mut found = vec![Vec::new()];
    let mut root = hi::cli::Cli::command();
    root.build();
    walk(&root, &mut Vec::new(), &mut found);
    found
}

/// Help fits 80 columns, and an example is never wrapped mid-command: each is one line, or
/// goes on after a `\`.
#[test]
fn every_help_fits_80_columns_and_its_examples_copy_whole() {
    for path in commands() {
        let args: Vec<&str> = path.iter().map(String::as_str).collect();
        for flag in ["-h", "--help"] {
            let help = Hi::new().args(&args).args(&[flag]).columns(80).ok();
            for line in help.lines() {
                assert!(line.chars().count() <= 80, "hi {args:?} {flag}: {line}");
            }
            let Some(examples) = help.split("Examples:\n").nth(1) else {
                continue;
            };
            // An example starts two spaces in; a line further in goes on after a `\`.
            let mut continued = false;
            for line in examples.lines().take_while(|l| !l.is_empty()) {
                let starts = line.starts_with("  ") && !line.starts_with("   ");
                assert!(
                    starts || continued,
                    "hi {args:?} {flag}: an example wraps: {line:?}"
                );
                continued = line.ends_with('\\');
            }
        }
    }
}

#[test]
fn the_help_names_the_environment_and_no_count_that_drifts() {
    let help = Hi::new().args(&["--help"]).columns(80).ok();
    for var in [
        "HI_TODAY",
        "HI_DATA_DIR",
        "HI_PROFILE",
        "HI_CACHE",
        "XDG_CONFIG_HOME",
        "XDG_CACHE_HOME",
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "COLUMNS",
        "TZ",
    ] {
        assert!(help.contains(&format!("  {var} ")), "{var}: {help}");
    }
    let words: Vec<&str> = help.split_whitespace().collect();
    for pair in words.windows(2) {
        let counted = [
            "roles",
            "issuers",
            "certifications",
            "credentials",
            "tracks",
        ];
        let number = pair[0].chars().all(|c| c.is_ascii_digit())
            || ["two", "three", "four", "five", "six"].contains(&pair[0]);
        assert!(!(number && counted.contains(&pair[1])), "a count: {pair:?}");
    }
    assert_eq!(help, Hi::new().args(&["help"]).columns(80).ok());
    let certs = Hi::new().args(&["certs", "--help"]).ok();
    assert_eq!(certs, Hi::new().args(&["help", "certs"]).ok());
    assert!(
        Hi::new()
            .args(&["help", "--help"])
            .ok()
            .contains("hi help certs")
    );
    Hi::new()
        .args(&["help", "nope"])
        .fails(2, "`hi nope` is not a command");
}

#[test]
fn an_option_of_another_command_gets_a_useful_tip() {
    let err = Hi::new()
        .args(&["roles", "--cert", "rhit"])
        .fails(2, "unexpected argument '--cert'");
    assert!(
        err.contains("`hi eligible`") && err.contains("`hi certs ID`"),
        "{err}"
    );
    assert!(!err.contains("'-- --cert'"), "{err}");
}

#[test]
fn a_search_takes_several_words_and_says_when_nothing_matches() {
    let hits = Hi::new().args(&["search", "revenue", "cycle"]).json();
    assert_eq!(hits, Hi::new().args(&["search", "revenue cycle"]).json());
    let ran = Hi::new()
        .args(&["search", "nursing", "informatics", "xyz", "--json"])
        .run();
    assert_eq!((ran.code, ran.stdout.trim()), (0, "[]"));
    assert_eq!(
        ran.stderr,
        "hi: no record matches `nursing informatics xyz`\n"
    );
    let ran = Hi::new().args(&["certs", "--max-fee", "0"]).run();
    assert_eq!(
        ran.stderr,
        "hi: no certification matches the filters given\n"
    );
}

/// The sections the issue asks of `hi man`, each variable of the environment among them.
#[test]
fn the_manual_has_every_section() {
    let page = Hi::new().args(&["man"]).ok();
    for heading in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "COMMANDS",
        "OPTIONS",
        "ENVIRONMENT",
        "FILES",
        "\"EXIT STATUS\"",
        "EXAMPLES",
    ] {
        assert!(page.contains(&format!(".SH {heading}\n")), "{heading}");
    }
    let environment = page.split(".SH ENVIRONMENT").nth(1).unwrap();
    let environment = environment.split(".SH FILES").next().unwrap();
    for var in [
        "HI_TODAY",
        "HI_DATA_DIR",
        "HI_PROFILE",
        "XDG_CONFIG_HOME",
        "XDG_CACHE_HOME",
        "HI_CACHE",
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "COLUMNS",
        "TZ",
    ] {
        assert!(environment.contains(&format!("\\fB{var}\\fR")), "{var}");
    }
    let status = page.split(".SH \"EXIT STATUS\"").nth(1).unwrap();
    for code in ["0", "1", "2", "3", "130"] {
        assert!(status.contains(&format!("\\fB{code}\\fR")), "{code}");
    }
    // Alone, the page names no other page: none is written beside it.
    assert!(!page.contains("(1)"), "{page}");
}

#[test]
fn man_dir_writes_a_readable_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    let ran = Hi::new()
        .args(&["man", "--dir", dir.path().to_str().unwrap()])
        .run();
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let pages: Vec<String> = commands()
        .iter()
        .map(|path| match path.is_empty() {
            true => "hi.1".to_string(),
            false => format!("hi-{}.1", path.join("-")),
        })
        .collect();
    let written: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written.len(), pages.len(), "{written:?}");
    for page in &pages {
        let text = std::fs::read_to_string(dir.path().join(page)).expect(page);
        // Every page it names is one written beside it.
        for named in text.split(|c: char| c.is_whitespace() || c == ',') {
            if let Some(name) = named.strip_suffix("(1)") {
                let name = name.replace("\\-", "-");
                assert!(
                    written.contains(&format!("{name}.1")),
                    "{page} names {name}(1)"
                );
            }
        }
        let Ok(rendered) = std::process::Command::new("man")
            .args(["-l", dir.path().join(page).to_str().unwrap()])
            .env("MANWIDTH", "80")
            .env("MAN_KEEP_FORMATTING", "0")
            .output()
        else {
            continue; // no man here: the pages' text was checked above
        };
        assert!(rendered.status.success(), "{page}");
        // Off a terminal, man overstrikes bold letters (N\x08N): read through it.
        let shown = String::from_utf8_lossy(&rendered.stdout)
            .split('\u{8}')
            .enumerate()
            .map(|(i, part)| match i {
                0 => part,
                _ => part
                    .get(part.chars().next().map_or(0, char::len_utf8)..)
                    .unwrap_or(""),
            })
            .collect::<String>();
        assert!(
            shown.contains("NAME") && shown.contains("SYNOPSIS"),
            "{page}: {shown}"
        );
        assert!(
            rendered.stderr.is_empty(),
            "{page}: {}",
            String::from_utf8_lossy(&rendered.stderr)
        );
    }
    // Written once, the pages are not replaced without --force.
    let again = Hi::new()
        .args(&["man", "--dir", dir.path().to_str().unwrap()])
        .run();
    assert_eq!(again.code, 1, "{}", again.stderr);
    let forced = Hi::new()
        .args(&["man", "--dir", dir.path().to_str().unwrap(), "--force"])
        .run();
    assert_eq!(forced.code, 0, "{}", forced.stderr);
}
