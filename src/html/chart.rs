//! Pictures as inline SVG, drawn through maud so that every label is escaped like the rest of
//! the page. Each is a `<figure>` whose `<svg role="img">` carries a title and a description
//! (its text alternative) and whose caption is the legend; the page puts the figures' table,
//! with their sources, beside it. An amount nobody gives is drawn as a dashed box marked "?",
//! never as a bar of zero.

use maud::{Markup, html};

use crate::show::thousands;

/// The drawing's width in SVG units; it scales to the width of the page.
const WIDTH: f64 = 480.0;
/// The height of the box that stands for an unknown amount.
const UNKNOWN_HEIGHT: f64 = 16.0;

/// A number for an SVG attribute: at most one decimal.
fn n(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    match rounded.fract() == 0.0 {
        true => format!("{rounded:.0}"),
        false => format!("{rounded:.1}"),
    }
}

fn dollars(amount: u64) -> String {
    format!("${}", thousands(amount))
}

/// A figure: the SVG drawing with its title and description, and the caption below it.
fn figure(id: &str, title: &str, desc: &str, height: f64, body: Markup, legend: Markup) -> Markup {
    let labelled = format!("{id}-title {id}-desc");
    html! {
        figure.chart {
            svg viewBox=(format!("0 0 {} {}", n(WIDTH), n(height))) role="img"
                aria-labelledby=(labelled) xmlns="http://www.w3.org/2000/svg" {
                title id=(format!("{id}-title")) { (title) }
                desc id=(format!("{id}-desc")) { (desc) }
                (body)
            }
            figcaption { strong { (title) } " " (legend) }
        }
    }
}

/// One bar's piece: its class (its colour in the style sheet) and amount, or `None` unknown.
#[derive(Debug, Clone)]
pub struct Segment {
    pub class: &'static str,
    pub amount: Option<u64>,
}

/// A column of the chart: its label below the axis and its pieces, bottom first.
#[derive(Debug, Clone)]
pub struct Column {
    pub label: String,
    pub segments: Vec<Segment>,
}

/// How a column's pieces stand: on one another (a year's exam, renewal and dues), or side by
/// side (an observation's member and non-member prices).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Stacked,
    SideBySide,
}

/// What each class of piece is called in the legend.
pub type Legend<'a> = &'a [(&'static str, &'static str)];

/// A scale from 0 to a round number at or above `max` (a multiple of half its leading power
/// of ten), and its ticks.
fn scale(max: u64) -> (u64, [u64; 3]) {
    let top = match max {
        0 => 100,
        m => {
            let unit = (10u64.pow(m.ilog10()) / 2).max(1);
            m.div_ceil(unit) * unit
        }
    };
    (top, [0, top / 2, top])
}

/// A drawn piece of a column.
struct Piece {
    class: String,
    /// Where the piece starts across its column, and how wide it is, as shares of the bar.
    left: f64,
    width: f64,
    top: f64,
    height: f64,
    /// Its amount, written above it, when pieces stand side by side.
    label: Option<u64>,
    unknown: bool,
}

/// A column's pieces, the known ones stacked to scale from the axis and the unknown ones as
/// boxes above them; with the known sum and the top of the stack.
fn stack(column: &Column, y: &dyn Fn(u64) -> f64) -> (Vec<Piece>, u64, f64) {
    let mut pieces = Vec::new();
    let mut base = 0u64;
    for segment in &column.segments {
        if let Some(amount) = segment.amount {
            let top = y(base + amount);
            pieces.push(Piece {
                class: segment.class.to_string(),
                left: 0.0,
                width: 1.0,
                top,
                height: y(base) - top,
                label: None,
                unknown: false,
            });
            base += amount;
        }
    }
    let mut summit = y(base);
    for segment in column.segments.iter().filter(|s| s.amount.is_none()) {
        summit -= UNKNOWN_HEIGHT;
        pieces.push(Piece {
            class: format!("{} unknown", segment.class),
            left: 0.0,
            width: 1.0,
            top: summit,
            height: UNKNOWN_HEIGHT,
            label: None,
            unknown: true,
        });
    }
    (pieces, base, summit)
}

/// A column's pieces side by side, each from the axis, each with its amount above it; an
/// unknown one a box on the axis.
fn side_by_side(column: &Column, y: &dyn Fn(u64) -> f64) -> Vec<Piece> {
    let share = 1.0 / column.segments.len().max(1) as f64;
    column
        .segments
        .iter()
        .enumerate()
        .map(|(i, segment)| {
            let (top, height, unknown) = match segment.amount {
                Some(amount) => (y(amount), y(0) - y(amount), false),
                None => (y(0) - UNKNOWN_HEIGHT, UNKNOWN_HEIGHT, true),
            };
            Piece {
                class: match unknown {
                    true => format!("{} unknown", segment.class),
                    false => segment.class.to_string(),
                },
                left: share * i as f64,
                width: share * 0.9,
                top,
                height,
                label: segment.amount,
                unknown,
            }
        })
        .collect()
}

