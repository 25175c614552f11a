//! "Today", decided once per run and passed to whatever needs it, and the dates a person types.

use std::io::Write;
use std::path::Path;

use anyhow::{Result, anyhow};
use jiff::tz::TimeZone;

use crate::sanitize::{clean_line, echo};

/// The moment this run happens. `HI_TODAY=YYYY-MM-DD` fixes it (at midnight UTC), for
/// reproducible output and tests.
pub(crate) fn now() -> Result<jiff::ZonedDateTime> {
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
/// A zone that cannot be used is UTC, with one warning.
fn local_zone() -> TimeZone {
    let tz = std::env::var("TZ").ok().filter(|tz| !tz.is_empty());
    zone(tz.as_deref(), Path::new("/etc/localtime")).unwrap_or_else(|why| {
        let _ = writeln!(
            std::io::stderr().lock(),
            "hi: warning: {}: using UTC",
            clean_line(&why)
        );
        TimeZone::UTC
    })
}

/// The zone `tz` names (a TZif file, absolute or under the zoneinfo folder, else a POSIX rule)
/// or, without one, the zone in the file `localtime` (UTC when there is none, as for the C
/// library); or why it cannot be used: a file that is not a regular one, too large or not a
/// time zone, and no POSIX rule either.
fn zone(tz: Option<&str>, localtime: &Path) -> Result<TimeZone, String> {
    const ZONEINFO: &str = "/usr/share/zoneinfo";
    let Some(tz) = tz else {
        return match zone_file("localtime", localtime) {
            Ok(zone) => Ok(zone.unwrap_or(TimeZone::UTC)),
            Err(why) => Err(format!("{}: {why}", localtime.display())),
        };
    };
    let name = tz.trim_start_matches(':');
    let path = Path::new(name);
    let file = match path.is_absolute() {
        true => path.to_path_buf(),
        false => Path::new(ZONEINFO).join(name),
    };
    let found = zone_file(name, &file);
    if let Ok(Some(zone)) = found {
        return Ok(zone);
    }
    TimeZone::posix(name).map_err(|_| match found {
        Err(why) if path.is_absolute() => format!("TZ `{}`: {why}", echo(tz)),
        Err(why) => format!(
            "TZ `{}` ({}): {why}",
            echo(tz),
            echo(&file.display().to_string())
        ),
        _ => format!(
            "TZ `{}` names no time zone file and is no POSIX TZ rule",
            echo(tz)
        ),
    })
}

/// The time zone in the TZif file at `path`, read through the one bounded reader; `None` when
/// there is no file there.
fn zone_file(name: &str, path: &Path) -> Result<Option<TimeZone>, String> {
    match crate::read::TIME_ZONE.bytes(path) {
        Ok(bytes) => TimeZone::tzif(name, &bytes)
            .map(Some)
            .map_err(|_| "not a time zone file".to_string()),
        Err(why) if why.is_missing() => Ok(None),
        Err(why) => Err(why.to_string()),
    }
}

/// A date given on the command line as `flag`: a usage error unless it is a real day written
/// YYYY-MM-DD.
pub(crate) fn date_arg(flag: &str, text: &str) -> Result<jiff::civil::Date> {
    day(text).map_err(|why| crate::error::usage(format!("{flag} `{}` {why}", clean_line(text))))
}

/// A day of the calendar as the data writes dates, to judge it against their windows.
pub(crate) fn data_day(day: jiff::civil::Date) -> crate::model::Date {
    // hi's days lie within 1900 to 2100 (`day`, `HI_TODAY`, the clock's checks), so the parts fit.
    crate::model::Date::day(day.year() as u16, day.month() as u8, day.day() as u8)
}

/// A day written YYYY-MM-DD in the years the data's dates may take, or what is wrong with it.
pub(crate) fn day(text: &str) -> Result<jiff::civil::Date, &'static str> {
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
    use super::*;

    #[test]
    fn a_time_zone_that_cannot_be_used_says_why_and_is_never_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str| dir.path().join(name).display().to_string();
        std::fs::write(at("garbage"), b"TZif\0not really a zone file").unwrap();
        std::fs::File::create(at("huge"))
            .unwrap()
            .set_len(2 << 30)
            .unwrap();
        let fifo = at("fifo");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let cases = [
            (
                ":/dev/zero".to_string(),
                "a character device, not a regular file",
            ),
            (fifo.clone(), "a FIFO, not a regular file"),
            (at("garbage"), "not a time zone file"),
            (
                at("huge"),
                "2048 MiB, larger than the 256 KiB a time zone file may take",
            ),
            (
                dir.path().display().to_string(),
                "a directory, not a regular file",
            ),
            (
                at("none"),
                "names no time zone file and is no POSIX TZ rule",
            ),
        ];
        for (tz, why) in cases {
            let said = zone(Some(&tz), Path::new("/nonexistent")).unwrap_err();
            assert!(said.starts_with(&format!("TZ `{tz}`")), "{said}");
            assert!(said.ends_with(why), "{tz}: {said}");
        }
        // /etc/localtime's stand-in, checked the same way; none at all is UTC.
        let said = zone(None, Path::new(&fifo)).unwrap_err();
        assert!(said.ends_with("a FIFO, not a regular file"), "{said}");
        let utc = zone(None, &dir.path().join("none")).unwrap();
        assert_eq!(utc, TimeZone::UTC);
        // A POSIX rule is no file, and needs none.
        let posix = zone(Some("EST5EDT,M3.2.0,M11.1.0"), Path::new("/nonexistent")).unwrap();
        assert_eq!(posix, TimeZone::posix("EST5EDT,M3.2.0,M11.1.0").unwrap());
    }

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
