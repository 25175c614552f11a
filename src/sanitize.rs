//! Text safe for the terminal, in one place, as fd's `sanitize.rs`: whatever comes from a data
//! file, a profile or the command line is cleaned here before it is shown, so that no input
//! can move the cursor, change colours, set the window title, reorder what is shown or forge a
//! line of its own.

/// Text stripped of control characters, escape sequences, and the bidi, zero-width and other
/// invisible characters that can make text read otherwise than it is. Line breaks (`\n`, and
/// the Unicode line and paragraph separators and NEL, which some readers break at) become `\n`,
/// as they break lines in cells; a tab becomes a space.
pub fn clean(text: &str) -> String {
    let mut cleaned = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // An escape sequence: drop ESC with a CSI's parameters up to its final byte, or an
            // OSC's text up to BEL or ESC \.
            '\u{1b}' => match chars.peek() {
                Some('[') => {
                    chars.next();
                    for next in chars.by_ref() {
                        if ('\u{40}'..='\u{7e}').contains(&next) {
                            break;
                        }
                    }
                }
                Some(']') => {
                    while let Some(next) = chars.next() {
                        if next == '\u{7}'
                            || (next == '\u{1b}' && chars.next_if_eq(&'\\').is_some())
                        {
                            break;
                        }
                    }
                }
                _ => {}
            },
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => cleaned.push('\n'),
            '\t' => cleaned.push(' '),
            c if c.is_control() || is_invisible(c) => {}
            c => cleaned.push(c),
        }
    }
    cleaned
}

/// `text` without what [`clean`] removes, taken one character at a time: control characters
/// (a line break of any kind becomes `\n`; a tab stays) and the invisible ones. No escape
/// sequence is parsed, so nothing after an ESC is dropped with it: this is for a whole page of
/// markup, where the characters after an ESC in the data belong to the page.
pub fn without_hidden(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\t' => Some(c),
            '\u{85}' | '\u{2028}' | '\u{2029}' => Some('\n'),
            c if c.is_control() || is_invisible(c) => None,
            c => Some(c),
        })
        .collect()
}

/// Characters that show nothing yet change how the text around them reads: bidi controls,
/// zero-width and joiner characters, invisible operators, the soft hyphen, fillers that render
/// blank, interlinear annotation marks and tag characters.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{61c}'
            | '\u{115f}'
            | '\u{1160}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{3164}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{e0000}'..='\u{e007f}'
    )
}

/// Text safe for the terminal and on one line: what a message echoes from input (an id, a
/// path) so that it can neither drive the terminal nor forge a second line.
pub fn clean_line(text: &str) -> String {
    clean(text).replace('\n', " ")
}

/// Input echoed in a message (an unknown id): what `clean` would drop is shown escaped rather
/// than hidden, so the person sees why it did not match, and the text is cut at 60 characters
/// so that a pasted novel cannot flood the terminal.
pub fn echo(text: &str) -> String {
    const LONGEST: usize = 60;
    let mut shown = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == LONGEST {
            shown.push('…');
            break;
        }
        let mut buffer = [0; 4];
        let one = c.encode_utf8(&mut buffer);
        if c != '\n' && clean(one) == *one {
            shown.push(c);
        } else {
            shown.extend(c.escape_unicode());
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_strips_escapes_controls_and_invisibles() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(clean("bell\u{7}\r\tx\ny"), "bell x\ny");
        assert_eq!(clean("plain é – text"), "plain é – text");
        assert_eq!(clean("\u{1b}]0;title\u{7}ok"), "ok");
        assert_eq!(clean("\u{1b}]8;;http://x\u{1b}\\link"), "link");
        assert_eq!(clean("\u{9b}31mx"), "31mx");
        assert_eq!(clean("admin\u{202e}gpj.exe"), "admingpj.exe");
        assert_eq!(clean("zero\u{200b}width\u{feff}"), "zerowidth");
        assert_eq!(
            clean("soft\u{ad}hyphen\u{2066}iso\u{e0041}"),
            "softhypheniso"
        );
        assert_eq!(clean("one\u{2028}two\u{85}three"), "one\ntwo\nthree");
        assert_eq!(clean_line("one\nhi: two\u{2029}x"), "one hi: two x");
        // In markup, what follows an escape stays: it may be the end of a tag.
        assert_eq!(
            without_hidden("<b>x\u{1b}[</b>\r\u{202e}\ty\u{85}z"),
            "<b>x[</b>\ty\nz"
        );
    }

    #[test]
    fn an_echo_shows_what_is_hidden_and_stops_at_60_characters() {
        assert_eq!(echo("cphims"), "cphims");
        assert_eq!(echo("cp\u{1b}[2Jhims"), "cp\\u{1b}[2Jhims");
        assert_eq!(echo("a\nb"), "a\\u{a}b");
        let long = echo(&"x".repeat(100));
        assert_eq!(long.chars().count(), 61);
        assert!(long.ends_with('…'));
    }
}
