//! Calendar dates as used by the dataset (`YYYY-MM-DD`), ordered, with total parsing.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar day, stored as `year * 10_000 + month * 100 + day` so that ordering is
/// chronological and comparison is one integer compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(u32);

impl Date {
    /// A date from a literal known to be valid (used for named constants; a test checks
    /// each one round-trips through [`Date::parse`]).
    pub const fn literal(year: u32, month: u32, day: u32) -> Date {
        Date(year * 10_000 + month * 100 + day)
    }

    /// Builds a date when the parts form a real calendar day (years 1970–2999).
    pub fn from_ymd(year: u32, month: u32, day: u32) -> Option<Date> {
        if !(1970..=2999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days_in_month = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (day <= days_in_month).then_some(Date(year * 10_000 + month * 100 + day))
    }

    /// Parses `YYYY-MM-DD`; anything else is `None`.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?;
        let month = parts.next()?;
        let day = parts.next()?;
        if year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        Date::from_ymd(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    pub fn year(self) -> u32 {
        self.0 / 10_000
    }
    pub fn month(self) -> u32 {
        self.0 / 100 % 100
    }
    pub fn day(self) -> u32 {
        self.0 % 100
    }

    /// Days since 1970-01-01 (civil-from-days inverse), for spacing dates on a time axis.
    pub fn days_since_epoch(self) -> i64 {
        let (y, m, d) = (self.year() as i64, self.month() as i64, self.day() as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl Date {
    /// The civil date `days` after 1970-01-01 (inverse of [`Date::days_since_epoch`]).
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::from_ymd(u32::try_from(year).ok()?, month as u32, day as u32)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("bad date `{text}`")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_orders() {
        let a = Date::parse("2026-02-18").unwrap();
        let b = Date::parse("2025-12-31").unwrap();
        assert!(b < a);
        assert_eq!(a.to_string(), "2026-02-18");
        assert_eq!(Date::parse("2026-02-30"), None);
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day()), Some(29));
        assert_eq!(Date::parse("2026-2-18"), None);
        assert_eq!(Date::parse("garbage"), None);
    }

    #[test]
    fn epoch_days_round_trip() {
        for d in [0, 1, 59, 60, 365, 10_000, 20_502, 30_000] {
            assert_eq!(
                Date::from_days_since_epoch(d).unwrap().days_since_epoch(),
                d
            );
        }
    }

    #[test]
    fn epoch_days() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        // 2026-02-18 is day 20,502 (hand count: 56 years incl. 14 leap days = 20,454; + 31 + 17).
        assert_eq!(
            Date::parse("2026-02-18").unwrap().days_since_epoch(),
            20_502
        );
    }
}
