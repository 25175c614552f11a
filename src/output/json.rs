//! The one JSON writer: serde_json's pretty output, with every character a terminal or a
//! script embedding the text could act on written as a `\u` escape. JSON readers get the same
//! strings either way; `hi certs --json` read on a terminal, or pasted into a script, no longer
//! carries a raw C1 control (U+009B is an escape sequence to some terminals), DEL, a line or
//! paragraph separator (which end a line of JavaScript) or a bidi or zero-width character
//! (which make text read otherwise than it is). serde_json escapes the C0 controls itself.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

/// `value` as pretty JSON into `out`.
pub(crate) fn write<W: Write, T: Serialize + ?Sized>(out: W, value: &T) -> serde_json::Result<()> {
    let mut serializer =
        serde_json::Serializer::with_formatter(out, Escaping(PrettyFormatter::new()));
    value.serialize(&mut serializer)
}

/// `value` as pretty JSON.
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut bytes = Vec::new();
    write(&mut bytes, value)?;
    String::from_utf8(bytes).map_err(serde::ser::Error::custom)
}

/// Whether `c`, inside a JSON string, is written as an escape rather than as itself.
fn escaped(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') || crate::sanitize::is_invisible(c)
}

/// The pretty formatter, escaping more of what it writes inside strings.
struct Escaping<'a>(PrettyFormatter<'a>);

impl Formatter for Escaping<'_> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        out: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices().filter(|(_, c)| escaped(*c)) {
            out.write_all(&fragment.as_bytes()[start..at])?;
            for unit in c.encode_utf16(&mut [0; 2]) {
                write!(out, "\\u{unit:04x}")?;
            }
            start = at + c.len_utf8();
        }
        out.write_all(&fragment.as_bytes()[start..])
    }

    // The layout is the pretty formatter's.
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.begin_array(out)
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.end_array(out)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.end_array_value(out)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.begin_object(out)
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.end_object(out)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.begin_object_value(out)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.0.end_object_value(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_terminal_would_act_on_is_escaped_and_reads_back_the_same() {
        let hostile = "a\u{1b}[2J\u{7f}\u{9b}31m\u{2028}b\u{202e}gnp.exe\u{200b}\u{e0041}é\"\\";
        let json = to_string(&vec![hostile]).unwrap();
        assert_eq!(
            json,
            "[\n  \"a\\u001b[2J\\u007f\\u009b31m\\u2028b\\u202egnp.exe\\u200b\\udb40\\udc41é\\\"\\\\\"\n]"
        );
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [hostile]);
        // The layout is serde_json's own.
        let value = serde_json::json!({"a": [1, {"b": null}], "c": "d"});
        assert_eq!(
            to_string(&value).unwrap(),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }
}
