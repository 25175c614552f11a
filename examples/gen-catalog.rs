//! Writes a valid synthetic catalog, SCALE times the size of the shipped one, into DIR:
//!
//!     cargo run --release --example gen-catalog -- --scale 100 DIR
//!     cargo run --release --example gen-catalog -- --scale 100 --certifications 1000 \
//!         --roles 1000 --skills 5000 DIR
//!
//! Every shipped record is copied SCALE times (or as often as a count given for its kind
//! needs, rounded up to whole copies); copy k of a record gets the id `ID-xK`, and its references
//! point at copy k of their targets (k modulo the copies of that kind), so texts keep their
//! real lengths and every reference resolves. `hi --data-dir DIR` loads it like a user's copy.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use hi::load::{Texts, build};
use hi::model::Data;
use serde::Serialize;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((options, dir)) = parse(&args) else {
        eprintln!("usage: gen-catalog --scale N [--certifications N] [--roles N] [--skills N] DIR");
        return ExitCode::from(2);
    };
    let shipped = build(&Texts::embedded()).expect("the shipped data is valid");
    let data = scaled(&shipped, &options);
    if let Err(error) = write(&data, &dir) {
        eprintln!("gen-catalog: cannot write {}: {error}", dir.display());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "gen-catalog: wrote {} roles, {} certifications, {} skills, {} sources to {}",
        data.roles.len(),
        data.certifications.len(),
        data.skills.len(),
        data.sources.len(),
        dir.display()
    );
    ExitCode::SUCCESS
}

/// `--scale`, and the record counts asked for by kind.
struct Options {
    scale: usize,
    counts: BTreeMap<String, usize>,
}

fn parse(args: &[String]) -> Option<(Options, PathBuf)> {
    let (dir, flags) = args.split_last()?;
    let mut options = Options {
        scale: 0,
        counts: BTreeMap::new(),
    };
    for pair in flags.chunks(2) {
        let [flag, value] = pair else { return None };
        let value: usize = value.parse().ok().filter(|v| *v >= 1)?;
        match flag.as_str() {
            "--scale" => options.scale = value,
            "--certifications" | "--roles" | "--skills" => {
                options.counts.insert(flag[2..].to_string(), value);
            }
            _ => return None,
        }
    }
    (options.scale >= 1).then(|| (options, PathBuf::from(dir)))
}

/// How many copies of each kind's shipped records to write.
struct Plan {
    copies: BTreeMap<&'static str, usize>,
}

impl Plan {
    fn copies(&self, kind: &str) -> usize {
        self.copies[kind]
    }

    /// The id of copy `k` of the record `id` of `kind` (copy 0 keeps the shipped id).
    fn id(&self, kind: &str, id: &str, k: usize) -> String {
        match k % self.copies(kind) {
            0 => id.to_string(),
            k => format!("{id}-x{k}"),
        }
    }
}

