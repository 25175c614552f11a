//! `hi report --html FILE`: one printable page for a person: the exams they can sit now and
//! what is missing for the others (`eligibility`), a plan toward a role with its costs
//! (`plan`), and for each credential they hold its cycle, hours by requirement and deadlines
//! (`status`). It is one file with its style inside, and links only to the sources' own
//! addresses.

use jiff::civil::Date;
use maud::{Markup, html};

use super::chart::{self, Bar, Mark};
use super::{Assets, Links, cited, unknown};
use crate::catalog::Catalog;
use crate::eligibility::{Person, Status as Eligibility, Verdict};
use crate::facts::Facts;
use crate::model::{Certification, Kind, Role};
use crate::plan::Plan;
use crate::show::{Standing, total_usd, usd};
use crate::status::Status;

/// Everything a report shows, decided by the rules' own modules.
pub struct Report<'a> {
    pub person: &'a Person,
    /// The facts as given (the flags over the profile), for what is and is not given.
    pub facts: &'a Facts,
    pub memberships: &'a [String],
    pub verdicts: Vec<Verdict>,
    pub plan: Option<(Plan, &'a Role)>,
    pub statuses: Vec<Status>,
}

/// The report as one HTML document.
pub fn render(report: &Report, catalog: &Catalog, standing: &Standing) -> String {
    let today = standing.today();
    let links = Links::Alone;
    let body = html! {
        h1 { "Your health informatics report, " (today.to_string()) }
        (person(report, catalog))
        (eligibility(&report.verdicts, catalog))
        @if let Some((plan, role)) = &report.plan { (plan_section(plan, role, catalog, standing, links)) }
        (held(&report.statuses, catalog, today))
    };
    let about = catalog.about();
    let footer = html! {
        p { "Made by hi " (env!("CARGO_PKG_VERSION")) " from data version " (about.version)
            " (" (about.date.to_string()) "), judged against " (today.to_string())
            ". Every fee names its source and the date that source states; "
            "\u{201c}unknown\u{201d} means no source in the data gives it. "
            code { "hi certs ID" } " shows each credential in full." }
    };
    super::page("hi report", Assets::Inline, html! {}, body, footer)
}

/// Who the report is for, as the profile and the flags describe them, each fact as
/// `hi profile` shows it; a fact not given says so, and how the verdicts count it.
fn person(report: &Report, catalog: &Catalog) -> Markup {
    let names = |kind, ids: &[String]| match ids.is_empty() {
        true => "none".to_string(),
        false => crate::show::names(catalog, kind, ids),
    };
    html! {
        dl.facts {
            @for (label, shown) in report.facts.shown() {
                dt { (label) }
                dd { @match shown {
                    Some(shown) => (shown),
                    None => span.unknown { "not given" },
                } }
            }
            dt { "Credentials held" } dd { (names(Kind::Certification, &report.person.credentials)) }
            dt { "Member of" } dd { (names(Kind::Organization, report.memberships)) }
        }
    }
}

fn issuer(catalog: &Catalog, id: &str) -> String {
    catalog
        .get::<Certification>(id)
        .map(|c| catalog.name_of(Kind::Organization, &c.issuer))
        .unwrap_or_default()
}

