//! `typed_dict::error::Escaped` escapes exactly what its documentation promises, checked over
//! every Unicode scalar value: general categories Cc, Cf, Zl and Zp of Unicode 16, plus the
//! unassigned code points inside the format blocks (U+2065; U+E0000 and U+E0002 to
//! U+E001F), and nothing else.
//!
//! The classes below are written out from Unicode 16's `UnicodeData.txt`, by name and by
//! what each is for, not copied from the crate's table: a character dropped from the
//! table (or one added by mistake) fails here, not only in the command line's tests.

use typed_dict::error::Escaped;

/// A class of characters: what it is, and its code point ranges (inclusive).
type Class = (&'static str, &'static [(u32, u32)]);

/// Every character escaped, class by class.
const CLASSES: &[Class] = &[
    // Cc: ESC, BEL, backspace, newline, carriage return, tab, NUL, ...
    ("C0 controls", &[(0x0000, 0x001F)]),
    ("DEL", &[(0x007F, 0x007F)]),
    ("C1 controls (CSI, NEL, OSC, ...)", &[(0x0080, 0x009F)]),
    // Cf, in code point order.
    ("soft hyphen", &[(0x00AD, 0x00AD)]),
    (
        "Arabic number signs and end of ayah",
        &[
            (0x0600, 0x0605),
            (0x06DD, 0x06DD),
            (0x0890, 0x0891),
            (0x08E2, 0x08E2),
        ],
    ),
    ("Arabic letter mark (bidi)", &[(0x061C, 0x061C)]),
    ("Syriac abbreviation mark", &[(0x070F, 0x070F)]),
    ("Mongolian vowel separator", &[(0x180E, 0x180E)]),
    (
        "zero width space, non-joiner and joiner",
        &[(0x200B, 0x200D)],
    ),
    ("left-to-right and right-to-left marks", &[(0x200E, 0x200F)]),
    (
        "bidi embeddings, pop and overrides (LRE RLE PDF LRO RLO)",
        &[(0x202A, 0x202E)],
    ),
    ("word joiner and invisible operators", &[(0x2060, 0x2064)]),
    ("bidi isolates (LRI RLI FSI PDI)", &[(0x2066, 0x2069)]),
    (
        "deprecated format characters (symmetric swapping, digit shapes)",
        &[(0x206A, 0x206F)],
    ),
    (
        "byte order mark (zero width no-break space)",
        &[(0xFEFF, 0xFEFF)],
    ),
    ("interlinear annotation controls", &[(0xFFF9, 0xFFFB)]),
    (
        "Kaithi number signs",
        &[(0x110BD, 0x110BD), (0x110CD, 0x110CD)],
    ),
    ("Egyptian hieroglyph format controls", &[(0x13430, 0x1343F)]),
    ("shorthand format controls", &[(0x1BCA0, 0x1BCA3)]),
    (
        "musical symbol beams, ties, slurs and phrases",
        &[(0x1D173, 0x1D17A)],
    ),
    ("language tag", &[(0xE0001, 0xE0001)]),
    ("tag characters and cancel tag", &[(0xE0020, 0xE007F)]),
    // Zl and Zp: a new line in most logs.
    ("line separator", &[(0x2028, 0x2028)]),
    ("paragraph separator", &[(0x2029, 0x2029)]),
    // Unassigned in Unicode 16, escaped in case a later Unicode makes them format
    // characters: the hole among the invisible operators, and the tag block's holes.
    (
        "unassigned in the general format block",
        &[(0x2065, 0x2065)],
    ),
    (
        "unassigned in the tag block",
        &[(0xE0000, 0xE0000), (0xE0002, 0xE001F)],
    ),
];

fn chars(ranges: &[(u32, u32)]) -> impl Iterator<Item = char> + '_ {
    ranges
        .iter()
        .flat_map(|&(low, high)| low..=high)
        .map(|code| char::from_u32(code).expect("no surrogates in the classes"))
}

fn is_listed(c: char) -> bool {
    let code = u32::from(c);
    CLASSES
        .iter()
        .flat_map(|(_, ranges)| ranges.iter())
        .any(|&(low, high)| (low..=high).contains(&code))
}

/// What a payload shows for an escaped character.
fn escaped_form(c: char) -> String {
    match c {
        '\n' => r"\n".to_owned(),
        '\r' => r"\r".to_owned(),
        '\t' => r"\t".to_owned(),
        _ => c.escape_unicode().to_string(),
    }
}

#[test]
fn the_classes_are_unicode_16s_cc_cf_zl_zp_and_the_format_blocks_holes() {
    // Unicode 16 counts 65 Cc, 170 Cf, 1 Zl and 1 Zp characters; 32 holes are added.
    let count: usize = CLASSES
        .iter()
        .map(|(_, ranges)| chars(ranges).count())
        .sum();
    assert_eq!(count, 65 + 170 + 1 + 1 + 32);
    // No character is in two classes.
    let mut all: Vec<char> = CLASSES
        .iter()
        .flat_map(|(_, ranges)| chars(ranges))
        .collect();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), count);
    // Cc is what std calls a control.
    let controls = ('\0'..=char::MAX).filter(|c| c.is_control()).count();
    assert_eq!(controls, 65);
    assert!(('\0'..=char::MAX).filter(|c| c.is_control()).all(is_listed));
}

#[test]
fn every_character_of_every_class_is_escaped() {
    for (class, ranges) in CLASSES {
        for c in chars(ranges) {
            assert!(Escaped::escapes(c), "{class}: U+{:04X}", u32::from(c));
            let alone = c.to_string();
            assert_eq!(
                Escaped(&alone).to_string(),
                escaped_form(c),
                "{class}: U+{:04X}",
                u32::from(c)
            );
            let inside = format!("a{c}b{c}");
            let shown = Escaped(&inside).to_string();
            assert_eq!(
                shown,
                format!("a{0}b{0}", escaped_form(c)),
                "{class}: U+{:04X}",
                u32::from(c)
            );
            assert!(shown.is_ascii(), "{class}: {shown}");
        }
    }
}

#[test]
fn every_other_character_is_shown_as_it_is() {
    let mut ordinary = String::new();
    for c in '\0'..=char::MAX {
        if is_listed(c) {
            continue;
        }
        assert!(
            !Escaped::escapes(c),
            "U+{:04X} is escaped but in no class",
            u32::from(c)
        );
        ordinary.push(c);
    }
    assert_eq!(Escaped(&ordinary).to_string(), ordinary);
    // The neighbours of the classes, by name.
    for c in [
        ' ',
        '~',
        '\u{A0}',
        '\u{AC}',
        '\u{AE}',
        '\u{61B}',
        '\u{61D}',
        '\u{200A}',
        '\u{2010}',
        '\u{2027}',
        '\u{202F}',
        '\u{205F}',
        '\u{2070}',
        '\u{FEFE}',
        '\u{FF00}',
        '\u{FFF8}',
        '\u{FFFC}',
        '\u{FFFD}',
        '\u{E0080}',
        '\u{E0100}',
        '\u{1D172}',
        '\u{1D17B}',
        'é',
        '日',
        '😀',
    ] {
        assert!(!Escaped::escapes(c), "U+{:04X}", u32::from(c));
    }
}
