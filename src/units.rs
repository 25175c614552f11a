//! Continuing-education amounts as exact numbers: whole hundredths of an hour (or of an issuer's
//! unit), so that they add up exactly (ten tenths make one, as they would not in floating
//! point); and what an activity's certificate states, in the unit it states it in.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::sanitize::clean_line;

/// A single activity longer than this (or worth more units) is taken for a typing error.
const MAX_ACTIVITY_HOURS: u32 = 500;

/// Hours to two decimals, kept as whole hundredths so that they add up exactly. The same
/// hundredths count the units an issuer credits (CEUs, PDUs) where it counts in another unit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hours(pub u32);

impl Hours {
    pub fn whole(hours: u32) -> Hours {
        Hours(hours.saturating_mul(100))
    }

    /// `5`, `5.5` or `5.25`: at most two decimals, more than zero, at most
    /// 500 (`MAX_ACTIVITY_HOURS`).
    pub fn parse(text: &str) -> Result<Hours, String> {
        Hours::parse_count(text, "hours")
    }

    /// As [`Hours::parse`], for a count of `what` (`hours`, `CEUs`), named so in its errors.
    pub fn parse_count(text: &str, what: &str) -> Result<Hours, String> {
        let bad = || {
            format!(
                "{what} `{}` must be a number like 5 or 1.25",
                clean_line(text)
            )
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let (whole, fraction) = match text.trim().split_once('.') {
            Some((whole, fraction)) if digits(fraction) => (whole, fraction),
            Some(_) => return Err(bad()),
            None => (text.trim(), ""),
        };
        if !digits(whole) {
            return Err(bad());
        }
        if fraction.len() > 2 {
            return Err(format!(
                "{what} `{}` have more than two decimals",
                clean_line(text)
            ));
        }
        let whole: u32 = whole.parse().map_err(|_| bad())?;
        let fraction: u32 = format!("{fraction:0<2}").parse().map_err(|_| bad())?;
        let hours = whole.checked_mul(100).and_then(|h| h.checked_add(fraction));
        match hours {
            Some(0) => Err(format!("{what} must be more than zero")),
            Some(h) if h <= MAX_ACTIVITY_HOURS * 100 => Ok(Hours(h)),
            _ => Err(format!(
                "{} {what} for one activity is more than {MAX_ACTIVITY_HOURS}: a typing error?",
                clean_line(text)
            )),
        }
    }

    pub fn checked_add(self, other: Hours) -> Option<Hours> {
        self.0.checked_add(other.0).map(Hours)
    }

    /// The sum, at most the largest number of hundredths: a sum that large is no real log's.
    pub fn saturating_add(self, other: Hours) -> Hours {
        Hours(self.0.saturating_add(other.0))
    }

    pub fn saturating_sub(self, other: Hours) -> Hours {
        Hours(self.0.saturating_sub(other.0))
    }
}

impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0 / 100, self.0 % 100) {
            (whole, 0) => write!(f, "{whole}"),
            (whole, part) if part % 10 == 0 => write!(f, "{whole}.{}", part / 10),
            (whole, part) => write!(f, "{whole}.{part:02}"),
        }
    }
}

/// In JSON, a number (`5`, `5.5`); it is only ever printed, never summed as one.
impl Serialize for Hours {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.is_multiple_of(100) {
            return serializer.serialize_u32(self.0 / 100);
        }
        let exact: f64 = self
            .to_string()
            .parse()
            .map_err(serde::ser::Error::custom)?;
        serializer.serialize_f64(exact)
    }
}

/// In the file, a number (`5`, `5.5`) or a string (`"5.5"`).
impl<'de> Deserialize<'de> for Hours {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Whole(u32),
            Decimal(f64),
            Text(String),
        }
        let text = match Written::deserialize(deserializer)? {
            Written::Whole(hours) => hours.to_string(),
            // A float read back from the file's own digits: shortest form, so 5.55 stays 5.55.
            Written::Decimal(hours) => hours.to_string(),
            Written::Text(text) => text,
        };
        Hours::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// What an activity's certificate states: how long it lasted, or how many units of some kind
/// it earned. Written in the profile and given on the command line under the same name
/// (`minutes = 50`, `--minutes 50`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    Hours(Hours),
    /// Whole minutes.
    Minutes(u32),
    Ceus(Hours),
    Pdus(Hours),
    Cpes(Hours),
    CeCredits(Hours),
    /// Credits of an academic (college) course.
    AcademicCredits(Hours),
}

impl Amount {
    /// Every way a certificate states an amount: its name in the profile (and, with `-` for
    /// `_`, its flag), and the words for one and for several.
    pub const KINDS: [(&'static str, &'static str, &'static str); 7] = [
        ("hours", "hour", "hours"),
        ("minutes", "minute", "minutes"),
        ("ceus", "CEU", "CEUs"),
        ("pdus", "PDU", "PDUs"),
        ("cpes", "CPE credit", "CPE credits"),
        ("ce_credits", "CE credit", "CE credits"),
        ("academic_credits", "academic credit", "academic credits"),
    ];

    /// The amount of kind `key` (one of [`Amount::KINDS`]) that `text` gives.
    pub fn parse(key: &str, text: &str) -> Result<Amount, String> {
        let (_, _, words) = Amount::KINDS
            .iter()
            .find(|(k, _, _)| *k == key)
            .ok_or_else(|| format!("`{key}` is not a kind of CE amount"))?;
        let count = || Hours::parse_count(text, words);
        Ok(match key {
            "hours" => Amount::Hours(count()?),
            "minutes" => Amount::Minutes(parse_minutes(text)?),
            "ceus" => Amount::Ceus(count()?),
            "pdus" => Amount::Pdus(count()?),
            "cpes" => Amount::Cpes(count()?),
            "ce_credits" => Amount::CeCredits(count()?),
            _ => Amount::AcademicCredits(count()?),
        })
    }

    /// Its kind's key in [`Amount::KINDS`].
    pub fn key(self) -> &'static str {
        Amount::KINDS[self.index()].0
    }