fn eligibility(verdicts: &[Verdict], catalog: &Catalog) -> Markup {
    let of = |status| verdicts.iter().filter(move |v| v.status == status);
    html! {
        section {
            h2 { "What you can sit now" }
            div.scroll { table {
                caption { "Eligible now (" (of(Eligibility::Eligible).count()) ")" }
                thead { tr { th scope="col" { "Credential" } th scope="col" { "Issuer" }
                    th scope="col" { "By the route" } } }
                tbody { @for v in of(Eligibility::Eligible) {
                    tr { th scope="row" { (v.name) } td { (issuer(catalog, &v.id)) }
                        td { (v.route.as_deref().unwrap_or_default()) } } } }
            } }
            @let unruled: Vec<&str> = of(Eligibility::Unknown)
                .filter(|v| v.route.is_none()).map(|v| v.name.as_str()).collect();
            @if !unruled.is_empty() {
                p { strong { "Rules not in the data" } " (ask the issuer): " (unruled.join(", ")) "." }
            }
            div.scroll { table {
                caption { "To confirm with the issuer (" (of(Eligibility::Unknown).count()
                    - unruled.len()) ")" }
                thead { tr { th scope="col" { "Credential" } th scope="col" { "Issuer" }
                    th scope="col" { "What hi cannot tell" } } }
                tbody { @for v in of(Eligibility::Unknown).filter(|v| v.route.is_some()) {
                    tr { th scope="row" { (v.name) } td { (issuer(catalog, &v.id)) }
                        td { (v.first_reason) } } } }
            } }
            div.scroll { table {
                caption { "Not yet: what is missing by the closest route ("
                    (of(Eligibility::NotEligible).count()) ")" }
                thead { tr { th scope="col" { "Credential" } th scope="col" { "Issuer" }
                    th scope="col" { "Missing" } } }
                tbody { @for v in of(Eligibility::NotEligible) {
                    tr { th scope="row" { (v.name) } td { (issuer(catalog, &v.id)) }
                        td { (v.first_reason) } } } }
            } }
            p.note { "Each line gives the first reason; " code { "hi eligible --explain" }
                " gives every route in full." }
        }
    }
}

fn plan_section(
    plan: &Plan,
    role: &Role,
    catalog: &Catalog,
    standing: &Standing,
    links: Links,
) -> Markup {
    let bars: Vec<Bar> = plan
        .steps
        .iter()
        .map(|s| Bar {
            label: format!("{}. {}", s.order, s.verdict.name),
            amount: Some(u64::from(s.cost.total_usd)).filter(|&t| t > 0 || !s.cost.lower_bound),
            note: match s.cost.lower_bound {
                true => "at least: a piece is unknown".to_string(),
                false => String::new(),
            },
        })
        .collect();
    let desc: Vec<String> = plan
        .steps
        .iter()
        .map(|s| {
            let total = total_usd(s.cost.total_usd, s.cost.lower_bound).text;
            format!("{}: {total}", s.verdict.name)
        })
        .collect();
    let title = format!("Cost of each credential over {} years", plan.years);
    let skills: Vec<&str> = plan.gap.missing.iter().map(|s| s.name.as_str()).collect();
    html! {
        section {
            h2 { "A plan toward " (role.name) }
            p { "Skills the role needs that you have not named: "
                @if skills.is_empty() { "none" } @else { (skills.join(", ")) } "." }
            div.scroll { table {
                caption { "Credentials in order, eligible now first" }
                thead { tr { th scope="col" { "Step" } th scope="col" { "Credential" }
                    th scope="col" { "Now" } th scope="col" { "Cost, " (plan.years) " years" }
                    th scope="col" { "Why" } } }
                tbody { @for s in &plan.steps { tr {
                    td.num { (s.order) }
                    th scope="row" { (s.verdict.name) }
                    td { (s.verdict.status.label())
                        @if !s.verdict.first_reason.is_empty() {
                            br; small { (s.verdict.first_reason) } } }
                    td { (total_usd(s.cost.total_usd, s.cost.lower_bound).text)
                        br; (fees_cited(&s.verdict.id, catalog, standing, links)) }
                    // The first reason is the verdict, shown beside it already.
                    td { small { (s.why.iter().skip(1).cloned().collect::<Vec<_>>().join("; ")) } }
                } } }
            } }
            (chart::bars("plan-cost", &title, &desc.join("; "), &bars,
                html! { "Exam and renewals at non-member prices unless asked; an unknown piece "
                    "makes a total a lower bound." }))
        }
    }
}

/// The date and source of a credential's current fees.
fn fees_cited(id: &str, catalog: &Catalog, standing: &Standing, links: Links) -> Markup {
    match catalog
        .get::<Certification>(id)
        .ok()
        .and_then(|c| c.fees.as_ref())
    {
        Some(f) => html! { "fees " (cited(links, standing, f.as_of, &f.source)) },
        None => html! { "fees " (unknown()) },
    }
}

