//! Lost orders and appeals (with receipts uploaded as multipart), and their payments.

use super::decimal::Decimal;
use super::reference::NamedRef;
use super::wire::{
    Attachment, Query, Send, concrete_page, endpoint, id, list_endpoint, request_record,
    response_record, segs, with_raw,
};
use crate::error::Error;
use crate::json::Json;

response_record! {
    /// A lost order (a purchase that was not tracked) or an appeal.
    LostOrder {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `status` (`accepted`, `processing`, `rejected`).
        status: Option<String>,
        /// `website`.
        website: Option<NamedRef>,
        /// `advcampaign`.
        advcampaign: Option<NamedRef>,
        /// `order_id`.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        order_id: Option<String>,
        /// `order_date` as sent.
        order_date: Option<String>,
        /// `order_price`.
        order_price: Option<Decimal>,
        /// `currency`.
        currency: Option<String>,
        /// `comment`.
        comment: Option<String>,
        /// `date_created` as sent.
        date_created: Option<String>,
        /// `appeal_id`.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        appeal_id: Option<String>,
        /// `appeal_status` (`resolved`, `processing`).
        appeal_status: Option<String>,
        /// `estimated_reward`.
        estimated_reward: Option<Decimal>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

/// Lost orders or appeals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// `/lost_orders/…`.
    #[default]
    LostOrder,
    /// `/appeals/…`.
    Appeal,
}

impl ClaimKind {
    fn segment(self) -> &'static str {
        match self {
            ClaimKind::LostOrder => "lost_orders",
            ClaimKind::Appeal => "appeals",
        }
    }
}

request_record! {
    /// GET /lost_orders/ or /appeals/ (scope `lost_orders`).
    ListLostOrders {
        /// Lost orders or appeals.
        kind: ClaimKind,
        /// `advcampaign`.
        program: Option<u64> = None,
        /// `website`.
        website: Option<u64> = None,
        /// `status`: `accepted`, `processing` or `rejected`.
        status: Option<String> = None,
        /// `start_date` (`dd.mm.yyyy`).
        start_date: Option<String> = None,
        /// `end_date` (`dd.mm.yyyy`).
        end_date: Option<String> = None,
        /// `appeal_id`.
        appeal_id: Option<String> = None,
        /// `appeal_status`: `resolved` or `processing`.
        appeal_status: Option<String> = None,
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
    }
}

list_endpoint!(ListLostOrders => LostOrder, typed_page, |s, q| {
    q.num("advcampaign", s.program);
    q.num("website", s.website);
    q.one_of("status", &s.status, &["accepted", "processing", "rejected"])?;
    q.date_range(("start_date", "end_date"), &s.start_date, &s.end_date)?;
    q.text("appeal_id", &s.appeal_id)?;
    q.one_of("appeal_status", &s.appeal_status, &["resolved", "processing"])?;
    Send::Get(segs![s.kind.segment()])
});

request_record! {
    /// GET /lost_orders/{id}/ or /appeals/{id}/.
    GetLostOrder {
        /// Lost order or appeal.
        kind: ClaimKind,
        /// Its id.
        id: u64,
    }
}

endpoint!(GetLostOrder => LostOrder, typed_one, 0, idempotent = true, |s, _q| {
    Send::Get(segs![s.kind.segment(), id("id", s.id)?])
});

fn decimal_text(field: &'static str, value: &str, q: &mut Query) -> Result<(), Error> {
    match Decimal::parse(value) {
        Some(d) if !d.as_str().starts_with('-') => q.required(field, d.as_str()),
        _ => Err(Error::invalid(
            field,
            format!("`{value}` is not a non-negative decimal number"),
        )),
    }
}

fn bounded_required(
    q: &mut Query,
    field: &'static str,
    value: &str,
    max: usize,
) -> Result<(), Error> {
    if value.chars().count() > max {
        return Err(Error::invalid(field, format!("at most {max} characters")));
    }
    q.required(field, value)
}

