//! How records and figures read as text: money, dates, durations, bars, links to other
//! records, and the one-line summaries of a figure that several views share.

use crate::catalog::Catalog;
use crate::model::{Date, Exam, Fees, Kind, Renewal, Route, Salary, Source, SourceKind};
use crate::output::{Cell, Detail, Table, Tone};

/// Linked records as "Name (id)", one line each.
pub fn linked(catalog: &Catalog, kind: Kind, ids: &[String]) -> Vec<String> {
    ids.iter()
        .map(|id| format!("{} ({id})", catalog.name_of(kind, id)))
        .collect()
}

/// Linked records as a comma-separated list of names, for a table cell.
pub fn names(catalog: &Catalog, kind: Kind, ids: &[String]) -> String {
    ids.iter()
        .map(|id| catalog.name_of(kind, id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The closing section of every detail view: each source with its publisher, kind and date,
/// once each, in the order first cited.
pub fn sources_section<S: AsRef<str>>(
    detail: &mut Detail,
    catalog: &Catalog,
    ids: impl IntoIterator<Item = S>,
) {
    let mut seen: Vec<S> = Vec::new();
    let mut listed: std::collections::HashSet<String> = std::collections::HashSet::new();
    for id in ids {
        if listed.insert(id.as_ref().to_string()) {
            seen.push(id);
        }
    }
    let lines = seen
        .iter()
        .map(|id| match catalog.get::<Source>(id.as_ref()) {
            Ok(s) => format!(
                "[{}] {} — {} ({}, retrieved {}) {}",
                s.id,
                s.title,
                s.publisher,
                s.kind.label(),
                s.retrieved,
                s.url
            ),
            Err(_) => id.as_ref().to_string(),
        })
        .collect();
    detail.section("Sources", lines);
}

/// "[oep-rhit-facts, third-party]": a source and its kind.
pub fn source_label(catalog: &Catalog, source: &str) -> String {
    match catalog.get::<Source>(source) {
        Ok(s) => format!("[{source}, {}]", s.kind.label()),
        Err(_) => format!("[{source}]"),
    }
}

/// Whole US dollars as `$1,234`, or "unknown".
pub fn usd(amount: Option<impl Into<u32>>) -> Cell {
    match amount {
        Some(amount) => format!("${}", thousands(u64::from(amount.into()))).into(),
        None => Cell::unknown(),
    }
}

/// A total of known amounts: `$567`, `at least $567` when some piece is unknown, or
/// `unknown` when nothing is known (never `$0` for a total nobody gave).
pub fn total_usd(total: impl Into<u64>, lower_bound: bool) -> Cell {
    let total = total.into();
    let text = format!("${}", thousands(total));
    match (lower_bound, total) {
        (true, 0) => Cell::unknown(),
        (true, _) => Cell::new(format!("at least {text}"), Tone::Unsure),
        (false, _) => text.into(),
    }
}

/// US cents as `$23.98` (or `$67,534` when there are no cents).
pub fn cents(amount: u64) -> String {
    let (dollars, cents) = (amount / 100, amount % 100);
    if cents == 0 {
        format!("${}", thousands(dollars))
    } else {
        format!("${}.{cents:02}", thousands(dollars))
    }
}

pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// A number with its unit, or "unknown".
pub fn count(value: Option<impl Into<u32>>, unit: &str) -> Cell {
    value.map_or_else(Cell::unknown, |v| format!("{} {unit}", v.into()).into())
}

/// Minutes as "2 h", "3.5 h" or "90 min", or "unknown".
pub fn duration(minutes: Option<impl Into<u32>>) -> Cell {
    let text = match minutes.map(Into::into) {
        None => return Cell::unknown(),
        Some(m) if m % 60 == 0 => format!("{} h", m / 60),
        Some(m) if m % 30 == 0 => format!("{}.5 h", m / 60),
        Some(m) => format!("{m} min"),
    };
    text.into()
}

/// A horizontal bar `width` cells long at `max`, drawn in eighths of a cell, for the eye.
pub fn bar(value: u64, max: u64, width: u64) -> String {
    if max == 0 {
        return String::new();
    }
    let eighths = (value.min(max) * width * 8).div_ceil(max);
    let mut bar = "█".repeat((eighths / 8) as usize);
    if !eighths.is_multiple_of(8) {
        bar.push([' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][(eighths % 8) as usize]);
    }
    bar
}

/// Figures older than this many years are toned as stale in tables.
pub const STALE_YEARS: u32 = 3;

/// Whether all of `date` lies more than `years` years before `today`. A figure "as of 2023" is
/// only surely older than a cutoff once the last day of 2023 is.
pub fn is_older_than(date: Date, years: u32, today: jiff::civil::Date) -> bool {
    let month = date.month.unwrap_or(12) as i8;
    let first =
        jiff::civil::Date::new(date.year as i16, month, 1).unwrap_or(jiff::civil::Date::MAX);
    let last = match date.day {
        Some(day) => first.with().day(day as i8).build().unwrap_or(first),
        None => first.last_of_month(),
    };
    let span = jiff::Span::new().try_years(i64::from(years));
    match span.ok().and_then(|span| today.checked_sub(span).ok()) {
        Some(cutoff) => last < cutoff,
        // A cutoff before the calendar begins: nothing is that old.
        None => false,
    }
}

/// A date, or "unknown".
pub fn date(date: Option<Date>) -> Cell {
    date.map_or_else(Cell::unknown, |d| d.to_string().into())
}

pub fn renewal_summary(renewal: &Renewal) -> String {
    match (renewal.cycle_years, renewal.ce_hours) {
        (Some(years), Some(hours)) => format!("every {years} y, {hours} CE h"),
        (Some(years), None) => format!("every {years} y, CE unknown"),
        (None, Some(hours)) => format!("cycle unknown, {hours} CE h"),
        (None, None) => "unknown".to_string(),
    }
}

/// A projected change in employment, "+9% (2024–34)", or "unknown".
pub fn outlook(percent: Option<i32>, period: Option<&str>) -> Cell {
    match (percent, period) {
        (Some(p), Some(period)) => format!("{p:+}% ({period})").into(),
        (Some(p), None) => format!("{p:+}%").into(),
        _ => Cell::unknown(),
    }
}

/// Where a figure stands: how old it is against today, and who gives it. Every view that shows
/// a figure asks this one place, so a detail view says of each figure whether its source is
/// the issuer, a government body or a third party, and a list marks the figures only third
/// parties give and those older than [`STALE_YEARS`].
pub struct Standing<'a> {
    catalog: &'a Catalog,
    today: jiff::civil::Date,
}

/// The mark of a figure that only third parties give.
const THIRD_PARTY: &str = "†";
/// The mark of a figure older than [`STALE_YEARS`].
const STALE: &str = "*";
const BOTH: &str = "†*";

impl<'a> Standing<'a> {
    pub fn new(catalog: &'a Catalog, today: jiff::civil::Date) -> Standing<'a> {
        Standing { catalog, today }
    }

    pub fn today(&self) -> jiff::civil::Date {
        self.today
    }

    /// Whether the source is a third party's (the seed article is one): no issuer or
    /// government stands behind the figure.
    pub fn third_party_only(&self, source: &str) -> bool {
        self.catalog
            .get::<Source>(source)
            .is_ok_and(|s| matches!(s.kind, SourceKind::ThirdParty | SourceKind::SeedArticle))
    }

    /// Whether a figure is more than [`STALE_YEARS`] old; an undated one cannot be said to be.
    pub fn is_stale(&self, as_of: Option<Date>) -> bool {
        as_of.is_some_and(|d| is_older_than(d, STALE_YEARS, self.today))
    }

    /// How a figure dated `as_of` from `source` stands, for a view that lays it out itself
    /// (a web page links the source and marks its kind and age).
    pub fn cite<'s>(&self, as_of: Option<Date>, source: &'s str) -> Cite<'s>
    where
        'a: 's,
    {
        Cite {
            id: source,
            source: self.catalog.get::<Source>(source).ok(),
            as_of,
            third_party: self.third_party_only(source),
            stale: self.is_stale(as_of),
        }
    }

    /// "as of 2026 [oep-rhit-facts, third-party]": the date, how old it is if stale, and the
    /// source with its kind.
    pub fn cited(&self, as_of: Option<Date>, source: &str) -> String {
        format!(
            "{} {}",
            self.cite(as_of, source).dated(),
            self.source(source)
        )
    }

    /// "[oep-rhit-facts, third-party]": a source and its kind.
    pub fn source(&self, source: &str) -> String {
        source_label(self.catalog, source)
    }

    /// A figure's cell in a list, marked as the legend says.
    pub fn mark(&self, cell: Cell, as_of: Option<Date>, source: &str) -> Cell {
        let mark = match (self.third_party_only(source), self.is_stale(as_of)) {
            (true, true) => Some(BOTH),
            (true, false) => Some(THIRD_PARTY),
            (false, true) => Some(STALE),
            (false, false) => None,
        };
        let tone = match self.is_stale(as_of) {
            true => Some(Tone::Stale),
            false => cell.tone,
        };
        Cell { mark, tone, ..cell }
    }

    /// A figure's date in a list: "undated" when its source states none.
    pub fn date(&self, as_of: Option<Date>, source: &str) -> Cell {
        let text = as_of.map_or("undated".to_string(), |d| d.to_string());
        self.mark(text.into(), as_of, source)
    }

    /// Explains, under a table, the marks its cells carry.
    pub fn legend(&self, table: &mut Table) {
        let uses = |sign: &str| {
            table
                .rows
                .iter()
                .flatten()
                .any(|c| c.mark.is_some_and(|m| m.contains(sign)))
        };
        let mut legend = Vec::new();
        if uses(THIRD_PARTY) {
            legend.push(format!(
                "{THIRD_PARTY} only a third party gives this figure"
            ));
        }
        if uses(STALE) {
            legend.push(format!(
                "{STALE} more than {STALE_YEARS} years before today ({})",
                self.today
            ));
        }
        table.legend = legend;
    }

    pub fn route(&self, route: &Route) -> String {
        with_note(
            format!("{} {}", route.label, self.source(&route.source)),
            &route.note,
        )
    }

    pub fn exam(&self, exam: &Exam) -> String {
        let mut parts = vec![match exam.duration_minutes {
            Some(minutes) => duration(Some(minutes)).text,
            None => "length unknown".to_string(),
        }];
        parts.push(match (exam.questions, exam.scored_questions) {
            (Some(q), Some(s)) => format!("{q} questions ({s} scored)"),
            (Some(q), None) => format!("{q} questions"),
            (None, _) => "questions unknown".to_string(),
        });
        if let Some(format) = &exam.format {
            parts.push(format.clone());
        }
        let cited = self.cited(exam.as_of, &exam.source);
        with_note(format!("{} — {cited}", parts.join(", ")), &exam.note)
    }

    pub fn fees(&self, fees: &Fees) -> String {
        let mut parts = match (fees.member_usd, fees.non_member_usd, fees.price_usd) {
            // A price with no tier is never shown as either tier, nor beside two unknowns.
            (None, None, Some(_)) => Vec::new(),
            (member, non_member, _) => vec![
                format!("member {}", usd(member)),
                format!("non-member {}", usd(non_member)),
            ],
        };
        if let Some(affiliate) = fees.affiliate_usd {
            parts.push(format!("organizational affiliate {}", usd(Some(affiliate))));
        }
        if let Some(price) = fees.price_usd {
            parts.push(format!("{} (no membership tier stated)", usd(Some(price))));
        }
        if let Some(saving) = fees.member_saving_usd {
            parts.push(format!("membership saves {}", usd(Some(saving))));
        }
        let cited = self.cited(fees.as_of, &fees.source);
        with_note(format!("{} — {cited}", parts.join(", ")), &fees.note)
    }

    /// A current fee's date in a list and, when it is old and undated observations were
    /// written after it, what the last of them gives: it may be newer.
    pub fn fees_date(&self, fees: &Fees, history: &[Fees]) -> Cell {
        let mut cell = self.date(fees.as_of, &fees.source);
        let later = self.undated_later(fees.as_of, &fees.undated_later, history, |f| {
            // In a list, one amount says enough: the detail view gives the rest.
            let amount = f.price_usd.or(f.non_member_usd).or(f.member_usd);
            usd(amount).text
        });
        if let Some(last) = later.last() {
            cell.text += &format!("; an undated later source gives {last}");
        }
        cell
    }

    /// What the undated observations written after a current one give (`says`), with their
    /// sources, when the current one is older than [`STALE_YEARS`]: the rule ranks it above
    /// them, but they may be newer. Empty while the current one is recent.
    pub fn undated_later<T>(
        &self,
        as_of: Option<Date>,
        later: &[usize],
        history: &[T],
        says: impl Fn(&T) -> String,
    ) -> Vec<String> {
        if !self.is_stale(as_of) {
            return Vec::new();
        }
        later
            .iter()
            .filter_map(|&i| history.get(i))
            .map(says)
            .collect()
    }

    /// One line for a salary figure in another record's view.
    pub fn salary(&self, s: &Salary) -> String {
        format!(
            "{}: {} {} per {} — {}",
            s.subject,
            s.statistic,
            cents(s.amount_cents.get().into()),
            s.period.keyword(),
            self.cited(s.as_of, &s.source)
        )
    }
}

/// Where one figure stands: its source (when the catalog has it), the date that source states,
/// whether only a third party gives it, and whether it is older than [`STALE_YEARS`].
#[derive(Debug, Clone, Copy)]
pub struct Cite<'a> {
    pub id: &'a str,
    pub source: Option<&'a Source>,
    pub as_of: Option<Date>,
    pub third_party: bool,
    pub stale: bool,
}

impl Cite<'_> {
    /// "as of 2026", "as of 2020, over 3 years old" or "undated".
    pub fn dated(&self) -> String {
        match self.as_of {
            Some(d) if self.stale => format!("as of {d}, over {STALE_YEARS} years old"),
            Some(d) => format!("as of {d}"),
            None => "undated".to_string(),
        }
    }

    /// Who stands behind the figure: "issuer", "government", "third-party", ...
    pub fn kind(&self) -> &'static str {
        self.source
            .map_or("source not in the data", |s| s.kind.label())
    }
}

/// The amounts a fee observation gives, and no unknown: `member $270, non-member $395`, or
/// `$395 (no tier stated)`.
pub fn amounts(fees: &Fees) -> String {
    let tiers = [
        ("member ", fees.member_usd, ""),
        ("non-member ", fees.non_member_usd, ""),
        ("affiliate ", fees.affiliate_usd, ""),
        ("", fees.price_usd, " (no tier stated)"),
    ];
    let known: Vec<String> = tiers
        .iter()
        .filter_map(|&(tier, amount, after)| {
            amount.map(|a| format!("{tier}{}{after}", usd(Some(a)).text))
        })
        .collect();
    match known.is_empty() {
        true => "no amount".to_string(),
        false => known.join(", "),
    }
}

/// Whether two fee observations give different amounts for a tier both give: sources that
/// conflict, rather than one saying less than the other.
pub fn conflict(a: &Fees, b: &Fees) -> bool {
    let tiers = |f: &Fees| [f.member_usd, f.non_member_usd, f.affiliate_usd, f.price_usd];
    tiers(a)
        .into_iter()
        .zip(tiers(b))
        .any(|(x, y)| matches!((x, y), (Some(x), Some(y)) if x != y))
}

/// `line`, then its note when there is one.
pub fn with_note(line: String, note: &Option<String>) -> String {
    match note {
        Some(note) => format!("{line} — note: {note}"),
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_grouped_and_exact() {
        assert_eq!(usd(Some(67534u32)).text, "$67,534");
        assert_eq!(usd(Some(229u32)).text, "$229");
        assert_eq!(usd(None::<u32>), Cell::unknown());
        assert_eq!(cents(2398), "$23.98");
        assert_eq!(cents(11_800_000), "$118,000");
        assert_eq!(cents(5), "$0.05");
    }

    #[test]
    fn a_total_of_nothing_known_is_unknown_not_zero() {
        assert_eq!(total_usd(1_234u32, false).text, "$1,234");
        assert_eq!(total_usd(0u32, false).text, "$0");
        assert_eq!(total_usd(567u32, true).text, "at least $567");
        assert_eq!(total_usd(0u32, true), Cell::unknown());
    }

    #[test]
    fn bars_scale_to_the_largest() {
        assert_eq!(bar(10, 10, 4), "████");
        assert_eq!(bar(5, 10, 4), "██");
        assert_eq!(bar(1, 16, 2), "▏");
        assert_eq!(bar(0, 10, 4), "");
        assert_eq!(bar(3, 0, 4), "");
    }

    #[test]
    fn a_figure_is_old_only_once_all_of_its_period_is() {
        let today = jiff::civil::date(2026, 11, 27);
        let date = |t: &str| Date::parse(t).unwrap();
        let cases = [
            ("2020", 3, true),
            ("2023", 3, false),
            ("2023-11-26", 3, true),
            ("2023-11-27", 3, false),
            ("2023-11", 3, false),
            ("2023-10", 3, true),
            ("2026-11-27", 0, false),
            ("2026-11-26", 0, true),
            ("1900", 200, false),
            ("2020", u32::MAX, false),
        ];
        for (figure, years, old) in cases {
            assert_eq!(
                is_older_than(date(figure), years, today),
                old,
                "{figure} > {years} y"
            );
        }
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(Some(120u32)).text, "2 h");
        assert_eq!(duration(Some(210u32)).text, "3.5 h");
        assert_eq!(duration(Some(75u32)).text, "75 min");
        assert_eq!(duration(None::<u32>), Cell::unknown());
        assert_eq!(duration(Some(90u32)).tone, None);
    }
}
