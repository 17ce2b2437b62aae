//! The renamed dependency (`td = { package = "typed-dict" }`) found from the manifest:
//! declarations of every kind build without `crate = "td"`, as they would with
//! `proc-macro-crate`-style lookups in any crate that renames typed-dict.

use td::{typed_dict, List, TypedDict};

/// A literal without `crate = ...`.
#[typed_dict]
pub enum Status {
    Active,
    Deleted,
}

/// A named alias without `crate = ...`.
#[typed_dict]
pub struct QueueUrl(pub String);

/// A union without `crate = ...`.
#[typed_dict]
pub enum Label {
    Text(String),
    Number(i64),
}

/// A typed dict without `crate = ...`, with its output variant.
#[typed_dict(rename_all = "PascalCase", output = QueueOutput)]
pub struct Queue {
    pub queue_url: QueueUrl,
    pub status: Option<Status>,
    pub labels: Option<List<Label>>,
}

#[test]
fn declarations_find_the_renamed_runtime_without_crate() {
    let json = r#"{"QueueUrl":"https://q","Status":"Active","Labels":["a",1]}"#;
    let queue: Queue = td::from_str(json).unwrap();
    assert_eq!(queue.queue_url.0, "https://q");
    assert_eq!(queue.status, Some(Status::Active));
    assert_eq!(td::to_string(&queue).unwrap(), json);
    let output: QueueOutput = td::from_str(json).unwrap();
    assert_eq!(Queue::from(output), queue);
    assert_eq!(Queue::schema().name, "Queue");
}
