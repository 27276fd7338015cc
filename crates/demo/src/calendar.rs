//! Months as plain integers, and partial dates written from them with a chosen
//! precision. Working in whole months keeps the generated timelines easy to
//! reason about: a date written for a later month is always *after* (FORMAT.md)
//! one written for an earlier month, unless one of them is written by year only.

use zonewatch_model::date::days_in_month;
use zonewatch_model::{PartialDate, Precision};

use crate::rng::Rng;

/// Months since January 2020 (0 is 2020-01).
pub(crate) type Month = i64;

pub(crate) const fn month(year: i64, month: i64) -> Month {
    (year - 2020) * 12 + (month - 1)
}

/// The generated datasets describe events up to this month.
pub(crate) const LAST: Month = month(2025, 9);

pub(crate) fn year_of(m: Month) -> u16 {
    (2020 + m.div_euclid(12)) as u16
}

pub(crate) fn month_of(m: Month) -> u8 {
    (m.rem_euclid(12) + 1) as u8
}

pub(crate) fn year(m: Month) -> PartialDate {
    PartialDate {
        year: year_of(m),
        month: None,
        day: None,
    }
}

pub(crate) fn in_month(m: Month) -> PartialDate {
    PartialDate {
        year: year_of(m),
        month: Some(month_of(m)),
        day: None,
    }
}

/// A day of month `m`; `day` is clamped to the month's length.
pub(crate) fn on_day(m: Month, day: u8) -> PartialDate {
    let (y, mo) = (year_of(m), month_of(m));
    PartialDate {
        year: y,
        month: Some(mo),
        day: Some(day.clamp(1, days_in_month(y, mo))),
    }
}

/// A date within month `m`, written with `precision` (a random day for days).
pub(crate) fn with_precision(m: Month, precision: Precision, rng: &mut Rng) -> PartialDate {
    match precision {
        Precision::Year => year(m),
        Precision::Month => in_month(m),
        Precision::Day => on_day(m, rng.range(1, 28) as u8),
    }
}

/// A precision drawn with the given weights (year, month, day).
pub(crate) fn precision(rng: &mut Rng, weights: [u32; 3]) -> Precision {
    rng.weighted(&[
        (Precision::Year, weights[0]),
        (Precision::Month, weights[1]),
        (Precision::Day, weights[2]),
    ])
}

/// A date for month `m` that is certainly *before* (FORMAT.md) any date written
/// by month or day for month `limit` or later, given `m < limit`: year precision
/// is used only when the years differ.
pub(crate) fn strictly_before(
    m: Month,
    limit: Month,
    rng: &mut Rng,
    weights: [u32; 3],
) -> PartialDate {
    let mut p = precision(rng, weights);
    if p == Precision::Year && year_of(m) == year_of(limit) {
        p = Precision::Month;
    }
    with_precision(m, p, rng)
}

#[cfg(test)]
mod tests {
    use super::*;
    use zonewatch_model::DateOrder;

    #[test]
    fn months_map_to_dates() {
        assert_eq!(in_month(month(2024, 5)).to_string(), "2024-05");
        assert_eq!(year(month(2023, 12)).to_string(), "2023");
        assert_eq!(on_day(month(2023, 2), 31).to_string(), "2023-02-28");
        assert_eq!(year_of(LAST), 2025);
    }

    #[test]
    fn strictly_before_is_before() {
        let mut rng = Rng::new(1);
        for m in month(2021, 1)..month(2025, 1) {
            for gap in 1..14 {
                let limit = m + gap;
                let a = strictly_before(m, limit, &mut rng, [1, 1, 1]);
                let b = with_precision(limit, Precision::Month, &mut rng);
                assert_eq!(a.order(&b), DateOrder::Before, "{a} {b}");
            }
        }
    }
}
