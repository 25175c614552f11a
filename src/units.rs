//! Continuing-education hours as exact numbers: whole hundredths of an hour, so that they add
//! up exactly (ten tenths make one hour, as they would not in floating point).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::sanitize::clean_line;

/// A single activity longer than this is taken for a typing error.
const MAX_ACTIVITY_HOURS: u32 = 500;

/// Hours to two decimals, kept as whole hundredths so that they add up exactly.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hours(pub u32);

impl Hours {
    pub fn whole(hours: u32) -> Hours {
        Hours(hours.saturating_mul(100))
    }

    /// `5`, `5.5` or `5.25`: at most two decimals, more than zero, at most
    /// 500 (`MAX_ACTIVITY_HOURS`).
    pub fn parse(text: &str) -> Result<Hours, String> {
        let bad = || {
            format!(
                "hours `{}` must be a number like 5 or 1.25",
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
                "hours `{}` have more than two decimals",
                clean_line(text)
            ));
        }
        let whole: u32 = whole.parse().map_err(|_| bad())?;
        let fraction: u32 = format!("{fraction:0<2}").parse().map_err(|_| bad())?;
        let hours = whole.checked_mul(100).and_then(|h| h.checked_add(fraction));
        match hours {
            Some(0) => Err("hours must be more than zero".to_string()),
            Some(h) if h <= MAX_ACTIVITY_HOURS * 100 => Ok(Hours(h)),
            _ => Err(format!(
                "{} hours for one activity is more than {MAX_ACTIVITY_HOURS}: a typing error?",
                clean_line(text)
            )),
        }
    }

    pub fn checked_add(self, other: Hours) -> Option<Hours> {
        self.0.checked_add(other.0).map(Hours)
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
}
