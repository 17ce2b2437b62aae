// A name the macro would declare beside a typed dict, already declared in the same module
// or block: one error each, at the struct's name (or where the name was written), saying
// what declares it and how to name the generated item otherwise.
use typed_dict::{typed_dict, Sequence};

// Another typed dict bears the companion's name.
#[typed_dict]
pub struct Queue {
    pub url: String,
}

#[typed_dict]
pub struct QueueRequired {
    pub name: String,
}

// A plain type does.
#[typed_dict]
pub struct Topic {
    pub arn: String,
}

pub enum TopicRequired {}

// A raw identifier does.
#[typed_dict]
pub struct r#Stream {
    pub name: String,
}

pub struct r#StreamRequired;

// The name given with `required = ..` is taken, raw or not.
#[typed_dict(required = BucketKeys)]
pub struct Bucket {
    pub name: String,
}

pub struct BucketKeys;

#[typed_dict(required = r#ObjectKeys)]
pub struct Object {
    pub key: String,
}

#[derive(Debug, Clone)]
/// Documented, derived: still the same struct.
pub struct ObjectKeys;

// The output variant's name is taken, and so is its companion's.
#[typed_dict(output = ImageOutput)]
pub struct Image {
    pub tags: Sequence<String>,
}

pub struct ImageOutput;

#[typed_dict(output = LayerOutput)]
pub struct Layer {
    pub digests: Sequence<String>,
}

pub type LayerOutputRequired = u8;

// A generic typed dict's companion.
#[typed_dict]
pub struct Page<T> {
    pub items: Vec<T>,
}

pub trait PageRequired {}

// Inside a module under `cfg`, as test shapes are: the `cfg` holds wherever the typed
// dict is expanded.
#[cfg(all())]
mod checked {
    use typed_dict::typed_dict;

    pub struct FleetRequired;

    #[typed_dict]
    pub struct Fleet {
        pub id: String,
    }
}

fn main() {
    // In a function body, the block's items clash as a module's do.
    struct TaskRequired;

    #[typed_dict]
    struct Task {
        id: String,
    }
}
