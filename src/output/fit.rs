//! Fitting a table to the terminal, as `gh`, `eza` and `bat` do at narrow widths: `gh` keeps
//! the fields it must not truncate whole and shortens the rest; `bat` drops its side panel
//! rather than squeeze the text; `eza` falls back to fewer columns. Here a cell is broken only
//! between words, so an id, an amount or a date is never cut; when the width is short the
//! columns that matter least are hidden first, and free prose is shortened with "…" at a word
//! boundary rather than wrapped into many lines.

use unicode_width::UnicodeWidthStr;

use super::Column;

/// The most lines a row's free prose takes before it is shortened, and the most lines a
/// value is wrapped into before a column is hidden to make room.
pub(super) const MAX_LINES: usize = 3;

/// The narrowest a column of prose is shown: narrower, it would read a word or two a line,
/// and hiding it serves better.
const PROSE_WIDTH: usize = 20;

/// A value column at most this wide is shown whole, where the room allows, before any column
/// grows further: a status or a short name on one line reads better than a long one wider.
const SHORT_WIDTH: usize = 16;

/// How a table is laid out: which columns are shown, and how wide each one is.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Layout {
    /// The indexes of the columns shown, in order.
    pub shown: Vec<usize>,
    pub widths: Vec<usize>,
}

impl Layout {
    pub(super) fn hidden(&self, columns: usize) -> usize {
        columns - self.shown.len()
    }
}

/// The width of `text` in terminal columns.
pub(super) fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// The widest word of `text`: the narrowest a column can be without cutting one.
fn widest_word(text: &str) -> usize {
    text.split([' ', '\n']).map(width).max().unwrap_or(0)
}

fn widest_line(text: &str) -> usize {
    text.lines().map(width).max().unwrap_or(0)
}

/// The lines `text` takes in `columns` columns, each of its lines wrapped between words.
fn height(text: &str, columns: usize) -> usize {
    text.split('\n').map(|line| lines(line, columns)).sum()
}

/// How many lines [`wrap`] breaks `line` into, counted without building them: the layout asks
/// this of every cell at many widths.
fn lines(line: &str, columns: usize) -> usize {
    let (mut count, mut used) = (1, 0);
    for word in line.split(' ') {
        let wide = width(word);
        if used > 0 && used + 1 + wide > columns {
            count += 1;
            used = 0;
        } else if used > 0 {
            used += 1;
        }
        used += wide;
    }
    count
}

/// Lays out `header` and `rows` (their text as shown) in `total` columns of a terminal, with
/// the borders of a condensed UTF-8 table: one more than three per column. None when even
/// the columns ranked 1 cannot be shown without cutting a word.
pub(super) fn layout(
    columns: &[Column],
    header: &[String],
    rows: &[Vec<String>],
    total: usize,
) -> Option<Layout> {
    let cells = |i: usize| rows.iter().filter_map(move |row| row.get(i));
    let natural: Vec<usize> = (0..columns.len())
        .map(|i| {
            cells(i)
                .map(|c| widest_line(c))
                .fold(width(&header[i]), usize::max)
        })
        .collect();
    let least: Vec<usize> = (0..columns.len())
        .map(|i| {
            let word = cells(i)
                .map(|c| widest_word(c))
                .fold(widest_word(&header[i]), usize::max);
            match columns[i].prose {
                true => word.max(natural[i].min(PROSE_WIDTH)),
                false => word,
            }
        })
        .collect();
    // A value fits in few lines: the narrowest width at which each line of each of its cells
    // (an item of a list) takes at most MAX_LINES lines. A cell takes no more lines as its
    // column widens, so that width is found by halving the range from the least to the natural.
    let enough: Vec<usize> = (0..columns.len())
        .map(|i| match columns[i].prose {
            true => least[i],
            false => {
                let fits =
                    |w: usize| cells(i).all(|c| height(c, w) <= MAX_LINES * c.split('\n').count());
                let widths: Vec<usize> = (least[i]..=natural[i]).collect();
                let narrow = widths.partition_point(|&w| !fits(w));
                widths.get(narrow).copied().unwrap_or(natural[i])
            }
        })
        .collect();
    // Then a value's heading on one line, and a short value (`not eligible`) whole, before
    // any column grows further.
    let tidy: Vec<usize> = (0..columns.len())
        .map(|i| match columns[i].prose {
            true => enough[i],
            false if natural[i] <= SHORT_WIDTH => natural[i],
            false => enough[i].max(width(&header[i])),
        })
        .collect();
    let mut shown: Vec<usize> = (0..columns.len()).collect();
    loop {
        let room = total.saturating_sub(1 + 3 * shown.len());
        let sum = |widths: &[usize]| shown.iter().map(|&i| widths[i]).sum::<usize>();
        let hideable = shown
            .iter()
            .copied()
            .filter(|&i| columns[i].rank > 1)
            .max_by_key(|&i| (columns[i].rank, i));
        let widths = match hideable {
            _ if sum(&enough) <= room => {
                let tidied = share(&shown, &enough, &tidy, room);
                let mut from = enough.clone();
                for (&i, &w) in shown.iter().zip(&tidied) {
                    from[i] = w;
                }
                fill(&shown, &from, &natural, room)
            }
            Some(hide) => {
                shown.retain(|&i| i != hide);
                continue;
            }
            None if sum(&least) <= room => share(&shown, &least, &enough, room),
            None => return None,
        };
        return Some(Layout { shown, widths });
    }
}

