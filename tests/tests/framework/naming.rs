//! `rename_all`: serde's eight rules, compared key for key with serde's own derive on the
//! words where implementations differ (digits, one-letter words, raw identifiers, a
//! leading underscore); struct fields default to camelCase, literal variants to their name.

use typed_dict::{Literal, TypedDict};

/// Declares the same fields and variants for `#[typed_dict]` and for serde under one rule.
macro_rules! same_as_serde {
    ($module:ident $(, $rule:tt)?) => {
        #[allow(dead_code)]
        mod $module {
            #[typed_dict::typed_dict($(rename_all = $rule)?)]
            #[allow(non_snake_case)]
            pub struct Ours {
                pub s3_bucket: Option<i64>,
                pub a_b: Option<i64>,
                pub x_ray_id: Option<i64>,
                pub r#type: Option<i64>,
                pub _private: Option<i64>,
                pub image_id_2: Option<i64>,
                pub queue_url: Option<i64>,
                pub a: Option<i64>,
                pub z42: Option<i64>,
                pub very__tasty: Option<i64>,
            }

            #[derive(serde::Serialize, Default)]
            $(#[serde(rename_all = $rule)])?
            #[allow(non_snake_case)]
            pub struct Theirs {
                pub s3_bucket: i64,
                pub a_b: i64,
                pub x_ray_id: i64,
                pub r#type: i64,
                pub _private: i64,
                pub image_id_2: i64,
                pub queue_url: i64,
                pub a: i64,
                pub z42: i64,
                pub very__tasty: i64,
            }

            #[typed_dict::typed_dict($(rename_all = $rule)?)]
            pub enum OurLiteral {
                ETag,
                S3Bucket,
                XRayId,
                A,
                Z42,
                Aes256,
                InProgress,
                HTTPStatus,
            }

            #[derive(serde::Serialize)]
            $(#[serde(rename_all = $rule)])?
            pub enum TheirLiteral {
                ETag,
                S3Bucket,
                XRayId,
                A,
                Z42,
                Aes256,
                InProgress,
                HTTPStatus,
            }

            pub const THEIR_VARIANTS: [TheirLiteral; 8] = [
                TheirLiteral::ETag,
                TheirLiteral::S3Bucket,
                TheirLiteral::XRayId,
                TheirLiteral::A,
                TheirLiteral::Z42,
                TheirLiteral::Aes256,
                TheirLiteral::InProgress,
                TheirLiteral::HTTPStatus,
            ];
        }
    };
}

same_as_serde!(lowercase, "lowercase");
same_as_serde!(uppercase, "UPPERCASE");
same_as_serde!(pascal, "PascalCase");
same_as_serde!(camel, "camelCase");
same_as_serde!(snake, "snake_case");
same_as_serde!(screaming_snake, "SCREAMING_SNAKE_CASE");
same_as_serde!(kebab, "kebab-case");
same_as_serde!(screaming_kebab, "SCREAMING-KEBAB-CASE");
same_as_serde!(no_rule);

fn serde_keys(theirs: impl serde::Serialize) -> Vec<String> {
    // serde_json's map keeps insertion order only with `preserve_order`; serialize to text
    // and read the keys in the order written.
    let text = serde_json::to_string(&theirs).unwrap();
    let mut keys = Vec::new();
    let mut deserializer = serde_json::Deserializer::from_str(&text);
    struct Keys<'a>(&'a mut Vec<String>);
    impl<'de> serde::de::Visitor<'de> for Keys<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some((key, _)) = map.next_entry::<String, serde::de::IgnoredAny>()? {
                self.0.push(key);
            }
            Ok(())
        }
    }
    serde::Deserializer::deserialize_map(&mut deserializer, Keys(&mut keys)).unwrap();
    keys
}

fn our_keys<T: TypedDict>() -> Vec<String> {
    T::schema()
        .fields
        .iter()
        .map(|field| field.key.to_owned())
        .collect()
}

macro_rules! assert_same_as_serde {
    ($($module:ident),*) => {$(
        assert_eq!(
            our_keys::<$module::Ours>(),
            serde_keys($module::Theirs::default()),
            "fields under {}",
            stringify!($module)
        );
        let theirs: Vec<String> = $module::THEIR_VARIANTS
            .iter()
            .map(|variant| serde_json::to_value(variant).unwrap().as_str().unwrap().to_owned())
            .collect();
        assert_eq!(
            <$module::OurLiteral as Literal>::VALUES,
            theirs,
            "variants under {}",
            stringify!($module)
        );
    )*};
}

