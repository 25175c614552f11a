//! The table output of every command at a fixed width of 100 columns, as people see it, with
//! its exit status and what it says on stderr.
//! After an intended change: `INSTA_UPDATE=always cargo test`, then review the diff in git.

use crate::common::Hi;

/// The whole run at a terminal 100 columns wide: exit status, stdout and stderr, so that a
/// changed message shows in review like a changed table.
fn table(args: &[&str]) -> String {
    Hi::new()
        .args(args)
        .args(&["--format", "table", "--color", "never"])
        .columns(100)
        .run()
        .snapshot()
}

macro_rules! snapshot {
    ($name:ident, $($arg:expr),+) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(stringify!($name), table(&[$($arg),+]));
        }
    };
}

snapshot!(roles, "roles");
snapshot!(role_analyst, "roles", "analyst");
snapshot!(responsibilities, "responsibilities");
snapshot!(skills, "skills");
snapshot!(skill_sql, "skills", "sql");
snapshot!(employers, "employers");
snapshot!(certs, "certs");
snapshot!(cert_cahims, "certs", "cahims");
snapshot!(cert_rhit, "certs", "rhit");
snapshot!(orgs, "orgs");
snapshot!(salaries, "salaries");
snapshot!(paths, "paths");
snapshot!(regulations, "regulations");
snapshot!(occupations, "occupations");
snapshot!(sources, "sources");
snapshot!(compare_cahims_cphims, "compare", "cahims", "cphims");
snapshot!(
    compare_roles,
    "compare",
    "analyst",
    "implementation-support"
);
snapshot!(search_hipaa, "search", "hipaa");
snapshot!(
    eligible_bachelor,
    "eligible",
    "--education",
    "bachelor",
    "--experience-years",
    "5",
    "--healthcare-years",
    "2"
);
snapshot!(cost_rhit_rhia, "cost", "rhit", "rhia", "--years", "6");
snapshot!(renew_cphims, "renew", "cphims", "--earned", "2025-03-15");
snapshot!(gap_analyst, "gap", "--role", "analyst", "--have", "sql");
snapshot!(plan_analyst, "plan", "--role", "analyst", "--have", "sql");
snapshot!(about, "about");