    fn index(self) -> usize {
        match self {
            Amount::Hours(_) => 0,
            Amount::Minutes(_) => 1,
            Amount::Ceus(_) => 2,
            Amount::Pdus(_) => 3,
            Amount::Cpes(_) => 4,
            Amount::CeCredits(_) => 5,
            Amount::AcademicCredits(_) => 6,
        }
    }

    /// The number alone, as written: `2.5`, `150`.
    pub fn number(self) -> String {
        match self {
            Amount::Minutes(minutes) => minutes.to_string(),
            Amount::Hours(n)
            | Amount::Ceus(n)
            | Amount::Pdus(n)
            | Amount::Cpes(n)
            | Amount::CeCredits(n)
            | Amount::AcademicCredits(n) => n.to_string(),
        }
    }

    /// How long it lasted, in seconds, when it states a length of time.
    pub fn seconds(self) -> Option<u64> {
        match self {
            Amount::Hours(hours) => Some(u64::from(hours.0) * 36),
            Amount::Minutes(minutes) => Some(u64::from(minutes) * 60),
            _ => None,
        }
    }
}

impl fmt::Display for Amount {
    /// `2.5 hours`, `1 CEU`, `150 minutes`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (_, one, several) = Amount::KINDS[self.index()];
        let number = self.number();
        match number.as_str() {
            "1" => write!(f, "1 {one}"),
            _ => write!(f, "{number} {several}"),
        }
    }
}

/// Whole minutes, more than zero, at most 500 hours' worth.
fn parse_minutes(text: &str) -> Result<u32, String> {
    let shown = clean_line(text);
    let minutes: u32 = text
        .trim()
        .parse()
        .ok()
        .filter(|_| text.trim().bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| format!("minutes `{shown}` must be a whole number like 50"))?;
    match minutes {
        0 => Err("minutes must be more than zero".to_string()),
        m if m <= MAX_ACTIVITY_HOURS * 60 => Ok(m),
        _ => Err(format!(
            "{shown} minutes for one activity is more than {MAX_ACTIVITY_HOURS} hours: a typing error?"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_take_up_to_two_decimals_and_add_up_exactly() {
        let cases = [
            ("5", 500),
            ("5.5", 550),
            ("0.25", 25),
            ("1.10", 110),
            ("500", 50_000),
        ];
        for (text, hundredths) in cases {
            assert_eq!(Hours::parse(text), Ok(Hours(hundredths)), "{text}");
        }
        for bad in [
            "0",
            "0.00",
            "-1",
            "1.255",
            "abc",
            "",
            ".5",
            "5.",
            "1e2",
            "501",
            "99999999999",
        ] {
            assert!(Hours::parse(bad).is_err(), "{bad:?} should be refused");
        }
        // Ten tenths make one hour exactly, as they would not in floating point.
        let tenth = Hours::parse("0.1").unwrap();
        let sum = (0..10).fold(Hours(0), |sum, _| sum.checked_add(tenth).unwrap());
        assert_eq!(sum, Hours::whole(1));
        assert_eq!(Hours(550).to_string(), "5.5");
        assert_eq!(Hours(525).to_string(), "5.25");
        assert_eq!(Hours(500).to_string(), "5");
        assert_eq!(serde_json::to_string(&Hours(555)).unwrap(), "5.55");
    }

    #[test]
    fn hours_read_as_written_in_the_file() {
        #[derive(Deserialize)]
        struct H {
            hours: Hours,
        }
        for (text, hundredths) in [
            ("hours = 5", 500),
            ("hours = 5.55", 555),
            ("hours = \"2.5\"", 250),
        ] {
            assert_eq!(
                toml::from_str::<H>(text).unwrap().hours,
                Hours(hundredths),
                "{text}"
            );
        }
        assert!(toml::from_str::<H>("hours = 1.234").is_err());
        assert!(toml::from_str::<H>("hours = -2").is_err());
    }

    #[test]
    fn an_amount_is_read_and_shown_in_the_unit_its_certificate_states() {
        assert_eq!(Amount::parse("minutes", "165"), Ok(Amount::Minutes(165)));
        assert_eq!(Amount::parse("ceus", "2"), Ok(Amount::Ceus(Hours(200))));
        assert_eq!(Amount::Minutes(165).to_string(), "165 minutes");
        assert_eq!(Amount::Ceus(Hours(100)).to_string(), "1 CEU");
        assert_eq!(Amount::Cpes(Hours(250)).to_string(), "2.5 CPE credits");
        assert_eq!(Amount::Hours(Hours(275)).seconds(), Some(9900));
        assert_eq!(Amount::Minutes(165).seconds(), Some(9900));
        assert_eq!(Amount::Pdus(Hours(100)).seconds(), None);
        for bad in ["0", "1.5", "-3", "x", "30001", ""] {
            assert!(Amount::parse("minutes", bad).is_err(), "{bad:?}");
        }
        let error = Amount::parse("pdus", "1.234").unwrap_err();
        assert_eq!(error, "PDUs `1.234` have more than two decimals");
    }
}