#[test]
fn every_rule_gives_exactly_serdes_keys_and_values() {
    assert_same_as_serde!(
        lowercase,
        uppercase,
        pascal,
        camel,
        snake,
        screaming_snake,
        kebab,
        screaming_kebab
    );
}

#[test]
fn structs_default_to_camel_case_and_literals_to_variant_names() {
    assert_eq!(
        our_keys::<no_rule::Ours>(),
        serde_keys(camel::Theirs::default())
    );
    assert_eq!(
        our_keys::<no_rule::Ours>()[..3],
        ["s3Bucket", "aB", "xRayId"]
    );
    assert_eq!(
        <no_rule::OurLiteral as Literal>::VALUES[..3],
        ["ETag", "S3Bucket", "XRayId"]
    );
}

#[test]
fn a_pascal_case_service_needs_key_only_for_true_exceptions() {
    let json = typed_dict::to_string(
        &pascal::Ours::new()
            .with_queue_url(1)
            .with_s3_bucket(2)
            .with_type(3),
    )
    .unwrap();
    assert_eq!(json, r#"{"S3Bucket":2,"Type":3,"QueueUrl":1}"#);
    let back: pascal::Ours = typed_dict::from_str(&json).unwrap();
    assert_eq!(back.queue_url, Some(1));
}

/// Lint attributes on the struct and its fields reach every generated item that repeats a
/// field name, so a crate that denies warnings builds.
#[deny(warnings)]
mod lints_reach_generated_items {
    use typed_dict::{typed_dict, List};

    #[typed_dict(rename_all = "PascalCase")]
    #[allow(non_snake_case)]
    pub struct SendMessageResult {
        pub MessageId: String,
        pub SequenceNumber: Option<String>,
    }

    #[typed_dict]
    #[expect(non_snake_case)]
    pub struct Expected {
        pub QueueUrls: Option<List<String>>,
        pub NextToken: String,
    }
}

#[test]
fn lints_apply_to_the_companion_and_setters() {
    use lints_reach_generated_items::*;
    let result = SendMessageResult::new(SendMessageResultRequired {
        MessageId: "m-1".into(),
    })
    .with_SequenceNumber("7");
    assert_eq!(
        typed_dict::to_string(&result).unwrap(),
        r#"{"MessageId":"m-1","SequenceNumber":"7"}"#
    );
    let expected = Expected::new(ExpectedRequired {
        NextToken: "t".into(),
    })
    .with_QueueUrls(vec!["q".to_owned()]);
    assert_eq!(
        typed_dict::to_string(&expected).unwrap(),
        r#"{"QueueUrls":["q"],"NextToken":"t"}"#
    );
}

/// A boto3-stub shape copied field for field: without `rename_all`, a field name that is
/// not snake_case is its key as written (as serde's default and Python's `TypedDict`
/// have it), and a snake_case name still gets the default camelCase.
#[typed_dict::typed_dict]
#[allow(non_snake_case)]
pub struct SendMessageRequest {
    pub QueueUrl: String,
    pub MessageBody: String,
    pub DelaySeconds: Option<i64>,
    pub MD5OfBody: Option<String>,
    pub message_group_id: Option<String>,
}

/// The same names under a rule written out: the rule applies to every name.
#[typed_dict::typed_dict(rename_all = "camelCase")]
#[allow(non_snake_case)]
pub struct SendMessageCamel {
    pub QueueUrl: String,
    pub message_group_id: Option<String>,
}

#[test]
fn names_that_are_not_snake_case_are_keys_as_written() {
    assert_eq!(
        our_keys::<SendMessageRequest>(),
        [
            "QueueUrl",
            "MessageBody",
            "DelaySeconds",
            "MD5OfBody",
            "messageGroupId"
        ]
    );
    let request = SendMessageRequest::new(SendMessageRequestRequired {
        QueueUrl: "q".into(),
        MessageBody: "hi".into(),
    })
    .with_DelaySeconds(5)
    .with_message_group_id("g");
    let json = typed_dict::to_string(&request).unwrap();
    assert_eq!(
        json,
        r#"{"QueueUrl":"q","MessageBody":"hi","DelaySeconds":5,"messageGroupId":"g"}"#
    );
    let back: SendMessageRequest = typed_dict::from_str(&json).unwrap();
    assert_eq!(back, request);
    // The camelCase spelling is no key of this shape.
    assert!(typed_dict::decode::<SendMessageRequest>(
        br#"{"queueUrl":"q","MessageBody":"hi"}"#,
        typed_dict::DecodeOptions::strict()
    )
    .is_err());
    assert_eq!(
        our_keys::<SendMessageCamel>(),
        ["queueUrl", "messageGroupId"]
    );
}
