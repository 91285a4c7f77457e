//! Referrals, announcements, news, notifications and vendor bonuses.

use super::decimal::Decimal;
use super::reference::NamedRef;
use super::wire::{
    Send, concrete_page, endpoint, id, list_endpoint, request_record, response_record, segs,
    with_raw,
};
use crate::json::Json;

response_record! {
    /// A referred publisher.
    Referral {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `username`.
        username: String,
        /// `payment` (null when nothing was earned).
        payment: Option<Decimal>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

request_record! {
    /// GET /referrals/ (scope `referrals`).
    ListReferrals {
        /// `date_start` (`dd.mm.yyyy`).
        date_start: Option<String> = None,
        /// `date_end` (`dd.mm.yyyy`, not before the start).
        date_end: Option<String> = None,
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
    }
}

list_endpoint!(ListReferrals => Referral, typed_page, |s, q| {
    q.date_range(("date_start", "date_end"), &s.date_start, &s.date_end)?;
    Send::Get(segs!["referrals"])
});

request_record! {
    /// GET /referrals/{id}/.
    GetReferral {
        /// The referral.
        id: u64,
    }
}

endpoint!(GetReferral => Referral, typed_one, 0, idempotent = true, |s, _q| {
    Send::Get(segs!["referrals", id("id", s.id)?])
});

response_record! {
    /// An announcement (e.g. a join request accepted).
    Announcement {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `message`.
        message: String,
        /// `event` (`request_accepted`, ...).
        event: Option<String>,
        /// `advcampaign`.
        advcampaign: Option<NamedRef>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

request_record! {
    /// GET /announcements/ (scope `announcements`).
    ListAnnouncements {
        /// `language` (Admitad's default is `ru`).
        language: Option<String> = None,
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
    }
}

list_endpoint!(ListAnnouncements => Announcement, typed_page, |s, q| {
    q.text("language", &s.language)?;
    Send::Get(segs!["announcements"])
});

request_record! {
    /// GET /announcements/{id}/.
    GetAnnouncement {
        /// The announcement.
        id: u64,
        /// `language`.
        language: Option<String> = None,
    }
}

endpoint!(GetAnnouncement => Announcement, typed_one, 0, idempotent = true, |s, q| {
    q.text("language", &s.language)?;
    Send::Get(segs!["announcements", id("id", s.id)?])
});

response_record! {
    /// A news item.
    News {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `datetime` as sent.
        datetime: Option<String>,
        /// `language`.
        language: Option<String>,
        /// `short_content`.
        short_content: Option<String>,
        /// `content` (HTML).
        content: Option<String>,
        /// `url`.
        url: Option<String>,
        /// `advcampaign`.
        advcampaign: Option<NamedRef>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

request_record! {
    /// GET /news/ (scope `public_data`).
    ListNews {
        /// `language`.
        language: Option<String> = None,
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
    }
}

list_endpoint!(ListNews => News, typed_page, |s, q| {
    q.text("language", &s.language)?;
    Send::Get(segs!["news"])
});

request_record! {
    /// GET /news/{id}/.
    GetNewsItem {
        /// The news item.
        id: u64,
        /// `language`.
        language: Option<String> = None,
    }
}

endpoint!(GetNewsItem => News, typed_one, 0, idempotent = true, |s, q| {
    q.text("language", &s.language)?;
    Send::Get(segs!["news", id("id", s.id)?])
});

response_record! {
    /// A notification.
    Notification {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `status` (`read`, `not_read`).
        status: String,
        /// `category` (`finance`, `system`, `promotions`, `other`).
        category: String,
        /// `when_read` as sent.
        when_read: Option<String>,
        /// `date_created` as sent.
        date_created: Option<String>,
        /// `translate.subject`.
        subject: Option<String>,
        /// `translate.text`.
        text: Option<String>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
    }
}

impl super::wire::WithRaw for Notification {
    fn set_raw(&mut self, raw: Json) {
        let translated = |k: &str| {
            raw.value()
                .get("translate")
                .and_then(|t| t.get(k))
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        };
        self.subject = translated("subject");
        self.text = translated("text");
        self.raw = raw;
    }
}

request_record! {
    /// GET /web_notificator/v1/web_notificator/ (scope `web_notificator`).
    ListNotifications {
        /// `category`: `finance`, `system`, `promotions` or `other`.
        category: Option<String> = None,
        /// `status`: `read` or `not_read`.
        status: Option<String> = None,
        /// `start_date` (`dd.mm.yyyy HH:MM:SS`).
        start_date: Option<String> = None,
        /// `end_date` (`dd.mm.yyyy HH:MM:SS`).
        end_date: Option<String> = None,
        /// `search`.
        search: Option<String> = None,
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
    }
}

list_endpoint!(ListNotifications => Notification, typed_page, |s, q| {
    q.one_of("category", &s.category, &["finance", "system", "promotions", "other"])?;
    q.one_of("status", &s.status, &["read", "not_read"])?;
    q.date_time_range(("start_date", "end_date"), &s.start_date, &s.end_date)?;
    q.text("search", &s.search)?;
    Send::Get(segs!["web_notificator", "v1", "web_notificator"])
});

request_record! {
    /// POST /web_notificator/v1/web_notificator/{id}/mark_as_read/, or with no id
    /// /web_notificator/v1/web_notificator/mark_all_as_read/. Answers the object as sent (empty for all).
    MarkNotificationsRead {
        /// One notification; none marks every one read.
        id: Option<u64> = None,
    }
}

// Marking read twice leaves it read.
endpoint!(MarkNotificationsRead => crate::JsonReply, plain_or_null, 0, idempotent = true, |s, _q| {
    match s.id {
        Some(n) => Send::Form(segs!["web_notificator", "v1", "web_notificator", id("id", n)?, "mark_as_read"]),
        None => Send::Form(segs!["web_notificator", "v1", "web_notificator", "mark_all_as_read"]),
    }
});

response_record! {
    /// A rate of a vendor-bonus tariff.
    VendorBonusRate {
        /// `size` (a percentage or an amount, see `is_percentage`).
        size: Option<Decimal>,
        /// `price_s`: the order price from which the rate applies.
        price_s: Option<Decimal>,
        /// `country`.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        country: Option<String>,
        /// `date_s`: since when the rate applies, as sent.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        date_s: Option<String>,
        /// `is_percentage`.
        #[serde(deserialize_with = "crate::lenient::opt_bool")]
        is_percentage: Option<bool>,
    }
}

response_record! {
    /// A tariff of a vendor-bonus action.
    VendorBonusTariff {
        /// `name`.
        name: String,
        /// `rates`.
        #[serde(deserialize_with = "crate::lenient::null_as_empty")]
        rates: Vec<VendorBonusRate>,
    }
}

response_record! {
    /// The action a vendor bonus pays for.
    VendorBonusAction {
        /// `name`.
        name: String,
        /// `hold_size_days`.
        #[serde(deserialize_with = "crate::lenient::opt_u64")]
        hold_size_days: Option<u64>,
        /// `tariffs`.
        #[serde(deserialize_with = "crate::lenient::null_as_empty")]
        tariffs: Vec<VendorBonusTariff>,
    }
}

response_record! {
    /// One condition of a vendor bonus: the action, the program and which orders count.
    VendorBonusCondition {
        /// `action`.
        action: Option<VendorBonusAction>,
        /// `advcampaign`.
        advcampaign: Option<NamedRef>,
        /// `price_from`.
        price_from: Option<Decimal>,
        /// `price_up_to`.
        price_up_to: Option<Decimal>,
        /// `category` as sent (often empty).
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        category: Option<String>,
        /// `brand` as sent.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        brand: Option<String>,
        /// `product` as sent (a comma list of product ids, e.g. `1,23,3`).
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        product: Option<String>,
        /// `supplier` as sent.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        supplier: Option<String>,
        /// `additional_filter_name`.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        additional_filter_name: Option<String>,
        /// `additional_filter_value`.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        additional_filter_value: Option<String>,
    }
}

response_record! {
    /// A vendor bonus.
    VendorBonus {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `name`.
        name: String,
        /// `status`.
        status: Option<String>,
        /// `start_datetime` as sent.
        start_datetime: Option<String>,
        /// `stop_datetime` as sent.
        stop_datetime: Option<String>,
        /// `allow_all_webmasters`.
        allow_all_webmasters: Option<bool>,
        /// `allowed_to_you`.
        allowed_to_you: Option<bool>,
        /// `vendor_campaign`.
        vendor_campaign: Option<NamedRef>,
        /// `conditions`.
        #[serde(deserialize_with = "crate::lenient::null_as_empty")]
        conditions: Vec<VendorBonusCondition>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
    }
}

request_record! {
    /// GET /vendor_tool/v1/vendor_tool/ (scope `vendor_tool`).
    ListVendorBonuses {
        /// `advcampaign_id` (sent as one comma list).
        programs: Vec<u64> = [],
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
    }
}

list_endpoint!(ListVendorBonuses => VendorBonus, typed_page, |s, q| {
    q.comma("advcampaign_id", &s.programs, 500)?;
    Send::Get(segs!["vendor_tool", "v1", "vendor_tool"])
});

with_raw!(Referral, Announcement, News, VendorBonus);

concrete_page! {
    /// A page of referrals.
    ReferralPage(Referral),
    /// A page of announcements.
    AnnouncementPage(Announcement),
    /// A page of news.
    NewsPage(News),
    /// A page of notifications.
    NotificationPage(Notification),
    /// A page of vendor bonuses.
    VendorBonusPage(VendorBonus),
}

crate::reply::reply!(Announcement, News, Referral);
