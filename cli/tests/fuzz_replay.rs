//! Replays the `text_report` fuzz target (`fuzz/fuzz_targets/text_report.rs`) in the test
//! command: its committed seeds (`cli/fuzz-seeds/text_report/`), every escaped character
//! in every place a payload's text reaches the report, and a deterministic mutation loop.

use std::path::PathBuf;

use ecr_types_cli::escape::is_escaped;
use ecr_types_cli::fuzz::text_report;

fn seeds() -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz-seeds/text_report");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| std::fs::read(path).unwrap())
        .collect()
}

fn type_index(name: &str) -> u8 {
    let index = ecr_types::CATALOG
        .type_defs()
        .position(|schema| schema.name == name)
        .unwrap();
    u8::try_from(index).unwrap()
}

/// A fuzz input: TypeDef, option bits, file name, payload.
fn input(type_def: &str, options: u8, file: &str, payload: &[u8]) -> Vec<u8> {
    let mut data = vec![type_index(type_def), options, file.len() as u8];
    data.extend_from_slice(file.as_bytes());
    data.extend_from_slice(payload);
    data
}

/// Every character the reports escape, and a sample of the ones they leave alone.
fn characters() -> Vec<char> {
    let mut chars: Vec<char> = (0u32..0x20)
        .chain(0x7F..0xA0)
        .chain(0x2000..0x2070)
        .chain([
            0xAD, 0x61C, 0x180E, 0xFEFF, 0xFFF9, 0xFFFD, 0x1D173, 0xE0000, 0xE0001, 0xE0041,
            0xE007F,
        ])
        .chain([
            u32::from('\''),
            u32::from('\\'),
            u32::from('"'),
            0xE9,
            0x65E5,
            0x1F600,
        ])
        .filter_map(char::from_u32)
        .collect();
    chars.dedup();
    chars
}

/// Payloads with `{H}` where a string (JSON-escaped, without quotes) goes: keys, literal
/// values, timestamps, blobs, dict keys, unknown keys.
const TEMPLATES: [(&str, &str); 5] = [
    (
        "DescribeImagesResponseTypeDef",
        r#"{"imageDetails": [{"imageTags": ["{H}", 7], "imagePushedAt": "{H}",
            "imageScanStatus": {"status": "{H}"},
            "imageScanFindingsSummary": {"findingSeverityCounts": {"{H}": 1, "HIGH": "{H}"}},
            "{H}": {"{H}": 1}}], "{H}": 1, "nextToken": "{H}"}"#,
    ),
    (
        "CreateRepositoryRequestRequestTypeDef",
        r#"{"repositoryName": "{H}", "imageTagMutability": "{H}", "tags": [{"Key": "{H}", "Value": 1}, {"{H}": "{H}"}]}"#,
    ),
    (
        "UploadLayerPartRequestRequestTypeDef",
        r#"{"repositoryName": "r", "uploadId": "u", "partFirstByte": "{H}", "partLastByte": 1, "layerPartBlob": "{H}"}"#,
    ),
    (
        "GetLifecyclePolicyPreviewResponseTypeDef",
        r#"{"{H}": 1, "{H}": 2, "previewResults": [{"appliedRulePriority": "{H}", "action": {"type": "{H}"}, "imagePushedAt": "{H}"}]}"#,
    ),
    (
        "DescribeImageScanFindingsResponseTypeDef",
        r#"{"imageScanFindings": {"findings": [{"severity": "{H}", "attributes": [{"key": "{H}", "{H}": 1}]}],
            "findingSeverityCounts": {"{H}": "{H}"}}, "imageScanStatus": {"status": "{H}"}}"#,
    ),
];

/// The text JSON-escaped without its quotes: what stands between them in a payload.
fn json_inner(text: &str) -> String {
    let quoted = serde_json::to_string(text).unwrap();
    quoted[1..quoted.len() - 1].to_owned()
}

fn adversarial_inputs() -> Vec<Vec<u8>> {
    let mut inputs = Vec::new();
    for c in characters() {
        let text = format!("\u{1b}]0;x\u{7}{c}\nother.json: ok{c}{c}");
        for (index, (type_def, template)) in TEMPLATES.iter().enumerate() {
            let options = ((index as u32 + u32::from(c)) % 8) as u8;
            let file = format!("{c}f{index}{c}.json");
            // Escaped in the JSON, as a valid payload carries it.
            let escaped = template.replace("{H}", &json_inner(&text));
            inputs.push(input(type_def, options, &file, escaped.as_bytes()));
            // Raw, as a broken payload may: mostly malformed JSON, reported at `$`.
            let raw = template.replace("{H}", &text);
            inputs.push(input(type_def, options ^ 1, &file, raw.as_bytes()));
        }
    }
    inputs
}

#[test]
fn committed_seeds_hold_the_invariants() {
    let seeds = seeds();
    assert!(seeds.len() >= 8, "seeds missing");
    for seed in &seeds {
        text_report(seed);
    }
}

#[test]
fn every_escaped_character_in_every_place_holds_the_invariants() {
    let inputs = adversarial_inputs();
    assert!(characters().iter().filter(|&&c| is_escaped(c)).count() > 90);
    for data in &inputs {
        text_report(data);
    }
    eprintln!("{} adversarial inputs replayed", inputs.len());
}

/// xorshift64*: deterministic, so a failure replays.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, data: &mut Vec<u8>, chars: &[char]) {
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(data.len() + 1);
        match rng.below(6) {
            0 if !data.is_empty() => {
                let at = at.min(data.len() - 1);
                data[at] ^= 1 << rng.below(8);
            }
            1 => data.insert(at, rng.next() as u8),
            2 => {
                let c = chars[rng.below(chars.len())];
                let mut buffer = [0u8; 4];
                let encoded = c.encode_utf8(&mut buffer).as_bytes().to_vec();
                data.splice(at..at, encoded);
            }
            3 => {
                let c = chars[rng.below(chars.len())];
                let escaped = json_inner(&c.to_string()).into_bytes();
                let escaped = if escaped.len() == 1 {
                    format!("\\u{:04x}", u32::from(c)).into_bytes()
                } else {
                    escaped
                };
                data.splice(at..at, escaped);
            }
            4 if at < data.len() => {
                let end = (at + 1 + rng.below(16)).min(data.len());
                data.drain(at..end);
            }
            _ if at < data.len() => {
                let end = (at + 1 + rng.below(32)).min(data.len());
                let copy = data[at..end].to_vec();
                data.splice(at..at, copy);
            }
            _ => {}
        }
    }
}

#[test]
fn a_deterministic_mutation_loop_holds_the_invariants() {
    let mut corpus = seeds();
    corpus.extend(adversarial_inputs().into_iter().step_by(7));
    let chars = characters();
    let mut rng = Rng(0x5EED_CAFE_F00D_D00D);
    let rounds = 20_000;
    for _ in 0..rounds {
        let mut data = corpus[rng.below(corpus.len())].clone();
        mutate(&mut rng, &mut data, &chars);
        text_report(&data);
    }
    eprintln!("{rounds} mutated inputs over {} bases", corpus.len());
}
