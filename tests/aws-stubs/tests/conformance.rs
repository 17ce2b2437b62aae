//! typed-dict-gen on real stubs (sqs, sts, dynamodb, events, and `in_place`'s keys from s3 and iam): the checked-in modules are what it writes, they build (this
//! test links them), and every TypedDict, key, Required flag, annotation, literal and alias
//! of their catalog tables equals the stub's facts, except exactly the deviations the
//! generator reports, which are exactly the known list (`known_deviations.txt`). A construct
//! the framework learns (or loses) changes that list, and this test says so.

use std::collections::BTreeSet;
use std::path::PathBuf;

use typed_dict::ValueType;
use typed_dict_aws_stubs::{services, Service};
use typed_dict_gen::{generate_project, project_releases, Facts, Generated};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn generated() -> Generated {
    generate_project(&crate_dir().join("layout.toml")).expect("the stubs generate")
}

/// The facts of the release `layout.toml` names `service`.
fn facts(service: &str) -> Facts {
    let (_, releases) = project_releases(&crate_dir().join("layout.toml")).unwrap();
    let release = releases.into_iter().find(|r| r.name == service);
    release
        .expect("every service is a release of layout.toml")
        .facts
}

#[test]
fn checked_in_modules_are_what_the_generator_writes() {
    let report = generated().check(&crate_dir()).unwrap();
    assert!(
        report.is_clean(),
        "run `cargo run -p typed-dict-gen -- project tests/aws-stubs/layout.toml`:\n{}\nstale: {:?}",
        report.diff,
        report.stale
    );
}

#[test]
fn deviations_are_exactly_the_known_list() {
    let reported: Vec<String> = generated()
        .deviations
        .iter()
        .map(|(release, deviation)| format!("{release}: {deviation}"))
        .collect();
    let known = std::fs::read_to_string(crate_dir().join("known_deviations.txt")).unwrap();
    let known: Vec<&str> = known
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    assert_eq!(
        reported,
        known,
        "the deviations changed; if that is right, known_deviations.txt becomes:\n{}",
        reported.join("\n")
    );
}

/// `(place, stub, rendered)` for every annotation the tables render differently.
type Differences = BTreeSet<(String, String, String)>;

fn compare(service: &Service, facts: &Facts) -> Differences {
    let mut differences = Differences::new();
    let names: Vec<&str> = service
        .type_defs
        .iter()
        .map(|schema| schema().name)
        .collect();
    let stub_names: Vec<&str> = facts.type_defs.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names, stub_names,
        "{}: TypedDicts and their order",
        service.name
    );
    for (schema, stub) in service.type_defs.iter().zip(&facts.type_defs) {
        let schema = schema();
        let keys: Vec<(&str, bool)> = schema.fields.iter().map(|f| (f.key, f.required)).collect();
        let stub_keys: Vec<(&str, bool)> = stub
            .fields
            .iter()
            .map(|f| (f.key.as_str(), f.required))
            .collect();
        assert_eq!(keys, stub_keys, "{}: keys and Required flags", stub.name);
        for (field, stub_field) in schema.fields.iter().zip(&stub.fields) {
            let rendered = field.value.python_with(service.style).to_string();
            if rendered != stub_field.annotation {
                differences.insert((
                    format!("{}.{}", stub.name, stub_field.key),
                    stub_field.annotation.clone(),
                    rendered,
                ));
            }
        }
    }
    let literals: Vec<(&str, Vec<&str>)> = service
        .literals
        .iter()
        .map(|literal| (literal.name, literal.values.to_vec()))
        .collect();
    let stub_literals: Vec<(&str, Vec<&str>)> = facts
        .literals
        .iter()
        .map(|l| {
            (
                l.name.as_str(),
                l.values.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(literals, stub_literals, "{}: literals", service.name);
    assert_eq!(
        service.aliases.len(),
        facts.aliases.len(),
        "{}: aliases",
        service.name
    );
    for (alias, stub) in service.aliases.iter().zip(&facts.aliases) {
        let name = match alias {
            ValueType::Alias(alias) => alias.name,
            ValueType::Union(union) => union.name,
            other => panic!("{}: not an alias or union: {other:?}", stub.name),
        };
        assert_eq!(name, stub.name);
        let rendered = alias.python_definition_with(service.style).to_string();
        if rendered != stub.definition {
            differences.insert((stub.name.clone(), stub.definition.clone(), rendered));
        }
    }
    differences
}

#[test]
fn every_schema_equals_the_stub_but_for_the_reported_deviations() {
    let generated = generated();
    for service in services() {
        let facts = facts(service.name);
        let differences = compare(&service, &facts);
        let reported: Differences = generated
            .deviations
            .iter()
            .filter(|(release, _)| release == service.name)
            .map(|(_, d)| (d.place.clone(), d.stub.clone(), d.emitted.clone()))
            .collect();
        assert_eq!(
            differences, reported,
            "{}: what the catalog renders differently is what the generator reports",
            service.name
        );
        let keys: usize = facts.type_defs.iter().map(|t| t.fields.len()).sum();
        println!(
            "{}: {} TypedDicts, {keys} keys ({} differ), {} literals, {} aliases",
            service.name,
            facts.type_defs.len(),
            differences.iter().filter(|d| d.0.contains('.')).count(),
            facts.literals.len(),
            facts.aliases.len()
        );
    }
}
