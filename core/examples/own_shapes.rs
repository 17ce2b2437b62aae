//! Declares a service's own shapes (PascalCase keys, an open literal, a nested list),
//! then decodes payloads: a response carrying a status added after the shapes were
//! written (wire mode keeps it), and a bad request with every problem reported at its
//! JSON path.
//!
//! ```sh
//! cargo run -p typed-dict --example own_shapes
//! ```

use typed_dict::{
    typed_dict, DecodeOptions, ErrorKind, List, Sequence, Timestamp, TypedDict, UnknownValue,
};

/// An order's state. Open: a state the service adds later is kept in wire mode.
#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OrderStatus {
    Pending,
    Shipped,
    Delivered,
    #[typed_dict(other)]
    Unknown(UnknownValue),
}

#[typed_dict(rename_all = "PascalCase")]
pub struct OrderLineTypeDef {
    pub sku: String,
    pub quantity: i64,
    pub unit_price: Option<f64>,
}

/// A request: `Sequence` for what the caller passes in.
#[typed_dict(rename_all = "PascalCase")]
pub struct PlaceOrderRequestTypeDef {
    pub customer_id: String,
    pub lines: Sequence<OrderLineTypeDef>,
    pub note: Option<String>,
}

/// A response: `List` for what the service returns.
#[typed_dict(rename_all = "PascalCase")]
pub struct OrderTypeDef {
    pub order_id: String,
    pub status: OrderStatus,
    pub placed_at: Timestamp,
    pub lines: List<OrderLineTypeDef>,
    /// A key that does not follow the rule.
    #[typed_dict(key = "ETA")]
    pub eta: Option<Timestamp>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A response with a status this code does not list yet.
    let response = br#"{
        "OrderId": "o-1",
        "Status": "RETURNED",
        "PlacedAt": 1700000000.25,
        "Lines": [{"Sku": "A-1", "Quantity": 2, "UnitPrice": 9.5}],
        "ETA": "2023-11-20T12:00:00+01:00"
    }"#;
    let report =
        typed_dict::validate_schema(response, OrderTypeDef::schema(), DecodeOptions::wire());
    for warning in &report.warnings {
        println!("warning: {warning}");
    }
    assert!(report.is_valid());
    assert_eq!(report.warnings[0].kind, ErrorKind::UnknownLiteral);

    let order: OrderTypeDef = typed_dict::decode(response, DecodeOptions::wire())?;
    match &order.status {
        OrderStatus::Pending | OrderStatus::Shipped => println!("{} is on its way", order.order_id),
        OrderStatus::Delivered => println!("{} arrived", order.order_id),
        other => println!(
            "{}: status {} (unknown to this code)",
            order.order_id,
            other.as_str()
        ),
    }
    assert!(!order.status.is_known());
    println!(
        "placed at {}, eta {:?}",
        order.placed_at,
        order.eta.map(|at| at.to_rfc3339())
    );
    // Written back byte for byte, the unknown status included.
    let written = typed_dict::to_string(&order)?;
    println!("{written}");
    assert!(written.contains(r#""Status":"RETURNED""#));

    // Strict mode rejects it, as the stub's contract says.
    assert!(typed_dict::decode::<OrderTypeDef>(response, DecodeOptions::strict()).is_err());

    // A bad request: every problem at once, each with its path. `customerId` is not the
    // declared key (`CustomerId`): an open typed dict ignores it, and the Required key is
    // missing.
    let request = br#"{
        "customerId": "c-9",
        "Lines": [{"Sku": "A-1", "Quantity": "2"}, {"Quantity": 1}],
        "Note": null
    }"#;
    let error = typed_dict::decode::<PlaceOrderRequestTypeDef>(request, DecodeOptions::strict())
        .expect_err("the request is invalid");
    println!("{error}");
    let paths: Vec<&str> = error
        .errors()
        .iter()
        .map(|error| error.path.as_str())
        .collect();
    assert_eq!(
        paths,
        [
            "$.Lines[0].Quantity",
            "$.Lines[1].Sku",
            "$.Note",
            "$.CustomerId"
        ]
    );
    Ok(())
}

#[test]
fn runs() {
    main().unwrap();
}