request_record! {
    /// POST /lost_orders/create/ as `multipart/form-data` (scope `manage_lost_orders`). Never repeated:
    /// each call files a claim.
    CreateLostOrder {
        /// `advcampaign`.
        program: u64,
        /// `website`.
        website: u64,
        /// `order_id` (at most 100 characters).
        order_id: String,
        /// `order_date` (`dd.mm.yyyy`).
        order_date: String,
        /// `order_price` as decimal text (`1499.90`).
        order_price: String,
        /// `comment` (at most 512 characters). Empty: not sent (Admitad's own example sends none).
        comment: String = "",
        /// `appeal_id` (at most 100 characters).
        appeal_id: Option<String> = None,
        /// `estimated_reward` as decimal text. Empty: not sent (the official Python client sends none).
        estimated_reward: String = "",
        /// `receipt`: a JPEG, PNG or PDF.
        receipt: Attachment,
    }
}

endpoint!(CreateLostOrder => LostOrder, typed_one, 0, idempotent = false, |s, q| {
    q.num("advcampaign", Some(id("program", s.program)?));
    q.num("website", Some(id("website", s.website)?));
    bounded_required(q, "order_id", &s.order_id, 100)?;
    q.date("order_date", &Some(s.order_date.clone()))?;
    decimal_text("order_price", &s.order_price, q)?;
    if !s.comment.is_empty() {
        bounded_required(q, "comment", &s.comment, 512)?;
    }
    q.bounded("appeal_id", &s.appeal_id, 100)?;
    if !s.estimated_reward.is_empty() {
        decimal_text("estimated_reward", &s.estimated_reward, q)?;
    }
    s.receipt.check("receipt")?;
    Send::Multipart(segs!["lost_orders", "create"], vec![("receipt", s.receipt.clone())])
});

request_record! {
    /// POST /appeals/create/ as `multipart/form-data` (scope `manage_lost_orders`). Never repeated.
    CreateAppeal {
        /// `advcampaign`.
        program: u64,
        /// `order_id` (at most 100 characters).
        order_id: String,
        /// `comment` (at most 512 characters).
        comment: String,
        /// `appeal_id` (at most 100 characters).
        appeal_id: Option<String> = None,
        /// `receipt`: a JPEG, PNG or PDF.
        receipt: Attachment,
    }
}

endpoint!(CreateAppeal => LostOrder, typed_one, 0, idempotent = false, |s, q| {
    q.num("advcampaign", Some(id("program", s.program)?));
    bounded_required(q, "order_id", &s.order_id, 100)?;
    bounded_required(q, "comment", &s.comment, 512)?;
    q.bounded("appeal_id", &s.appeal_id, 100)?;
    s.receipt.check("receipt")?;
    Send::Multipart(segs!["appeals", "create"], vec![("receipt", s.receipt.clone())])
});

response_record! {
    /// Whether an order was paid to you: `status` `owner`, `already_counted` or `does_not_exist`.
    OrderPaymentInfo {
        /// `order_id`.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        order_id: Option<String>,
        /// `status`.
        status: String,
        /// `payment_id`.
        #[serde(deserialize_with = "crate::lenient::opt_u64")]
        payment_id: Option<u64>,
        /// `payment_status`.
        payment_status: Option<String>,
    }
}

response_record! {
    /// `{"order_info": [...]}`.
    OrderPayments {
        /// `order_info`.
        #[serde(deserialize_with = "crate::lenient::null_as_empty")]
        order_info: Vec<OrderPaymentInfo>,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

request_record! {
    /// GET /lost_orders/payments_info/?advcampaign=&order_id=… (1 to 20 orders, repeated).
    GetLostOrderPayments {
        /// `advcampaign`.
        program: u64,
        /// `order_id` (repeated; 1 to 20).
        order_ids: Vec<String>,
    }
}

endpoint!(GetLostOrderPayments => OrderPayments, plain, 0, idempotent = true, |s, q| {
    if s.order_ids.is_empty() || s.order_ids.len() > 20 {
        return Err(Error::invalid("order_ids", "give 1 to 20 order ids"));
    }
    q.num("advcampaign", Some(id("program", s.program)?));
    q.each_text("order_id", &s.order_ids)?;
    Send::Get(segs!["lost_orders", "payments_info"])
});

with_raw!(LostOrder);

concrete_page! {
    /// A page of lost orders or appeals.
    LostOrderPage(LostOrder),
}

crate::reply::reply!(LostOrder, OrderPayments);