fn scaled(shipped: &Data, options: &Options) -> Data {
    let lens = [
        ("sources", shipped.sources.len()),
        ("organizations", shipped.organizations.len()),
        ("regulations", shipped.regulations.len()),
        ("skills", shipped.skills.len()),
        ("employers", shipped.employers.len()),
        ("certifications", shipped.certifications.len()),
        ("occupations", shipped.occupations.len()),
        ("roles", shipped.roles.len()),
        ("responsibilities", shipped.responsibilities.len()),
        ("salaries", shipped.salaries.len()),
        ("paths", shipped.paths.len()),
    ];
    // A count given for a kind is met in whole copies, so it is rounded up: cutting a copy
    // short would leave references to the records cut.
    let mut plan = Plan {
        copies: BTreeMap::new(),
    };
    for (kind, len) in lens {
        let copies = options
            .counts
            .get(kind)
            .map_or(options.scale, |n| n.div_ceil(len));
        plan.copies.insert(kind, copies.max(1));
    }
    let mut data = Data {
        about: shipped.about.clone(),
        ..empty()
    };
    let p = &plan;
    let ids = |kind: &str, ids: &[String], k: usize| -> Vec<String> {
        ids.iter().map(|id| p.id(kind, id, k)).collect()
    };
    let opt = |kind: &str, id: &Option<String>, k: usize| id.as_ref().map(|id| p.id(kind, id, k));
    for k in 0..p.copies("sources") {
        for r in &shipped.sources {
            data.sources.push(hi::model::Source {
                id: p.id("sources", &r.id, k),
                ..r.clone()
            });
        }
    }
    for k in 0..p.copies("organizations") {
        for r in &shipped.organizations {
            let mut r = r.clone();
            r.id = p.id("organizations", &r.id, k);
            r.sources = ids("sources", &r.sources, k);
            if let Some(m) = &mut r.membership {
                m.source = p.id("sources", &m.source, k);
            }
            data.organizations.push(r);
        }
    }
    for k in 0..p.copies("regulations") {
        for r in &shipped.regulations {
            data.regulations.push(hi::model::Regulation {
                id: p.id("regulations", &r.id, k),
                sources: ids("sources", &r.sources, k),
                ..r.clone()
            });
        }
    }
    for k in 0..p.copies("skills") {
        for r in &shipped.skills {
            data.skills.push(hi::model::Skill {
                id: p.id("skills", &r.id, k),
                regulations: ids("regulations", &r.regulations, k),
                sources: ids("sources", &r.sources, k),
                ..r.clone()
            });
        }
    }
    for k in 0..p.copies("employers") {
        for r in &shipped.employers {
            data.employers.push(hi::model::Employer {
                id: p.id("employers", &r.id, k),
                sources: ids("sources", &r.sources, k),
                ..r.clone()
            });
        }
    }
    for k in 0..p.copies("certifications") {
        for r in &shipped.certifications {
            let mut r = r.clone();
            r.id = p.id("certifications", &r.id, k);
            r.issuer = p.id("organizations", &r.issuer, k);
            r.sources = ids("sources", &r.sources, k);
            for route in &mut r.eligibility {
                route.credentials = ids("certifications", &route.credentials, k);
                route.source = p.id("sources", &route.source, k);
            }
            for exam in &mut r.exam_history {
                exam.source = p.id("sources", &exam.source, k);
                for domain in &mut exam.domains {
                    domain.skills = ids("skills", &domain.skills, k);
                }
            }
            for fees in &mut r.fee_history {
                fees.source = p.id("sources", &fees.source, k);
                fees.member_saving_usd = None; // derived at load
            }
            (r.exam, r.fees) = (None, None); // derived at load
            r.renewal.source = p.id("sources", &r.renewal.source, k);
            r.renewal.fee_source = opt("sources", &r.renewal.fee_source, k);
            r.renewal.calendar_source = opt("sources", &r.renewal.calendar_source, k);
            data.certifications.push(r);
        }
    }
    for k in 0..p.copies("occupations") {
        for r in &shipped.occupations {
            data.occupations.push(hi::model::Occupation {
                id: p.id("occupations", &r.id, k),
                figures_source: opt("sources", &r.figures_source, k),
                sources: ids("sources", &r.sources, k),
                ..r.clone()
            });
        }
    }
    for k in 0..p.copies("roles") {
        for r in &shipped.roles {
            data.roles.push(hi::model::Role {
                id: p.id("roles", &r.id, k),
                skills: ids("skills", &r.skills, k),
                employers: ids("employers", &r.employers, k),
                certifications: ids("certifications", &r.certifications, k),
                paths: ids("paths", &r.paths, k),
                occupations: ids("occupations", &r.occupations, k),
                sources: ids("sources", &r.sources, k),
                ..r.clone()
            });
        }
    }
    for k in 0..p.copies("responsibilities") {
        for r in &shipped.responsibilities {
            data.responsibilities.push(hi::model::Responsibility {
                id: p.id("responsibilities", &r.id, k),
                roles: ids("roles", &r.roles, k),
                sources: ids("sources", &r.sources, k),
                ..r.clone()
            });
        }
    }
    for k in 0..p.copies("salaries") {
        for r in &shipped.salaries {
            data.salaries.push(hi::model::Salary {
                id: p.id("salaries", &r.id, k),
                role: opt("roles", &r.role, k),
                occupation: opt("occupations", &r.occupation, k),
                source: p.id("sources", &r.source, k),
                ..r.clone()
            });
        }
    }
    for k in 0..p.copies("paths") {
        for r in &shipped.paths {
            data.paths.push(hi::model::EducationPath {
                id: p.id("paths", &r.id, k),
                roles: ids("roles", &r.roles, k),
                certifications: ids("certifications", &r.certifications, k),
                sources: ids("sources", &r.sources, k),
                ..r.clone()
            });
        }
    }
    data
}

fn empty() -> Data {
    Data {
        about: Default::default(),
        roles: Vec::new(),
        responsibilities: Vec::new(),
        skills: Vec::new(),
        employers: Vec::new(),
        certifications: Vec::new(),
        organizations: Vec::new(),
        salaries: Vec::new(),
        paths: Vec::new(),
        regulations: Vec::new(),
        occupations: Vec::new(),
        sources: Vec::new(),
    }
}

/// One TOML file per kind, as `hi data export` lays them out.
fn write(data: &Data, dir: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir)?;
    fn file<T: Serialize>(
        dir: &std::path::Path,
        name: &str,
        key: &str,
        records: &T,
    ) -> Result<(), Box<dyn std::error::Error>> {
        let text = toml::to_string(&BTreeMap::from([(key, records)]))?;
        std::fs::write(dir.join(name), text)?;
        Ok(())
    }
    file(dir, "about.toml", "about", &data.about)?;
    file(dir, "sources.toml", "source", &data.sources)?;
    file(
        dir,
        "organizations.toml",
        "organization",
        &data.organizations,
    )?;
    file(dir, "regulations.toml", "regulation", &data.regulations)?;
    file(dir, "skills.toml", "skill", &data.skills)?;
    file(dir, "employers.toml", "employer", &data.employers)?;
    file(
        dir,
        "certifications.toml",
        "certification",
        &data.certifications,
    )?;
    file(dir, "occupations.toml", "occupation", &data.occupations)?;
    file(dir, "roles.toml", "role", &data.roles)?;
    file(
        dir,
        "responsibilities.toml",
        "responsibility",
        &data.responsibilities,
    )?;
    file(dir, "salaries.toml", "salary", &data.salaries)?;
    file(dir, "paths.toml", "path", &data.paths)?;
    Ok(())
}
