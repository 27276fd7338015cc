//! Partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and the interval each one names.
//!
//! FORMAT.md: a partial date is the whole interval it names, and one date is *after*
//! another only when its interval starts after the other's interval ends. Where the
//! intervals overlap the order is unknown, and [`PartialDate::order`] says so rather
//! than guessing.

use std::cmp::Ordering;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: u16,
    /// 1..=12, when the date names a month or a day.
    pub month: Option<u8>,
    /// 1..=31 (valid for the month), when the date names a day.
    pub day: Option<u8>,
}

/// How two partial dates relate in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    Before,
    After,
    /// The intervals overlap: which came first is not known.
    Unknown,
}

/// The precision a partial date was written with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the day must exist in that month.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = bytes.get(range)?;
            if part.iter().all(u8::is_ascii_digit) {
                Some(part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
            } else {
                None
            }
        };
        let year = digits(0..4)? as u16;
        if year == 0 {
            return None;
        }
        let date = match bytes.len() {
            4 => PartialDate {
                year,
                month: None,
                day: None,
            },
            7 if bytes[4] == b'-' => {
                let month = digits(5..7)? as u8;
                PartialDate {
                    year,
                    month: Some(month),
                    day: None,
                }
            }
            10 if bytes[4] == b'-' && bytes[7] == b'-' => PartialDate {
                year,
                month: Some(digits(5..7)? as u8),
                day: Some(digits(8..10)? as u8),
            },
            _ => return None,
        };
        if let Some(month) = date.month {
            if !(1..=12).contains(&month) {
                return None;
            }
            if let Some(day) = date.day {
                if day == 0 || day > days_in_month(year, month) {
                    return None;
                }
            }
        }
        Some(date)
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    /// First day of the interval, as days since 1970-01-01.
    pub fn start(&self) -> i64 {
        days_from_civil(
            i64::from(self.year),
            self.month.unwrap_or(1),
            self.day.unwrap_or(1),
        )
    }

    /// Last day of the interval (inclusive), as days since 1970-01-01.
    pub fn end(&self) -> i64 {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        days_from_civil(i64::from(self.year), month, day)
    }

    /// `After` when this interval starts after `other` ends, `Before` when it ends
    /// before `other` starts, and `Unknown` when they overlap.
    pub fn order(&self, other: &PartialDate) -> DateOrder {
        if self.start() > other.end() {
            DateOrder::After
        } else if self.end() < other.start() {
            DateOrder::Before
        } else {
            DateOrder::Unknown
        }
    }

    /// The ordering used to pick "the latest" among dates (FORMAT.md): latest start,
    /// then latest end. It is a total order for sorting, not a claim about time.
    pub fn cmp_latest(&self, other: &PartialDate) -> Ordering {
        self.start()
            .cmp(&other.start())
            .then(self.end().cmp(&other.end()))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

pub fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let (month, day) = (i64::from(month), i64::from(day));
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    #[test]
    fn parses_the_three_precisions_and_rejects_impossible_dates() {
        assert_eq!(d("2024").precision(), Precision::Year);
        assert_eq!(d("2024-05").precision(), Precision::Month);
        assert_eq!(d("2024-02-29").precision(), Precision::Day);
        for bad in [
            "2023-02-29",
            "2023-02-30",
            "2024-13",
            "2024-00",
            "2024-04-31",
            "0000",
            "24",
            "2024-5",
            "2024/05",
            "2024-05-01T00",
            " 2024",
            "２０２４",
            "2024-05-00",
        ] {
            assert_eq!(PartialDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn intervals_cover_the_named_period() {
        assert_eq!(d("1970-01-01").start(), 0);
        assert_eq!(d("2024-05").end() - d("2024-05").start(), 30);
        assert_eq!(d("2024").end() - d("2024").start(), 365);
        assert_eq!(d("2023").end() - d("2023").start(), 364);
        assert_eq!(d("2000-03-01").start() - d("2000-02-28").start(), 2);
    }

    #[test]
    fn order_follows_format_md_examples() {
        let raid = d("2024-04-02");
        assert_eq!(d("2024-04-20").order(&raid), DateOrder::After);
        assert_eq!(d("2024-04").order(&raid), DateOrder::Unknown);
        assert_eq!(d("2024").order(&raid), DateOrder::Unknown);
        assert_eq!(d("2024-03").order(&raid), DateOrder::Before);
        assert_eq!(d("2024-04-02").order(&raid), DateOrder::Unknown);
    }

    #[test]
    fn display_round_trips() {
        for text in ["2024", "2024-05", "0999-12-31"] {
            assert_eq!(d(text).to_string(), text);
        }
    }
}