fn held(statuses: &[Status], catalog: &Catalog, today: Date) -> Markup {
    html! {
        @if !statuses.is_empty() {
            section {
                h2 { "The credentials you hold" }
                @for s in statuses { (credential(s, catalog, today)) }
            }
        }
    }
}

fn credential(s: &Status, catalog: &Catalog, today: Date) -> Markup {
    let pace = s.pace_words();
    html! {
        article.held {
            h3 { (s.name) ", earned " (s.earned.to_string()) }
            dl.facts {
                dt { "Cycle" }
                dd { @match (s.cycle, s.cycle_start, s.cycle_end, s.days_left) {
                    (Some(n), Some(start), Some(end), Some(days)) => {
                        "cycle " (n) ": " (start.to_string()) " to " (end.to_string())
                        ", " (days) " days left" }
                    _ => (unknown()),
                } }
                dt { "Apply by" }
                dd { @match s.apply_by { Some(d) => (d.to_string()), None => "not in the data" } }
                dt { "Renewal fee" } dd { (usd(s.renewal_fee_usd).text) }
                dt { "Pace" } dd { (pace) }
            }
            @for a in &s.attention { p.attention { (a) } }
            @for n in &s.notes { p.note { (n) } }
            @if !s.requirements.is_empty() { (requirements(s)) }
            (cycle_timeline(s, catalog, today))
        }
    }
}

fn requirements(s: &Status) -> Markup {
    html! {
        div.scroll { table {
            caption { "CE hours of this cycle, by requirement" }
            thead { tr { th scope="col" { "Requirement" } th scope="col" { "Done" }
                th scope="col" { "Due" } th scope="col" { "Still to do" }
                th scope="col" { "Progress" } } }
            tbody { @for r in &s.requirements { tr {
                th scope="row" { (r.name) }
                td.num { (r.done_hours.to_string()) }
                // A category the rule caps, or leaves open, asks for nothing: its rule says so.
                @match (r.required_hours, &r.limit) {
                    (Some(h), _) => td.num { (h.to_string()) },
                    (None, Some(limit)) => td.num.rule { (limit) },
                    (None, None) => td.num { (unknown()) },
                }
                @match (r.remaining_hours, r.required_hours, &r.limit) {
                    // Hours logged without a category may yet count toward it.
                    (Some(h), _, _) if r.met.is_none() => td.num { "up to " (h.to_string()) },
                    (Some(h), _, _) => td.num { (h.to_string()) },
                    (None, None, Some(_)) => td.num {},
                    _ => td.num { (unknown()) },
                }
                td { @if let Some(due) = r.required_hours {
                    (chart::progress(r.done_hours.0, due.0,
                        &format!("{} of {} hours", r.done_hours, due))) } }
            } } }
        } }
    }
}

/// The current cycle from its first day to its last, with today and the day to apply by.
fn cycle_timeline(s: &Status, catalog: &Catalog, today: Date) -> Markup {
    let (Some(start), Some(end)) = (s.cycle_start, s.cycle_end) else {
        return html! {};
    };
    let span = (end - start).get_days().max(1) as f64;
    let at = |d: Date| (d - start).get_days() as f64 / span;
    let mut marks = vec![Mark {
        at: at(today),
        label: format!("today, {today}"),
        class: "today",
    }];
    if let Some(apply) = s.apply_by {
        marks.push(Mark {
            at: at(apply),
            label: format!("apply by {apply}"),
            class: "apply",
        });
    }
    marks.push(Mark {
        at: 1.0,
        label: format!("cycle ends {end}"),
        class: "end",
    });
    let name = catalog.name_of(Kind::Certification, &s.id);
    let title = format!("{name}: this renewal cycle");
    let desc = format!(
        "From {start} to {end}; today is {today}; apply by {}.",
        s.apply_by
            .map_or("a date the data does not give".to_string(), |d| d
                .to_string())
    );
    chart::timeline(
        &format!("cycle-{}", s.id),
        (&title, &desc),
        (&start.to_string(), &end.to_string()),
        &marks,
        html! {},
    )
}
