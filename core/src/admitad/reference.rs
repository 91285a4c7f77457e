//! Reference data (scope `public_data`): ad-space kinds and regions, languages, currencies and
//! rates, categories, advertising services, traffic types and coupon categories.

use super::decimal::Decimal;
use super::wire::{
    Send, concrete_page, endpoint, id, list_endpoint, paged_list, request_record, response_record,
    segs, with_raw,
};
use crate::error::Error;
use crate::json::Json;

/// Which list of codes: `/websites/kinds/` or `/websites/regions/`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum CodeList {
    /// Ad-space kinds (`website`, `doorway`, `contextual`, `social_app`, `youtube`, ...).
    #[default]
    WebsiteKinds,
    /// Region codes (`RU`, `UA`, ...; `01` = CIS, `00` = all).
    WebsiteRegions,
}

request_record! {
    /// GET /websites/kinds/ or /websites/regions/: a paginated list of strings.
    ListCodes {
        /// Which list.
        list: CodeList,
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
    }
}

list_endpoint!(ListCodes => String, plain_page, |s, _q| {
    match s.list {
        CodeList::WebsiteKinds => Send::Get(segs!["websites", "kinds"]),
        CodeList::WebsiteRegions => Send::Get(segs!["websites", "regions"]),
    }
});

response_record! {
    /// A language.
    Language {
        /// `language_code` (`en`).
        language_code: String,
        /// `language` (its name).
        language: String,
        /// `flag` (image URL).
        flag: Option<String>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

paged_list! {
    /// GET /languages/.
    ListLanguages => Language, ["languages"]
}

request_record! {
    /// GET /languages/{code}/.
    GetLanguage {
        /// The language code (`en`).
        code: String,
    }
}

endpoint!(GetLanguage => Language, typed_one, 0, idempotent = true, |s, _q| {
    crate::validate::path_segment("code", &s.code)?;
    Send::Get(segs!["languages", s.code])
});

response_record! {
    /// A currency.
    Currency {
        /// `code` (`USD`).
        code: String,
        /// `name`.
        name: String,
        /// `sign` (`$`).
        sign: Option<String>,
        /// `min_sum`: the smallest payout.
        min_sum: Option<Decimal>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
    }
}

paged_list! {
    /// GET /currencies/.
    ListCurrencies => Currency, ["currencies"]
}

response_record! {
    /// An exchange rate (its shape is known only from third-party notes: the typed fields are read
    /// when present, the rest is in `raw`).
    CurrencyRate {
        /// `base`.
        base: Option<String>,
        /// `target`.
        target: Option<String>,
        /// `rate`.
        rate: Option<Decimal>,
        /// `date`.
        date: Option<String>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

request_record! {
    /// GET /currencies/rate/?base=&target=&date= (date `dd.mm.yyyy`).
    GetCurrencyRate {
        /// `base` (`USD`).
        base: String,
        /// `target` (`EUR`).
        target: String,
        /// `date` (`dd.mm.yyyy`).
        date: String,
    }
}

endpoint!(GetCurrencyRate => CurrencyRate, typed_one, 0, idempotent = true, |s, q| {
    for (k, v) in [("base", &s.base), ("target", &s.target)] {
        if v.len() != 3 || !v.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(Error::invalid(k, "three upper-case letters, e.g. USD"));
        }
    }
    q.required("base", &s.base)?;
    q.required("target", &s.target)?;
    q.date("date", &Some(s.date.clone()))?;
    Send::Get(segs!["currencies", "rate"])
});

response_record! {
    /// `{id, name}`: a program, ad space or parent category as a nested object.
    NamedRef {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `name`.
        name: String,
    }
}

response_record! {
    /// A program category.
    Category {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `name`.
        name: String,
        /// `language`.
        language: Option<String>,
        /// `parent` (null for a top-level category).
        parent: Option<NamedRef>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

request_record! {
    /// GET /categories/, or with `program` /categories/advcampaign/{program}/ (a program's categories).
    ListCategories {
        /// The categories of this program.
        program: Option<u64> = None,
        /// `campaign` (repeated): categories of these programs.
        campaign: Vec<u64> = [],
        /// `language`.
        language: Option<String> = None,
        /// `order_by` (`name`).
        order_by: Option<String> = None,
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
    }
}

list_endpoint!(ListCategories => Category, typed_page, |s, q| {
    q.each("campaign", &s.campaign);
    q.text("language", &s.language)?;
    q.one_of("order_by", &s.order_by, &["name", "-name"])?;
    match s.program {
        Some(p) => Send::Get(segs!["categories", "advcampaign", id("program", p)?]),
        None => Send::Get(segs!["categories"]),
    }
});

request_record! {
    /// GET /categories/{id}/.
    GetCategory {
        /// The category.
        id: u64,
        /// `language`.
        language: Option<String> = None,
    }
}

endpoint!(GetCategory => Category, typed_one, 0, idempotent = true, |s, q| {
    q.text("language", &s.language)?;
    Send::Get(segs!["categories", id("id", s.id)?])
});

response_record! {
    /// An advertising service.
    AdService {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `name`.
        name: String,
        /// `url`.
        url: Option<String>,
        /// `logo`.
        logo: Option<String>,
        /// `allowed_referrers`.
        allowed_referrers: Option<String>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

request_record! {
    /// GET /adservices/, or with `kind` /adservices/kind/{kind}/.
    ListAdServices {
        /// Only services of this ad-space kind.
        kind: Option<String> = None,
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
    }
}

list_endpoint!(ListAdServices => AdService, typed_page, |s, _q| {
    match &s.kind {
        Some(k) => {
            crate::validate::path_segment("kind", k)?;
            Send::Get(segs!["adservices", "kind", k])
        }
        None => Send::Get(segs!["adservices"]),
    }
});

request_record! {
    /// GET /adservices/{id}/.
    GetAdService {
        /// The service.
        id: u64,
    }
}

endpoint!(GetAdService => AdService, typed_one, 0, idempotent = true, |s, _q| {
    Send::Get(segs!["adservices", id("id", s.id)?])
});

response_record! {
    /// A traffic source type (its id is what `traffic_id` filters take).
    TrafficType {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `name`.
        name: String,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
    }
}

paged_list! {
    /// GET /traffic/.
    ListTrafficTypes => TrafficType, ["traffic"]
}

response_record! {
    /// A coupon category.
    CouponCategory {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `name`.
        name: String,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

paged_list! {
    /// GET /coupons/categories/.
    ListCouponCategories => CouponCategory, ["coupons", "categories"]
}

request_record! {
    /// GET /coupons/categories/{id}/.
    GetCouponCategory {
        /// The category.
        id: u64,
    }
}

endpoint!(GetCouponCategory => CouponCategory, typed_one, 0, idempotent = true, |s, _q| {
    Send::Get(segs!["coupons", "categories", id("id", s.id)?])
});

with_raw!(
    Language,
    Currency,
    CurrencyRate,
    Category,
    AdService,
    TrafficType,
    CouponCategory
);

concrete_page! {
    /// A page of strings (ad-space kinds, regions).
    CodePage(String),
    /// A page of languages.
    LanguagePage(Language),
    /// A page of currencies.
    CurrencyPage(Currency),
    /// A page of categories.
    CategoryPage(Category),
    /// A page of advertising services.
    AdServicePage(AdService),
    /// A page of traffic types.
    TrafficTypePage(TrafficType),
    /// A page of coupon categories.
    CouponCategoryPage(CouponCategory),
}

crate::reply::reply!(AdService, Category, CouponCategory, CurrencyRate, Language);
