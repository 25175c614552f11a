//! "Today", decided once per run and passed to whatever needs it, and the dates a person types.

use std::path::Path;

use anyhow::{Result, anyhow};
use jiff::tz::TimeZone;

use crate::sanitize::clean_line;

/// The moment this run happens. `HI_TODAY=YYYY-MM-DD` fixes it (at midnight UTC), for
/// reproducible output and tests.
pub fn now() -> Result<jiff::ZonedDateTime> {
    match std::env::var("HI_TODAY").ok().filter(|v| !v.is_empty()) {
        Some(text) => {
            let date =
                day(&text).map_err(|why| anyhow!("HI_TODAY `{}` {why}", clean_line(&text)))?;
            Ok(date.to_zoned_datetime(TimeZone::UTC)?)
        }
        None => Ok(jiff::Timestamp::now().to_zoned_datetime(local_zone())),
    }
}

/// The local time zone, read from `TZ` or `/etc/localtime` directly: asking jiff for the
/// system's zone walks the whole zoneinfo folder to name it, three quarters of a short run.
fn local_zone() -> TimeZone {
    const ZONEINFO: &str = "/usr/share/zoneinfo";
    let tzif = |name: &str, path: &Path| {
        std::fs::read(path)
            .ok()
            .and_then(|b| TimeZone::tzif(name, &b).ok())
    };
    match std::env::var("TZ").ok().filter(|tz| !tz.is_empty()) {
        Some(tz) => {
            let name = tz.trim_start_matches(':');
            let path = Path::new(name);
            let file = if path.is_absolute() {
                path.to_path_buf()
            } else {
                Path::new(ZONEINFO).join(name)
            };
            tzif(name, &file)
                .or_else(|| TimeZone::posix(name).ok())
                .unwrap_or_else(TimeZone::system)
        }
        None => tzif("localtime", Path::new("/etc/localtime")).unwrap_or_else(TimeZone::system),
    }
}

/// A date given on the command line as `flag`: a usage error unless it is a real day written
/// YYYY-MM-DD.
pub fn date_arg(flag: &str, text: &str) -> Result<jiff::civil::Date> {
    day(text).map_err(|why| crate::error::usage(format!("{flag} `{}` {why}", clean_line(text))))
}

/// A day of the calendar as the data writes dates, to judge it against their windows.
pub fn data_day(day: jiff::civil::Date) -> crate::model::Date {
    // hi's days lie within 1900 to 2100 (`day`, `HI_TODAY`, the clock's checks), so the parts fit.
    crate::model::Date::day(day.year() as u16, day.month() as u8, day.day() as u8)
}

/// A day written YYYY-MM-DD in the years the data's dates may take, or what is wrong with it.
pub fn day(text: &str) -> Result<jiff::civil::Date, &'static str> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !well_formed {
        return Err("is not a date of the form YYYY-MM-DD");
    }
    let date: jiff::civil::Date = text.parse().map_err(|_| "is not a day of the calendar")?;
    if !(1900..=2100).contains(&date.year()) {
        return Err("is outside the years 1900 to 2100");
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::day;

    #[test]
    fn a_day_is_well_formed_real_and_in_the_data_years() {
        let cases = [
            ("2024-02-29", Ok("2024-02-29")),
            ("2100-12-31", Ok("2100-12-31")),
            ("2023-02-29", Err("is not a day of the calendar")),
            ("2025-13-01", Err("is not a day of the calendar")),
            ("2025-1-01", Err("is not a date of the form YYYY-MM-DD")),
            ("+2025-01-01", Err("is not a date of the form YYYY-MM-DD")),
            ("1899-12-31", Err("is outside the years 1900 to 2100")),
            ("9999-12-31", Err("is outside the years 1900 to 2100")),
        ];
        for (text, want) in cases {
            let got = day(text).map(|d| d.to_string());
            assert_eq!(got.as_deref().map_err(|e| *e), want, "{text}");
        }
    }
}
