//! AliExpress commission rates and broker applications.

use std::collections::HashMap;

use super::decimal::Decimal;
use super::wire::{
    Send, concrete_page, endpoint, id, list_endpoint, request_record, response_record, segs,
    with_raw,
};
use crate::error::Error;
use crate::json::Json;

response_record! {
    /// A product's commission (nulls for products Admitad does not know).
    CommissionRate {
        /// `url` as asked.
        url: String,
        /// `product_name`.
        product_name: Option<String>,
        /// `commission_rate` (percent).
        commission_rate: Option<Decimal>,
        /// `hot_commission_rate` (percent).
        hot_commission_rate: Option<Decimal>,
        /// `is_hot`.
        is_hot: Option<bool>,
    }
}

response_record! {
    /// `{"commission_rates": [...]}`.
    CommissionRates {
        /// `commission_rates`, in the order asked.
        #[serde(deserialize_with = "crate::lenient::null_as_empty")]
        commission_rates: Vec<CommissionRate>,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

request_record! {
    /// POST /aliexpress/commission_rates/ with JSON `{"urls": [...]}` (scope `aliexpress_commission`).
    GetAliexpressCommissionRates {
        /// Product or Admitad links (1 to 200).
        urls: Vec<String>,
    }
}

// A read sent as POST: repeatable.
endpoint!(GetAliexpressCommissionRates => CommissionRates, plain, 0, idempotent = true, |s, _q| {
    if s.urls.is_empty() || s.urls.len() > 200 {
        return Err(Error::invalid("urls", "give 1 to 200 links"));
    }
    for u in &s.urls {
        crate::weburl::WebUrl::parse(u).map_err(|e| Error::invalid("urls", e))?;
    }
    let body = serde_json::to_vec(&serde_json::json!({ "urls": s.urls }))
        .map_err(|e| Error::invalid("urls", e.to_string()))?;
    Send::Json(segs!["aliexpress", "commission_rates"], body)
});

response_record! {
    /// A broker application (statuses `processing`, `approved`, `declined`, `waiting`, `error`,
    /// `waiting_sms_verification`).
    BrokerApplication {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `status`.
        status: Option<String>,
        /// `campaign_id`.
        #[serde(deserialize_with = "crate::lenient::opt_id")]
        campaign_id: Option<u64>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

request_record! {
    /// POST /website/{website}/broker/applications/create/ (form; scope `manage_broker_application`).
    /// `extra` carries the program's optional personal fields (see its campaign settings). Never repeated.
    CreateBrokerApplication {
        /// The ad space.
        website: u64,
        /// `campaign_id`.
        program: u64,
        /// `first_name`.
        first_name: String,
        /// `last_name`.
        last_name: String,
        /// `mobile_phone`.
        mobile_phone: String,
        /// `email`.
        email: String,
        /// `work_date`.
        work_date: Option<String> = None,
        /// `user_notified`: whether the applicant agreed to be contacted (false: not forwarded).
        user_notified: bool,
        /// POST …/sync_create/ instead: the bank confirms by SMS (status `waiting_sms_verification`).
        sms_confirmation: bool = false,
        /// Further fields, sent sorted by name.
        #[cfg_attr(feature = "uniffi", uniffi(default))]
        extra: HashMap<String, String>,
    }
}

const BROKER_FIELDS: [&str; 7] = [
    "first_name",
    "last_name",
    "mobile_phone",
    "email",
    "work_date",
    "campaign_id",
    "user_notified",
];

endpoint!(CreateBrokerApplication => BrokerApplication, typed_one, 0, idempotent = false, |s, q| {
    let w = id("website", s.website)?;
    q.required("first_name", &s.first_name)?;
    q.required("last_name", &s.last_name)?;
    q.required("mobile_phone", &s.mobile_phone)?;
    if !s.email.contains('@') {
        return Err(Error::invalid("email", "not an e-mail address"));
    }
    q.required("email", &s.email)?;
    q.text("work_date", &s.work_date)?;
    q.num("campaign_id", Some(id("program", s.program)?));
    q.flag("user_notified", Some(s.user_notified));
    let mut extra: Vec<(&String, &String)> = s.extra.iter().collect();
    extra.sort();
    for (k, v) in extra {
        if BROKER_FIELDS.contains(&k.as_str()) || !k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(Error::invalid("extra", format!("`{k}` is not a free field name")));
        }
        crate::validate::no_controls("extra", v)?;
        q.named(k.clone(), v.clone());
    }
    let verb = if s.sms_confirmation { "sync_create" } else { "create" };
    Send::Form(segs!["website", w, "broker", "applications", verb])
});

request_record! {
    /// GET /website/{website}/broker/applications/ (scope `broker_application`).
    ListBrokerApplications {
        /// The ad space.
        website: u64,
        /// `status`.
        status: Option<String> = None,
        /// `campaign`.
        program: Option<u64> = None,
        /// `date_start` (`dd.mm.yyyy`).
        date_start: Option<String> = None,
        /// `date_end` (`dd.mm.yyyy`).
        date_end: Option<String> = None,
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
    }
}

list_endpoint!(ListBrokerApplications => BrokerApplication, typed_page, |s, q| {
    q.one_of("status", &s.status, &["processing", "approved", "declined", "waiting", "error", "waiting_sms_verification"])?;
    q.num("campaign", s.program);
    q.date_range(("date_start", "date_end"), &s.date_start, &s.date_end)?;
    Send::Get(segs!["website", id("website", s.website)?, "broker", "applications"])
});

request_record! {
    /// GET /broker/campaign_settings/{program}/: the fields a program requires and their patterns.
    GetBrokerCampaignSettings {
        /// The program.
        program: u64,
    }
}

endpoint!(GetBrokerCampaignSettings => crate::JsonReply, plain_json, 0, idempotent = true, |s, _q| {
    Send::Get(segs!["broker", "campaign_settings", id("program", s.program)?])
});

with_raw!(BrokerApplication);

concrete_page! {
    /// A page of broker applications.
    BrokerApplicationPage(BrokerApplication),
}

crate::reply::reply!(BrokerApplication, CommissionRates);
