//! Amazon SQS (JSON protocol): queues and messages.

use td::{typed_dict, Blob, Dict, List, Sequence};

/// Queue attribute names, spelled as their variants.
#[typed_dict(crate = "td")]
pub enum QueueAttributeName {
    All,
    Policy,
    VisibilityTimeout,
    MaximumMessageSize,
    MessageRetentionPeriod,
    ApproximateNumberOfMessages,
    CreatedTimestamp,
    QueueArn,
    DelaySeconds,
    ReceiveMessageWaitTimeSeconds,
    RedrivePolicy,
    FifoQueue,
    ContentBasedDeduplication,
    KmsMasterKeyId,
    SqsManagedSseEnabled,
}

/// System attributes of a received message.
#[typed_dict(crate = "td")]
pub enum MessageSystemAttributeName {
    All,
    SenderId,
    SentTimestamp,
    ApproximateReceiveCount,
    ApproximateFirstReceiveTimestamp,
    SequenceNumber,
    MessageDeduplicationId,
    MessageGroupId,
    #[typed_dict(value = "AWSTraceHeader")]
    AwsTraceHeader,
}

/// A typed message attribute.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct MessageAttributeValue {
    pub string_value: Option<String>,
    pub binary_value: Option<Blob>,
    pub string_list_values: Option<Sequence<String>>,
    pub binary_list_values: Option<Sequence<Blob>>,
    pub data_type: String,
}

/// `SendMessage` input.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct SendMessageRequest {
    pub queue_url: String,
    pub message_body: String,
    pub delay_seconds: Option<i64>,
    pub message_attributes: Option<Dict<String, MessageAttributeValue>>,
    pub message_deduplication_id: Option<String>,
    pub message_group_id: Option<String>,
}

/// `SendMessage` output.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct SendMessageResult {
    #[typed_dict(key = "MD5OfMessageBody")]
    pub md5_of_message_body: Option<String>,
    #[typed_dict(key = "MD5OfMessageAttributes")]
    pub md5_of_message_attributes: Option<String>,
    pub message_id: Option<String>,
    pub sequence_number: Option<String>,
}

/// `ReceiveMessage` input.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct ReceiveMessageRequest {
    pub queue_url: String,
    pub attribute_names: Option<Sequence<QueueAttributeName>>,
    pub message_system_attribute_names: Option<Sequence<MessageSystemAttributeName>>,
    pub max_number_of_messages: Option<i64>,
    pub visibility_timeout: Option<i64>,
    pub wait_time_seconds: Option<i64>,
}

/// A received message.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct Message {
    pub message_id: Option<String>,
    pub receipt_handle: Option<String>,
    #[typed_dict(key = "MD5OfBody")]
    pub md5_of_body: Option<String>,
    pub body: Option<String>,
    pub attributes: Option<Dict<MessageSystemAttributeName, String>>,
    pub message_attributes: Option<Dict<String, MessageAttributeValue>>,
}

/// `ReceiveMessage` output.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct ReceiveMessageResult {
    pub messages: Option<List<Message>>,
}

/// `CreateQueue` input: SQS spells one key in lowercase.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct CreateQueueRequest {
    pub queue_name: String,
    pub attributes: Option<Dict<QueueAttributeName, String>>,
    #[typed_dict(key = "tags")]
    pub tags: Option<Dict<String, String>>,
}

/// `GetQueueAttributes` output: a dict keyed by a literal.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct GetQueueAttributesResult {
    pub attributes: Option<Dict<QueueAttributeName, String>>,
}

/// One entry of `DeleteMessageBatch`.
#[typed_dict(crate = "td", rename_all = "PascalCase", closed)]
pub struct DeleteMessageBatchRequestEntry {
    pub id: String,
    pub receipt_handle: String,
}

/// `DeleteMessageBatch` input.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct DeleteMessageBatchRequest {
    pub queue_url: String,
    pub entries: Sequence<DeleteMessageBatchRequestEntry>,
}

/// A failed batch entry.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct BatchResultErrorEntry {
    pub id: String,
    pub sender_fault: bool,
    pub code: String,
    pub message: Option<String>,
}

/// A successful batch entry.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct DeleteMessageBatchResultEntry {
    pub id: String,
}

/// `DeleteMessageBatch` output.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct DeleteMessageBatchResult {
    pub successful: List<DeleteMessageBatchResultEntry>,
    pub failed: List<BatchResultErrorEntry>,
}

/// `ListQueues` output, with its pagination token.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct ListQueuesResult {
    pub queue_urls: Option<List<String>>,
    #[typed_dict(wire_optional)]
    pub next_token: Option<String>,
}
