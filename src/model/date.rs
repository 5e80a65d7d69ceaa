//! Calendar dates as the atlas writes them: `YYYY-MM-DD`.
//!
//! Dates stay strings in the model; once validated, their text order is their time order.

/// A validated calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking the day against the month (leap years included).
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = text.get(r)?;
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let year = digits(0..4)? as i32;
        let month = digits(5..7)?;
        let day = digits(8..10)?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 0000-03-01, for sliders and arithmetic.
    pub fn day_number(self) -> i64 {
        let (y, m) = if self.month <= 2 {
            (self.year as i64 - 1, self.month as i64 + 9)
        } else {
            (self.year as i64, self.month as i64 - 3)
        };
        365 * y + y.div_euclid(4) - y.div_euclid(100)
            + y.div_euclid(400)
            + (153 * m + 2) / 5
            + self.day as i64
            - 1
    }

    /// A date as precise as a source gives it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, read as its
    /// first day.
    pub fn parse_loose(text: &str) -> Option<Date> {
        match text.len() {
            4 => Date::parse(&format!("{text}-01-01")),
            7 => Date::parse(&format!("{text}-01")),
            _ => Date::parse(text),
        }
    }

    /// The date in words, as a caption says it: "1 January 2005".
    pub fn in_words(self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = MONTHS[(self.month.clamp(1, 12) - 1) as usize];
        format!("{} {month} {}", self.day, self.year)
    }

    /// The date in words, month first, as American styles say it: "January 1, 2005".
    pub fn in_words_us(self) -> String {
        let words = self.in_words();
        let mut parts = words.splitn(2, ' ');
        let (day, rest) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        let (month, year) = rest.split_once(' ').unwrap_or((rest, ""));
        format!("{month} {day}, {year}")
    }

    /// `text` in words when it is a date, else as it is.
    pub fn words_or_text(text: &str) -> String {
        Date::parse(text).map_or_else(|| text.to_owned(), Date::in_words)
    }

    /// Today, by the system clock (UTC).
    pub fn today() -> Date {
        let secs = web_time::SystemTime::now()
            .duration_since(web_time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let epoch = Date {
            year: 1970,
            month: 1,
            day: 1,
        };
        Date::from_day_number(epoch.day_number() + (secs / 86_400) as i64)
    }

    /// The inverse of [`Date::day_number`].
    pub fn from_day_number(n: i64) -> Date {
        // Civil-from-days (Howard Hinnant), shifted to our epoch of 0000-03-01.
        let era = n.div_euclid(146_097);
        let doe = n.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + if month <= 2 { 1 } else { 0 }) as i32;
        Date { year, month, day }
    }
}

impl std::str::FromStr for Date {
    type Err = String;

    /// [`Date::parse`], with an error that says what a date looks like.
    fn from_str(text: &str) -> Result<Date, String> {
        Date::parse(text).ok_or_else(|| format!("{text:?} is not a date (YYYY-MM-DD)"))
    }
}

/// Written as the atlas writes dates, `YYYY-MM-DD`, so saved settings and JSON stay readable.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_and_rejects_malformed() {
        assert_eq!(
            Date::parse("2002-10-07"),
            Some(Date {
                year: 2002,
                month: 10,
                day: 7
            })
        );
        assert!(Date::parse("2024-02-29").is_some());
        for bad in [
            "2023-02-29",
            "2002-13-01",
            "2002-1-07",
            "07.10.2002",
            "",
            "2002-10-0x",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_numbers_round_trip() {
        for text in ["1992-05-15", "2000-02-29", "2026-11-27", "1999-12-31"] {
            let d = Date::parse(text).unwrap();
            assert_eq!(Date::from_day_number(d.day_number()), d);
            assert_eq!(d.to_string(), text);
        }
        let a = Date::parse("1992-05-15").unwrap().day_number();
        let b = Date::parse("1992-05-16").unwrap().day_number();
        assert_eq!(b - a, 1);
    }
}