/// Stacked columns on a dollar axis: the cost of each year, or each observation's fees side by
/// side when each column has one piece.
pub fn columns(
    id: &str,
    (title, desc): (&str, &str),
    layout: Layout,
    columns: &[Column],
    legend: Legend,
) -> Markup {
    // Room above the tallest column for the unknown pieces stacked on it, and its total.
    let unknowns = match layout {
        Layout::Stacked => columns
            .iter()
            .map(|c| c.segments.iter().filter(|s| s.amount.is_none()).count())
            .max()
            .unwrap_or(0),
        Layout::SideBySide => 0,
    };
    let (left, bottom, top) = (52.0, 24.0, 18.0 + UNKNOWN_HEIGHT * unknowns as f64);
    let height = 182.0 + top;
    let plot = height - bottom - top;
    let max = columns
        .iter()
        .map(|c| {
            let amounts = c.segments.iter().filter_map(|s| s.amount);
            match layout {
                Layout::Stacked => amounts.sum::<u64>(),
                Layout::SideBySide => amounts.max().unwrap_or(0),
            }
        })
        .max()
        .unwrap_or(0);
    let (scale_top, ticks) = scale(max);
    let y = |amount: u64| height - bottom - plot * amount as f64 / scale_top as f64;
    let slot = (WIDTH - left - 4.0) / columns.len().max(1) as f64;
    let bar = match layout {
        Layout::Stacked => (slot * 0.6).min(48.0),
        Layout::SideBySide => (slot * 0.8).min(96.0),
    };
    let body = html! {
        @for tick in ticks {
            line.grid x1=(n(left)) x2=(n(WIDTH)) y1=(n(y(tick))) y2=(n(y(tick))) {}
            text.tick x=(n(left - 4.0)) y=(n(y(tick) + 4.0)) text-anchor="end" { (dollars(tick)) }
        }
        @for (i, column) in columns.iter().enumerate() {
            @let x = left + slot * i as f64 + (slot - bar) / 2.0;
            @let (pieces, known, summit) = match layout {
                Layout::Stacked => stack(column, &y),
                Layout::SideBySide => (side_by_side(column, &y), 0, 0.0),
            };
            @for piece in &pieces {
                @let (px, pw) = (x + bar * piece.left, bar * piece.width);
                rect class=(piece.class) x=(n(px)) y=(n(piece.top)) width=(n(pw))
                    height=(n(piece.height)) {}
                @if piece.unknown {
                    text.unknown-mark x=(n(px + pw / 2.0)) y=(n(piece.top + 12.0))
                        text-anchor="middle" { "?" }
                }
                @if let Some(amount) = piece.label {
                    text.value x=(n(px + pw / 2.0)) y=(n((piece.top - 4.0).max(10.0)))
                        text-anchor="middle" { (dollars(amount)) }
                }
            }
            @if known > 0 {
                text.value x=(n(x + bar / 2.0)) y=(n((summit - 4.0).max(10.0)))
                    text-anchor="middle" { (dollars(known)) }
            }
            text.tick x=(n(x + bar / 2.0)) y=(n(height - 8.0)) text-anchor="middle" {
                (column.label)
            }
        }
    };
    let key = key(columns, legend);
    figure(id, title, desc, height, body, key)
}

/// The legend of a column chart: only what the drawing shows, and the unknown box.
fn key(columns: &[Column], legend: Legend) -> Markup {
    // The legend names only what the drawing shows.
    let shown = |class: &str| {
        columns
            .iter()
            .any(|c| c.segments.iter().any(|s| s.class == class))
    };
    html! {
        @for (class, label) in legend.iter().filter(|(class, _)| shown(class)) {
            span.key { svg.swatch viewBox="0 0 10 10" aria-hidden="true" {
                rect class=(*class) width="10" height="10" {} } " " (label) }
        }
        @if columns.iter().any(|c| c.segments.iter().any(|s| s.amount.is_none())) {
            span.key { svg.swatch viewBox="0 0 10 10" aria-hidden="true" {
                rect.unknown width="10" height="10" {} } " unknown amount (not to scale, never zero)" }
        }
    }
}

/// A horizontal bar: its label, its amount (or `None`: no figure), and what follows the
/// amount ("as of 2024-05").
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub amount: Option<u64>,
    pub note: String,
}

