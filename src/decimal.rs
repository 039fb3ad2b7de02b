//! Numbers written as decimal text (SVG coordinates, styles, rates) and read back from the
//! browser's computed values, without the standard library's float formatting and parsing,
//! whose algorithms and tables cost the first load ~20 KB of wasm. Rounding for display only:
//! no number that is counted or compared goes through here. Written here because the crates
//! for the job (ryu, lexical) write the shortest round-trip form, not a fixed number of places,
//! and bring tables of their own; the page needs only fixed places and its own values read back.

use std::fmt;

/// `value` rounded to `decimals` places (at most 9), written as `{:.N}` would write it; `-0.0`
/// is written without its sign.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fixed(pub f64, pub u32);

/// `value` with `decimals` places.
pub fn fixed(value: impl Into<f64>, decimals: u32) -> Fixed {
    Fixed(value.into(), decimals.min(9))
}

/// `value` with at most six places and no trailing zeros (`52`, `0.5`): where a number's text
/// only has to read back as the same number.
pub fn short(value: impl Into<f64>) -> String {
    let mut text = fixed(value, 6).to_string();
    if text.contains('.') {
        let kept = text.trim_end_matches('0').trim_end_matches('.').len();
        text.truncate(kept);
    }
    if text == "-0" { "0".into() } else { text }
}

/// A decimal number the browser wrote (a computed style, a `viewBox`), or `None`. In the page
/// the browser reads it (`parseFloat`, on a trimmed text that must be all number).
pub fn number(text: &str) -> Option<f64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    #[cfg(target_arch = "wasm32")]
    {
        let all_number = text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
        let value = js_sys::parse_float(text);
        (all_number && !value.is_nan()).then_some(value)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.parse().ok()
    }
}

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Fixed(value, decimals) = *self;
        if value.is_nan() {
            return f.write_str("NaN");
        }
        if value.is_infinite() {
            return f.write_str(if value > 0.0 { "inf" } else { "-inf" });
        }
        let scale = 10u64.pow(decimals.min(9));
        // Saturates past u64 (about 1.8e19 / scale), far beyond any coordinate or rate.
        let scaled = (value.abs() * scale as f64).round() as u64;
        if value < 0.0 && scaled != 0 {
            f.write_str("-")?;
        }
        write!(f, "{}", scaled / scale)?;
        if decimals > 0 {
            write!(f, ".{:0width$}", scaled % scale, width = decimals as usize)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_places_read_as_the_standard_formatting_does() {
        for (value, places) in [
            (0.0, 1),
            (12.34, 1),
            (12.36, 1),
            (-3.04, 1),
            (-3.06, 1),
            (1.0 / 3.0, 5),
            (99.99, 1),
            (1234.5678, 2),
            (7.0, 0),
            (0.004, 2),
        ] {
            let ours = fixed(value, places).to_string();
            let theirs = format!("{value:.places$}", places = places as usize);
            assert_eq!(ours, theirs, "{value} to {places} places");
        }
    }

    #[test]
    fn negative_zero_is_written_without_a_sign() {
        assert_eq!(fixed(-0.04, 1).to_string(), "0.0");
        assert_eq!(short(-0.0000001), "0");
    }

    #[test]
    fn numbers_are_read_whole_or_not_at_all() {
        assert_eq!(number(" 0.5"), Some(0.5));
        assert_eq!(number("-12"), Some(-12.0));
        assert_eq!(number(""), None);
        assert_eq!(number("12px"), None);
    }

    #[test]
    fn short_numbers_drop_trailing_zeros() {
        assert_eq!(short(52.0), "52");
        assert_eq!(short(0.5), "0.5");
        assert_eq!(short(-12.25), "-12.25");
        assert_eq!(short(1200.0f32), "1200");
    }
}
