//! Text from records on a terminal: a name or a note may hold control characters or
//! escape sequences (`ESC [ 2 J` clears the screen, others rewrite the title or
//! fake a prompt). Everything printed from records goes through [`printable`].

use std::borrow::Cow;

/// `text` with every control character but newline and tab written as `\u{…}`.
pub fn printable(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_control_characters_but_keeps_lines() {
        assert_eq!(printable("a\nb\tc"), "a\nb\tc");
        assert_eq!(printable("x\u{1b}[2Jy"), "x\\u{1b}[2Jy");
        assert_eq!(printable("bell\u{7}\r"), "bell\\u{7}\\u{d}");
        assert_eq!(printable("\u{9b}31m"), "\\u{9b}31m");
    }
}
