//! The docs rendered from the static schema are byte-identical to upstream's pages: the
//! declarations and the renderer prove each other.

use ecr_types::docs::{literals_markdown, type_defs_markdown};
use ecr_types::CATALOG;

#[test]
fn type_defs_page_is_byte_identical_to_upstream() {
    let rendered = type_defs_markdown(&CATALOG);
    let upstream = include_str!("../spec/type_defs.md");
    assert_identical(&rendered, upstream, "type_defs.md");
}

#[test]
fn literals_page_is_byte_identical_to_upstream() {
    let rendered = literals_markdown(&CATALOG);
    let upstream = include_str!("../spec/literals.md");
    assert_identical(&rendered, upstream, "literals.md");
}

/// Equality, reported as the first differing line rather than two 2,000-line strings.
fn assert_identical(rendered: &str, upstream: &str, page: &str) {
    if rendered == upstream {
        return;
    }
    let first_difference = rendered
        .lines()
        .zip(upstream.lines())
        .enumerate()
        .find(|(_, (ours, theirs))| ours != theirs);
    match first_difference {
        Some((index, (ours, theirs))) => panic!(
            "{page} differs at line {}:\n  rendered: {ours:?}\n  upstream: {theirs:?}",
            index + 1
        ),
        None => panic!(
            "{page} differs in length or trailing bytes: rendered {} bytes, upstream {}",
            rendered.len(),
            upstream.len()
        ),
    }
}

/// The latest page (no upstream copy to compare with) has a section for every TypeDef and
/// alias, with the alias's definition, and every link to a type lands on a section.
#[test]
fn latest_type_defs_page_links_only_to_its_own_sections() {
    let page = type_defs_markdown(&ecr_types::latest::CATALOG);
    let anchors: std::collections::HashSet<&str> = page
        .split("<a id=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    let links: Vec<&str> = page
        .split("](./type_defs.md#")
        .skip(1)
        .map(|rest| &rest[..rest.find(')').unwrap()])
        .collect();
    assert!(links.len() > 150, "{} links", links.len());
    for link in &links {
        assert!(
            anchors.contains(link),
            "a link to `#{link}`, which is no section"
        );
    }
    assert_eq!(
        page.matches("\n## ").count(),
        ecr_types::latest::CATALOG.type_defs().len() + 4
    );
    assert!(page.contains(
        "\n## BlobTypeDef\n\n```python\nfrom types_aiobotocore_ecr.type_defs import BlobTypeDef\n```\n\nDefinition:\n\n- `Union`\\[`str`, `bytes`, `IO`\\[`Any`\\], `StreamingBody`\\]\n"
    ));
    assert!(page.contains("- `layerPartBlob`: [BlobTypeDef](./type_defs.md#blobtypedef)\n"));
}