/// Horizontal bars, one a row: its label above it, its amount after it, its note below.
pub fn bars(id: &str, title: &str, desc: &str, bars: &[Bar], legend: Markup) -> Markup {
    let row = 54.0;
    let height = row * bars.len().max(1) as f64 + 4.0;
    let max = bars
        .iter()
        .filter_map(|b| b.amount)
        .max()
        .unwrap_or(0)
        .max(1);
    let room = WIDTH - 100.0;
    let body = html! {
        @for (i, b) in bars.iter().enumerate() {
            @let top = row * i as f64 + 4.0;
            text.label x="2" y=(n(top + 12.0)) { (b.label) }
            @match b.amount {
                Some(amount) => {
                    @let width = (room * amount as f64 / max as f64).max(2.0);
                    rect.bar x="2" y=(n(top + 17.0)) width=(n(width)) height="12" {}
                    text.value x=(n(width + 8.0)) y=(n(top + 27.0)) { (dollars(amount)) }
                }
                None => {
                    rect.bar.unknown x="2" y=(n(top + 17.0)) width="24" height="12" {}
                    text.value x="34" y=(n(top + 27.0)) { "unknown" }
                }
            }
            text.tick x="2" y=(n(top + 44.0)) { (b.note) }
        }
    };
    figure(id, title, desc, height, body, legend)
}

/// A point on a timeline, as a share of its span (0 its start, 1 its end).
#[derive(Debug, Clone)]
pub struct Mark {
    pub at: f64,
    pub label: String,
    /// `end` (a cycle ends), `apply` (apply by), `today`, `start`.
    pub class: &'static str,
}

/// A timeline: a line from `span.0` to `span.1` and its marks, each labelled mark on a row of
/// its own so that near ones never overlap; a mark with an empty label is a dot alone, which
/// the legend explains.
pub fn timeline(
    id: &str,
    (title, desc): (&str, &str),
    span: (&str, &str),
    marks: &[Mark],
    legend: Markup,
) -> Markup {
    let labelled = marks.iter().filter(|m| !m.label.is_empty()).count();
    let (left, right, axis, row) = (8.0, WIDTH - 8.0, 30.0, 19.0);
    let height = axis + row * labelled as f64 + 10.0;
    let x = |at: f64| left + (right - left) * at.clamp(0.0, 1.0);
    let mut next_row = 0.0;
    let rows: Vec<Option<f64>> = marks
        .iter()
        .map(|m| {
            (!m.label.is_empty()).then(|| {
                next_row += 1.0;
                axis + row * next_row
            })
        })
        .collect();
    let body = html! {
        line.axis x1=(n(left)) x2=(n(right)) y1=(n(axis)) y2=(n(axis)) {}
        text.tick x=(n(left)) y="14" { (span.0) }
        text.tick x=(n(right)) y="14" text-anchor="end" { (span.1) }
        @for (mark, label_y) in marks.iter().zip(&rows) {
            @let at = x(mark.at);
            @if let Some(label_y) = label_y {
                @let anchor = if mark.at > 0.5 { "end" } else { "start" };
                line class=(format!("mark {}", mark.class)) x1=(n(at)) x2=(n(at))
                    y1=(n(axis)) y2=(n(label_y - 4.0)) {}
                text class=(format!("mark-label {}", mark.class)) x=(n(at)) y=(n(*label_y))
                    text-anchor=(anchor) { (mark.label) }
            }
            circle class=(format!("dot {}", mark.class)) cx=(n(at)) cy=(n(axis)) r="5" {}
        }
    };
    figure(id, title, desc, height, body, legend)
}

/// A small bar of hours done against hours due, for a table cell.
pub fn progress(done: u32, due: u32, label: &str) -> Markup {
    let share = match due {
        0 => 1.0,
        due => (f64::from(done) / f64::from(due)).min(1.0),
    };
    html! {
        svg.progress viewBox="0 0 100 8" role="img" aria-label=(label)
            xmlns="http://www.w3.org/2000/svg" {
            rect.track width="100" height="8" {}
            rect.done width=(n(100.0 * share)) height="8" {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_end_on_a_round_number_at_or_above_the_largest() {
        assert_eq!(scale(0).0, 100);
        assert_eq!(scale(7).0, 7);
        assert_eq!(scale(459).0, 500);
        assert_eq!(scale(729).0, 750);
        assert_eq!(scale(1_234).0, 1_500);
        assert_eq!(scale(67_534).0, 70_000);
        assert_eq!(scale(300).1, [0, 150, 300]);
    }

    #[test]
    fn an_unknown_piece_is_drawn_as_unknown_and_labels_are_escaped() {
        let columns_ = [Column {
            label: "<year 1>".to_string(),
            segments: vec![
                Segment {
                    class: "exam",
                    amount: Some(300),
                },
                Segment {
                    class: "renewal",
                    amount: None,
                },
            ],
        }];
        let svg = columns(
            "c",
            ("Cost & more", "d"),
            Layout::Stacked,
            &columns_,
            &[("exam", "exam")],
        )
        .into_string();
        assert!(svg.contains("&lt;year 1&gt;"), "{svg}");
        assert!(svg.contains("Cost &amp; more"));
        assert!(svg.contains("class=\"renewal unknown\""));
        assert!(svg.contains(">?<"));
        assert!(
            !svg.contains("height=\"0\""),
            "an unknown amount is no bar of zero: {svg}"
        );
    }

    #[test]
    fn numbers_in_drawings_are_short() {
        assert_eq!(n(12.0), "12");
        assert_eq!(n(12.345), "12.3");
    }
}
