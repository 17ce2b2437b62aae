//! The body of the `text_report` fuzz target (`fuzz/fuzz_targets/text_report.rs`), here
//! so `cargo test` replays seeds and generated adversarial inputs through the same code
//! (`cli/tests/fuzz_replay.rs`) without the fuzzing toolchain.

use typed_dict::{Report, TypedDictSchema};

use crate::escape::Escaped;
use crate::report::{self, PayloadReport};
use crate::validate;

/// One fuzz input, split into what the CLI would get.
///
/// Byte 0 picks the TypeDef (index modulo the number of them, in catalog order); byte 1
/// the options (bit 0 wire mode, bit 1 unknown keys denied, bit 2 named as a JSON Lines
/// line); byte 2 the length (modulo 32) of the file name that follows; the rest is the
/// payload.
#[derive(Debug)]
pub struct Input<'a> {
    /// The TypeDef checked against.
    pub schema: &'static TypedDictSchema,
    /// Wire or strict, unknown keys allowed or denied.
    pub options: typed_dict::DecodeOptions,
    /// The line, when named as a JSON Lines payload.
    pub line: Option<usize>,
    /// The file name shown (any text, as a directory walk may find it).
    pub file: String,
    /// The payload's bytes.
    pub payload: &'a [u8],
}

impl<'a> Input<'a> {
    /// Splits `data`; `None` when it is too short to pick a TypeDef and options.
    pub fn parse(data: &'a [u8]) -> Option<Input<'a>> {
        let [type_byte, option_byte, name_length, rest @ ..] = data else {
            return None;
        };
        let count = ecr_types::CATALOG.type_defs().count();
        let schema = ecr_types::CATALOG
            .type_defs()
            .nth(usize::from(*type_byte) % count)?;
        let mut options = validate::options(option_byte & 1 != 0, option_byte & 2 != 0);
        if option_byte & 8 != 0 {
            options = options.max_errors(usize::from(option_byte >> 4));
        }
        let line = (option_byte & 4 != 0).then_some(usize::from(*option_byte) + 1);
        let name_length = usize::from(*name_length % 32).min(rest.len());
        let (name, payload) = rest.split_at(name_length);
        Some(Input {
            schema,
            options,
            line,
            file: String::from_utf8_lossy(name).into_owned(),
            payload,
        })
    }
}

/// Validates the payload, renders the text and the JSON report, and panics unless both
/// hold the invariants: no raw control, format or bidi character anywhere but the
/// report's own line ends; exactly the lines the report calls for, the first naming the
/// file and every other indented (so no line is forged); and JSON that reads back to the
/// very paths, messages and file name.
pub fn text_report(data: &[u8]) {
    let Some(input) = Input::parse(data) else {
        return;
    };
    let report = typed_dict::validate_schema(input.payload, input.schema, input.options);
    let payload = PayloadReport {
        file: &input.file,
        line: input.line,
        schema: input.schema,
        options: input.options,
        report: &report,
    };
    let mut text = Vec::new();
    report::text(&payload, &mut text).expect("writing to memory");
    check_text(&input, &report, &text);
    let mut json = Vec::new();
    report::json(&payload, &mut json).expect("writing to memory");
    check_json(&input, &report, &json);
}

/// What must never stand raw in a report, stated apart from [`crate::escape`]'s table so
/// the check does not share its mistakes: every control character (std's `is_control`:
/// C0, DEL, C1), the bidi controls, the invisible and zero-width characters, the line and
/// paragraph separators and the tag characters.
fn forbidden_raw(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{AD}'
                | '\u{61C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

fn check_text(input: &Input<'_>, report: &Report, text: &[u8]) {
    let text = std::str::from_utf8(text).expect("the text report is UTF-8");
    if let Some(raw) = text.chars().find(|&c| c != '\n' && forbidden_raw(c)) {
        panic!("raw {raw:?} in the text report: {text:?}");
    }
    let expected = expected_lines(report);
    assert_eq!(text.lines().count(), expected, "{text:?}");
    assert!(text.ends_with('\n'), "{text:?}");
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    let name = Escaped(&input.file).to_string();
    assert!(first.starts_with(&name), "{first:?} should name {name:?}");
    for line in lines {
        assert!(
            line.starts_with("  "),
            "unindented line {line:?} in {text:?}"
        );
    }
}

/// The header, plus one line per kept error (unless a lone error at `$` shares the
/// header), plus one per kept warning, plus a closing line for each list shortened.
fn expected_lines(report: &Report) -> usize {
    let error_lines = match (report.errors.as_slice(), report.more_errors) {
        ([only], 0) if only.path == "$" => 0,
        (errors, more) => errors.len() + usize::from(more > 0),
    };
    1 + error_lines + report.warnings.len() + usize::from(report.more_warnings > 0)
}

fn check_json(input: &Input<'_>, report: &Report, json: &[u8]) {
    let json = std::str::from_utf8(json).expect("the JSON report is UTF-8");
    if let Some(raw) = json
        .trim_end_matches('\n')
        .chars()
        .find(|&c| forbidden_raw(c))
    {
        panic!("raw {raw:?} in the JSON report: {json:?}");
    }
    assert_eq!(json.matches('\n').count(), 1, "one line: {json:?}");
    let value: serde_json::Value = serde_json::from_str(json).expect("the JSON report parses");
    assert_eq!(value["file"], input.file.as_str());
    assert_eq!(value["valid"], report.is_valid());
    assert_eq!(value["more_errors"], report.more_errors);
    assert_eq!(value["more_warnings"], report.more_warnings);
    for (key, found) in [("errors", &report.errors), ("warnings", &report.warnings)] {
        let shown = value[key].as_array().expect("a list");
        assert_eq!(shown.len(), found.len());
        for (shown, error) in shown.iter().zip(found) {
            assert_eq!(shown["path"], error.path.as_str());
            assert_eq!(shown["message"], error.message.as_str());
            assert_eq!(shown["kind"], error.kind.code());
        }
    }
}