/// Widths for the `shown` columns: each starts at `from` and grows toward `to` in proportion
/// to what it lacks, as far as `room` allows.
fn share(shown: &[usize], from: &[usize], to: &[usize], room: usize) -> Vec<usize> {
    let mut widths: Vec<usize> = shown.iter().map(|&i| from[i]).collect();
    let wants: Vec<usize> = shown.iter().map(|&i| to[i] - from[i].min(to[i])).collect();
    let wanted: usize = wants.iter().sum();
    let spare = room.saturating_sub(widths.iter().sum());
    if wanted <= spare {
        return shown.iter().map(|&i| to[i].max(from[i])).collect();
    }
    let mut given = 0;
    for (width, want) in widths.iter_mut().zip(&wants) {
        let share = want * spare / wanted;
        *width += share;
        given += share;
    }
    // What rounding left over goes, a column at a time, to those that still lack the most.
    for _ in given..spare {
        let lacking = (0..widths.len())
            .max_by_key(|&j| (wants[j] + from[shown[j]]).saturating_sub(widths[j]));
        if let Some(j) = lacking {
            widths[j] += 1;
        }
    }
    widths
}

/// Widths for the `shown` columns from `from` toward `to`, the room shared evenly, as `gh`
/// does: a column that lacks less than an even share gets all it lacks, and what it leaves
/// is shared by the others, so that short columns (labels, amounts) are whole before the
/// long ones grow.
fn fill(shown: &[usize], from: &[usize], to: &[usize], room: usize) -> Vec<usize> {
    let mut widths: Vec<usize> = shown.iter().map(|&i| from[i]).collect();
    let mut spare = room.saturating_sub(widths.iter().sum());
    let lack = |widths: &[usize], j: usize| to[shown[j]].saturating_sub(widths[j]);
    loop {
        let lacking: Vec<usize> = (0..widths.len())
            .filter(|&j| lack(&widths, j) > 0)
            .collect();
        if lacking.is_empty() || spare == 0 {
            return widths;
        }
        let even = (spare / lacking.len()).max(1);
        for j in lacking {
            let grow = lack(&widths, j).min(even).min(spare);
            widths[j] += grow;
            spare -= grow;
        }
    }
}

/// `text` broken into lines of at most `columns` columns, between words only: a word wider
/// than a line (a long URL) stands alone on its line, whole, for the terminal to fold.
pub(super) fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split(' ') {
        let wide = width(word);
        if used > 0 && used + 1 + wide > columns {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if !line.is_empty() || used > 0 {
            line.push(' ');
            used += 1;
        }
        line.push_str(word);
        used += wide;
    }
    lines.push(line);
    lines
}

