//! Date formats for spreadsheet cells, written like strftime: `%d/%m/%Y`, `%Y-%m`,
//! `%b %Y`. A format reads a cell into a v1 partial date of the precision the format
//! names: `%b %Y` gives `2024-11`, `%Y` gives `2024`.
//!
//! Directives: `%d` day (1 or 2 digits), `%m` month (1 or 2 digits), `%Y` year
//! (4 digits), `%y` year (2 digits, read as 20yy), `%b` / `%B` English month name,
//! full or abbreviated (`Nov`, `November`, `Sept`), any case; `%%` a percent sign.
//! A space in the format matches one or more spaces in the cell; any other character
//! must appear as written (letters in any case). The whole cell must match.

use zonewatch_model::PartialDate;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Day,
    Month,
    MonthName,
    Year4,
    Year2,
    Space,
    Literal(char),
}

/// One parsed date format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateFormat {
    text: String,
    pieces: Vec<Piece>,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

impl DateFormat {
    /// Parses a format; the error says what is wrong with it.
    pub fn parse(text: &str) -> Result<DateFormat, String> {
        let mut pieces = Vec::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            let piece = match c {
                '%' => match chars.next() {
                    Some('d') => Piece::Day,
                    Some('m') => Piece::Month,
                    Some('b') | Some('B') => Piece::MonthName,
                    Some('Y') => Piece::Year4,
                    Some('y') => Piece::Year2,
                    Some('%') => Piece::Literal('%'),
                    Some(other) => {
                        return Err(format!(
                            "date format `{text}`: `%{other}` is not supported \
                             (use %d %m %Y %y %b %B %%)"
                        ))
                    }
                    None => return Err(format!("date format `{text}` ends with a lone `%`")),
                },
                c if c.is_whitespace() => {
                    if pieces.last() == Some(&Piece::Space) {
                        continue;
                    }
                    Piece::Space
                }
                c => Piece::Literal(c),
            };
            pieces.push(piece);
        }
        let has = |p: &Piece| pieces.contains(p);
        let count = |wanted: &[Piece]| pieces.iter().filter(|p| wanted.contains(p)).count();
        if count(&[Piece::Year4, Piece::Year2]) != 1 {
            return Err(format!(
                "date format `{text}` must hold one year: `%Y` or `%y`"
            ));
        }
        if count(&[Piece::Month, Piece::MonthName]) > 1 || count(&[Piece::Day]) > 1 {
            return Err(format!(
                "date format `{text}` names the month or the day twice"
            ));
        }
        if has(&Piece::Day) && !has(&Piece::Month) && !has(&Piece::MonthName) {
            return Err(format!(
                "date format `{text}` has a day (`%d`) but no month: a v1 date with a \
                 day also has a month"
            ));
        }
        Ok(DateFormat {
            text: text.to_owned(),
            pieces,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The cell as a v1 date, or `None` when it does not match or names no real date.
    pub fn read(&self, cell: &str) -> Option<PartialDate> {
        let mut rest = cell;
        let (mut year, mut month, mut day) = (None, None, None);
        for piece in &self.pieces {
            match piece {
                Piece::Day => day = Some(take_digits(&mut rest, 1, 2)?),
                Piece::Month => month = Some(take_digits(&mut rest, 1, 2)?),
                Piece::Year4 => year = Some(take_digits(&mut rest, 4, 4)?),
                Piece::Year2 => year = Some(2000 + take_digits(&mut rest, 2, 2)?),
                Piece::MonthName => month = Some(take_month_name(&mut rest)?),
                Piece::Space => {
                    let trimmed = rest.trim_start();
                    if trimmed.len() == rest.len() {
                        return None;
                    }
                    rest = trimmed;
                }
                Piece::Literal(c) => {
                    let mut chars = rest.chars();
                    let got = chars.next()?;
                    if got != *c && !got.to_lowercase().eq(c.to_lowercase()) {
                        return None;
                    }
                    rest = chars.as_str();
                }
            }
        }
        if !rest.is_empty() {
            return None;
        }
        let text = match (year?, month, day) {
            (y, None, None) => format!("{y:04}"),
            (y, Some(m), None) => format!("{y:04}-{m:02}"),
            (y, Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (_, None, Some(_)) => return None,
        };
        PartialDate::parse(&text)
    }

    /// How a date looks in this format, for error messages: 3 November 2024.
    pub fn example(&self) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Day => out.push_str("03"),
                Piece::Month => out.push_str("11"),
                Piece::Year4 => out.push_str("2024"),
                Piece::Year2 => out.push_str("24"),
                Piece::MonthName => out.push_str("Nov"),
                Piece::Space => out.push(' '),
                Piece::Literal(c) => out.push(*c),
            }
        }
        out
    }
}

