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

// An import does.
mod imported {
    use typed_dict::typed_dict;
    use std::string::String as StreamRequired;

    #[typed_dict]
    pub struct Stream {
        pub name: StreamRequired,
    }
}

// The name given with `required = ..` is taken.
#[typed_dict(required = BucketKeys)]
pub struct Bucket {
    pub name: String,
}

pub struct BucketKeys;

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

fn main() {
    // In a function body, the block's items clash as a module's do.
    struct TaskRequired;

    #[typed_dict]
    struct Task {
        id: String,
    }
}