/// A cell's text laid out in `columns` columns: each of its lines wrapped between words, and
/// prose shortened to [`MAX_LINES`] lines, ending in "…" at a word boundary.
pub(super) fn lay_out(text: &str, columns: usize, prose: bool) -> String {
    let mut lines: Vec<String> = text.split('\n').flat_map(|l| wrap(l, columns)).collect();
    if prose && lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        let last = lines.last_mut().expect("MAX_LINES > 0");
        while !last.is_empty() && width(last) + 1 > columns {
            match last.rfind(' ') {
                Some(space) => last.truncate(space),
                None => last.clear(),
            }
        }
        let kept = last.trim_end_matches([',', ';', ':', ' ']).len();
        last.truncate(kept);
        last.push('…');
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_between_words_and_never_inside_one() {
        assert_eq!(wrap("aaa bbb ccc", 7), ["aaa bbb", "ccc"]);
        assert_eq!(
            wrap("see https://example.org/long/path now", 10),
            ["see", "https://example.org/long/path", "now"]
        );
        assert_eq!(wrap("", 10), [""]);
        for line in wrap(&"word ".repeat(50), 23) {
            assert!(width(&line) <= 23);
        }
        assert_eq!(wrap("café 日本語", 6), ["café", "日本語"]);
    }

    #[test]
    fn lines_counts_what_wrap_builds() {
        for text in [
            "",
            "a",
            "aaa bbb ccc",
            "a  b",
            " lead",
            "one two three four five six",
        ] {
            for columns in 1..12 {
                assert_eq!(
                    lines(text, columns),
                    wrap(text, columns).len(),
                    "{text:?} {columns}"
                );
            }
        }
    }

    #[test]
    fn prose_is_shortened_at_a_word_boundary() {
        let text = "one two three four five six seven eight nine ten";
        assert_eq!(lay_out(text, 10, true), "one two\nthree four\nfive six…");
        assert_eq!(lay_out(text, 10, false).lines().count(), 6);
        assert_eq!(lay_out("short", 10, true), "short");
        assert_eq!(lay_out("a, b, c, d, e, f, g", 4, true), "a,\nb,\nc…");
    }

    fn columns(ranks: &[(u8, bool)]) -> Vec<Column> {
        ranks
            .iter()
            .map(|&(rank, prose)| Column {
                rank,
                prose,
                ..Column::new("x")
            })
            .collect()
    }

    #[test]
    fn the_columns_that_matter_least_are_hidden_first() {
        let header: Vec<String> = ["ID", "Amount", "Description", "Level"]
            .map(String::from)
            .to_vec();
        let rows = vec![
            [
                "payscale-median-annual",
                "$118,000",
                "a long text about it",
                "professional",
            ]
            .map(String::from)
            .to_vec(),
        ];
        let cols = columns(&[(1, false), (2, false), (4, true), (3, false)]);
        let wide = layout(&cols, &header, &rows, 120).unwrap();
        assert_eq!(wide.shown, [0, 1, 2, 3]);
        assert_eq!(wide.widths, [22, 8, 20, 12]);
        let narrow = layout(&cols, &header, &rows, 60).unwrap();
        assert_eq!(narrow.shown, [0, 1, 3]);
        let narrowest = layout(&cols, &header, &rows, 40).unwrap();
        assert_eq!(narrowest.shown, [0, 1]);
        assert_eq!(narrowest.hidden(4), 2);
        // Columns ranked 1 are never hidden: when they cannot fit, there is no layout.
        assert_eq!(layout(&cols, &header, &rows, 20), None);
    }

    #[test]
    fn short_columns_are_whole_before_long_ones_grow() {
        assert_eq!(fill(&[0, 1, 2], &[5, 5, 5], &[8, 60, 60], 50), [8, 21, 21]);
        assert_eq!(fill(&[0, 1], &[5, 5], &[8, 9], 50), [8, 9]);
        assert_eq!(fill(&[0, 1], &[5, 5], &[50, 50], 11), [6, 5]);
    }

    #[test]
    fn spare_room_goes_to_the_columns_that_lack_it() {
        assert_eq!(share(&[0, 1], &[5, 5], &[10, 25], 40), [10, 25]);
        let widths = share(&[0, 1], &[5, 5], &[10, 25], 20);
        assert_eq!(widths.iter().sum::<usize>(), 20);
        assert!(widths[1] > widths[0]);
    }
}