fn take_digits(rest: &mut &str, min: usize, max: usize) -> Option<u32> {
    let len = rest
        .bytes()
        .take(max)
        .take_while(u8::is_ascii_digit)
        .count();
    if len < min {
        return None;
    }
    let (digits, tail) = rest.split_at(len);
    *rest = tail;
    digits.parse().ok()
}

fn take_month_name(rest: &mut &str) -> Option<u32> {
    let len = rest
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    let (word, tail) = rest.split_at(len);
    let word = word.to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    let index = MONTHS.iter().position(|name| {
        *name == word
            || (word.len() == 3 && name.starts_with(&word))
            || (word == "sept" && *name == "september")
    })?;
    *rest = tail;
    Some(index as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(format: &str, cell: &str) -> Option<String> {
        DateFormat::parse(format)
            .unwrap()
            .read(cell)
            .map(|d| d.to_string())
    }

    #[test]
    fn reads_common_spreadsheet_dates() {
        assert_eq!(
            read("%d/%m/%Y", "03/11/2024").as_deref(),
            Some("2024-11-03")
        );
        assert_eq!(read("%d/%m/%Y", "3/1/2024").as_deref(), Some("2024-01-03"));
        assert_eq!(
            read("%m/%d/%Y", "11/03/2024").as_deref(),
            Some("2024-11-03")
        );
        assert_eq!(read("%Y-%m", "2024-05").as_deref(), Some("2024-05"));
        assert_eq!(read("%b %Y", "Nov 2024").as_deref(), Some("2024-11"));
        assert_eq!(read("%b %Y", "november  2024").as_deref(), Some("2024-11"));
        assert_eq!(read("%B %Y", "Sept 2023").as_deref(), Some("2023-09"));
        assert_eq!(read("%d %b %y", "3 NOV 24").as_deref(), Some("2024-11-03"));
        assert_eq!(read("%Y", "2023").as_deref(), Some("2023"));
        assert_eq!(
            read("%d.%m.%Y", "29.02.2024").as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(read("%Y%m%d", "20240229").as_deref(), Some("2024-02-29"));
    }

    #[test]
    fn refuses_what_does_not_match_or_does_not_exist() {
        assert_eq!(read("%d/%m/%Y", "2024-11-03"), None);
        assert_eq!(read("%d/%m/%Y", "31/02/2024"), None);
        assert_eq!(read("%d/%m/%Y", "29/02/2023"), None);
        assert_eq!(read("%d/%m/%Y", "03/13/2024"), None);
        assert_eq!(read("%d/%m/%Y", "03/11/2024 x"), None);
        assert_eq!(read("%b %Y", "Nob 2024"), None);
        assert_eq!(read("%Y", "24"), None);
    }

    #[test]
    fn bad_formats_are_explained() {
        assert!(DateFormat::parse("%d/%m").unwrap_err().contains("one year"));
        assert!(DateFormat::parse("%d %Y").unwrap_err().contains("no month"));
        assert!(DateFormat::parse("%H:%M %Y")
            .unwrap_err()
            .contains("`%H` is not supported"));
        assert_eq!(
            DateFormat::parse("%d/%m/%Y").unwrap().example(),
            "03/11/2024"
        );
    }
}
