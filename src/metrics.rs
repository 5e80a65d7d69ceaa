//! Font metrics and glyph coverage from the same font egui draws with, so that sizes computed
//! here match the screen and the exported SVG alike. A leaf: the model (its warnings), the
//! layout and the drawing all measure text here.

use std::sync::OnceLock;

/// Measures and wraps text set in egui's default proportional font (Ubuntu Light).
pub struct TextMetrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// Advances of the printable ASCII characters, in font units: most text is ASCII, and a table
    /// is far cheaper than a cmap lookup per character.
    ascii: [f32; 128],
    /// Which ASCII characters the font has, one bit each, for the same reason.
    ascii_covered: u128,
}

impl TextMetrics {
    /// The shared instance; parsing the font once is enough.
    pub fn get() -> &'static TextMetrics {
        static METRICS: OnceLock<TextMetrics> = OnceLock::new();
        METRICS.get_or_init(|| {
            // The font is compiled in: failing to parse it is a build defect, not user input.
            let face = ttf_parser::Face::parse(crate::fonts::UBUNTU_LIGHT, 0)
                .expect("the bundled Ubuntu Light font parses");
            let units_per_em = face.units_per_em() as f32;
            let mut metrics = TextMetrics {
                face,
                units_per_em,
                ascii: [0.0; 128],
                ascii_covered: 0,
            };
            for (c, slot) in (0u8..128).zip(0..128) {
                metrics.ascii[slot] = metrics.advance(c as char);
                let c = c as char;
                if c.is_whitespace() || metrics.face.glyph_index(c).is_some() {
                    metrics.ascii_covered |= 1 << slot;
                }
            }
            metrics
        })
    }

    /// The advance of one character in font units.
    fn advance(&self, c: char) -> f32 {
        self.face
            .glyph_index(c)
            .and_then(|g| self.face.glyph_hor_advance(g))
            // Characters the font lacks fall back in egui to other fonts; half an em is close.
            .map_or(self.units_per_em / 2.0, f32::from)
    }

    /// True when the embedded font has a glyph for `c` (Latin, Greek, Cyrillic and more; not
    /// Arabic, CJK or emoji). Exports are set in this font only.
    pub fn covers(&self, c: char) -> bool {
        match c as u32 {
            ascii @ 0..128 => self.ascii_covered & (1 << ascii) != 0,
            _ => c.is_whitespace() || self.face.glyph_index(c).is_some(),
        }
    }

    /// `text` with each character the font lacks replaced by a visible "?", so that a picture
    /// shows that something is missing instead of nothing.
    pub fn displayable(&self, text: &str) -> String {
        text.chars()
            .map(|c| if self.covers(c) { c } else { '?' })
            .collect()
    }

    /// The advance width of `text` at `size` pixels.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text
            .chars()
            .map(|c| match self.ascii.get(c as usize) {
                Some(&a) => a,
                None => self.advance(c),
            })
            .sum();
        units * size / self.units_per_em
    }

    /// The distance between baselines of consecutive lines, as egui computes it.
    pub fn line_height(&self, size: f32) -> f32 {
        let scale = size / self.units_per_em;
        let (a, d, g) = (
            self.face.ascender() as f32,
            self.face.descender() as f32,
            self.face.line_gap() as f32,
        );
        ((a * scale).round() - (d * scale).round() + (g * scale).round()).max(size)
    }

    /// The ascent above the baseline at `size`.
    pub fn ascent(&self, size: f32) -> f32 {
        (self.face.ascender() as f32 * size / self.units_per_em).round()
    }

    /// Greedy word wrap to `max_width`; a word longer than a line stands on a line of its own.
    pub fn wrap(&self, text: &str, size: f32, max_width: f32) -> Vec<String> {
        let space = self.width(" ", size);
        let mut lines = Vec::new();
        let mut line = String::new();
        let mut line_width = 0.0;
        // A word too long for the measure breaks after its hyphens ("Консультационно-" /
        // "координационный"), so that one long compound does not widen a whole column.
        let pieces = text.split_whitespace().flat_map(|word| {
            let mut parts = vec![(word, true)];
            if self.width(word, size) > max_width {
                parts.clear();
                let mut rest = word;
                let mut first = true;
                while let Some(at) = rest.find('-').filter(|&at| at > 0 && at + 1 < rest.len()) {
                    parts.push((&rest[..=at], first));
                    rest = &rest[at + 1..];
                    first = false;
                }
                parts.push((rest, first));
            }
            parts
        });
        for (piece, starts_word) in pieces {
            let w = self.width(piece, size);
            let sep = if starts_word { space } else { 0.0 };
            if !line.is_empty() && line_width + sep + w > max_width {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            } else if !line.is_empty() && starts_word {
                line.push(' ');
                line_width += space;
            }
            line.push_str(piece);
            line_width += w;
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_measures_wider_and_wraps() {
        let m = TextMetrics::get();
        assert!(m.width("Collective Security Council", 13.0) > m.width("CSC", 13.0));
        assert!(m.width("CSC", 26.0) > 1.9 * m.width("CSC", 13.0));
        let lines = m.wrap("Council of Ministers of Foreign Affairs", 13.0, 120.0);
        assert!(lines.len() >= 2, "{lines:?}");
        for l in &lines {
            assert!(m.width(l, 13.0) <= 120.0 || !l.contains(' '), "{l}");
        }
        assert_eq!(lines.join(" "), "Council of Ministers of Foreign Affairs");
    }

    #[test]
    fn a_compound_too_long_for_a_line_breaks_after_its_hyphen() {
        let m = TextMetrics::get();
        let lines = m.wrap("Консультационно-координационный центр", 11.0, 116.0);
        assert_eq!(lines[0], "Консультационно-");
        assert!(lines[1].starts_with("координационный"));
        // A compound that fits keeps its hyphen mid-line.
        assert_eq!(
            m.wrap("military-economic", 11.0, 300.0),
            ["military-economic"]
        );
    }
}
