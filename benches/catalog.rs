//! In-process benchmarks: loading, validating and each query, on the built-in catalog.
//! `cargo bench`; whole-process timings are in scripts/bench.sh.

use hi::catalog::Catalog;
use hi::eligibility::{Person, evaluate};
use hi::facts::Facts;
use hi::load::{Texts, build};
use hi::model::{Certification, Education};

fn main() {
    divan::main();
}

/// Decoding every record of the compiled catalog, as `hi search` does.
#[divan::bench]
fn decode_everything() -> usize {
    let catalog = Catalog::compiled();
    catalog.everything().count()
}

/// Decoding the one record `hi certs cphims --json` needs.
#[divan::bench]
fn decode_one_certification() -> usize {
    let catalog = Catalog::compiled();
    catalog
        .get::<Certification>("cphims")
        .map_or(0, |c| c.eligibility.len())
}

/// Parsing and validating the TOML, as `--data-dir` does (and build.rs, once per build).
#[divan::bench]
fn parse_and_validate_toml() -> usize {
    build(&Texts::embedded()).map_or(0, |data| data.certifications.len())
}

#[divan::bench(args = ["hipaa", "data", "zzzz"])]
fn search(bencher: divan::Bencher, query: &str) {
    let catalog = Catalog::compiled();
    catalog.everything().count();
    bencher.bench_local(|| hi::cmd::search::search(&catalog, query).len());
}

#[divan::bench]
fn eligibility_of_every_certification(bencher: divan::Bencher) {
    let catalog = Catalog::compiled();
    let profile = Person {
        facts: Facts {
            education: Some(Education::Bachelor),
            experience_years: Some(5),
            healthcare_years: Some(2),
            ..Facts::default()
        },
        ..Person::default()
    };
    let today = jiff::civil::date(2026, 11, 27);
    bencher.bench_local(|| {
        catalog
            .certifications()
            .iter()
            .map(|c| evaluate(c, &profile, &catalog, today).missing.len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn cost_over_ten_years(bencher: divan::Bencher) {
    let catalog = Catalog::compiled();
    let terms = hi::cost::Terms {
        years: 10,
        today: jiff::civil::date(2026, 11, 27),
        member: None,
        memberships: Vec::new(),
        with_retake: false,
    };
    bencher.bench_local(|| {
        catalog
            .certifications()
            .iter()
            .map(|c| hi::cost::cost(c, &catalog, &terms).total_usd)
            .sum::<u32>()
    });
}

#[divan::bench]
fn citations(bencher: divan::Bencher) {
    let catalog = Catalog::compiled();
    catalog.everything().count();
    bencher.bench_local(|| catalog.citations().len());
}

/// Ten levels of 100 roles, each leading to three roles of the next level: the target size's
/// 1,000 roles, joined into one ladder with many ways up it.
fn layered_ladder() -> Vec<Vec<usize>> {
    let (levels, width) = (10, 100);
    (0..levels * width)
        .map(|role| {
            let (level, i) = (role / width, role % width);
            match level + 1 < levels {
                true => (0..3)
                    .map(|k| (level + 1) * width + (i * 7 + k * 31) % width)
                    .collect(),
                false => Vec::new(),
            }
        })
        .collect()
}

/// `hi path`'s search, bottom to top of a 1,000-role ladder.
#[divan::bench]
fn shortest_ways_across_1000_roles(bencher: divan::Bencher) {
    let next = layered_ladder();
    bencher.bench_local(|| hi::ladder::shortest(&next, 0, 999, 20).ways);
}

/// `hi data check`'s search for circles of moves, over 1,000 roles.
#[divan::bench]
fn circles_among_1000_roles(bencher: divan::Bencher) {
    let next = layered_ladder();
    bencher.bench_local(|| hi::ladder::cycles(&next).len());
}
