//! Admitad list responses (`{"results": [...], "_meta": {...}}` or a bare array) for every paginated
//! list — statistics, ad spaces, programs, coupons, reference data, creatives, community, postbacks,
//! ReTag, lost orders, broker applications — on one fuzzed response (`[status][flags] body`; flag 128
//! asks for a page at an offset near `u64::MAX`). Each page must then drive the paginator forward:
//! `next_offset` moves past the page and stays below `_meta.count`, the cursor and the cap check do
//! not panic.
#![no_main]

use adkit::HttpResponse;
use adkit::admitad::*;
use adkit::driver::Exchange;
use adkit_fuzz::{check_parsed, response};
use libfuzzer_sys::fuzz_target;

fn check_page<T>(what: &str, page: &Page<T>) {
    if let Some(next) = page.next_offset() {
        assert!(
            next > page.offset,
            "{what}: the next page ({next}) does not move past this one ({}, {} items)",
            page.offset,
            page.items.len()
        );
        assert!(
            next < page.count,
            "{what}: a next page ({next}) at or past _meta.count ({})",
            page.count
        );
    }
    let cursor = OffsetCursor::new(page.offset);
    let _ = cursor.take();
    // `advance` may refuse a page that makes no progress; it must not panic.
    let _ = cursor.advance(page);
    let _ = check_cap(0, page.items.len(), page.count, page.offset, 10_000);
}

fn list<R: Paginated + Default>(
    what: &str,
    resp: &HttpResponse,
    ex: &Exchange,
    asked: Option<u64>,
) {
    let request = match asked {
        Some(offset) => R::default().at_offset(offset),
        None => R::default(),
    };
    let result = request.parse(ex);
    check_parsed(what, resp, &result);
    if let Ok(page) = &result {
        check_page(what, page);
    }
}

fuzz_target!(|data: &[u8]| {
    let resp = response(data);
    if adkit_fuzz::skip_redact_boundary(&resp.body) {
        return;
    }
    let ex = Exchange::new(resp.clone());
    let asked = (data.get(1).copied().unwrap_or(0) & 128 != 0).then_some(u64::MAX - 2);
    list::<ListStatistics>("admitad statistics", &resp, &ex, asked);
    list::<ListWebsites>("admitad websites", &resp, &ex, asked);
    list::<ListPrograms>("admitad programs", &resp, &ex, asked);
    list::<ListCoupons>("admitad coupons", &resp, &ex, asked);
    list::<ListCodes>("admitad codes", &resp, &ex, asked);
    list::<ListCategories>("admitad categories", &resp, &ex, asked);
    list::<ListCouponCategories>("admitad coupon categories", &resp, &ex, asked);
    list::<ListCurrencies>("admitad currencies", &resp, &ex, asked);
    list::<ListLanguages>("admitad languages", &resp, &ex, asked);
    list::<ListTrafficTypes>("admitad traffic types", &resp, &ex, asked);
    list::<ListAdServices>("admitad ad services", &resp, &ex, asked);
    list::<ListBanners>("admitad banners", &resp, &ex, asked);
    list::<ListLandings>("admitad landings", &resp, &ex, asked);
    list::<ListPromoOffers>("admitad promo offers", &resp, &ex, asked);
    list::<ListReferrals>("admitad referrals", &resp, &ex, asked);
    list::<ListAnnouncements>("admitad announcements", &resp, &ex, asked);
    list::<ListNews>("admitad news", &resp, &ex, asked);
    list::<ListNotifications>("admitad notifications", &resp, &ex, asked);
    list::<ListVendorBonuses>("admitad vendor bonuses", &resp, &ex, asked);
    list::<ListOptCodes>("admitad opt codes", &resp, &ex, asked);
    list::<ListRetags>("admitad retags", &resp, &ex, asked);
    list::<ListRetagLevels>("admitad retag levels", &resp, &ex, asked);
    list::<ListBrokenLinks>("admitad broken links", &resp, &ex, asked);
    list::<ListLostOrders>("admitad lost orders", &resp, &ex, asked);
    list::<ListBrokerApplications>("admitad broker applications", &resp, &ex, asked);
    adkit_fuzz::check_response_error(
        "admitad error_from_exchange",
        &resp,
        &error_from_exchange(&ex),
    );
    let _ = is_invalid_token(&ex);
    let _ = read_error(&ex);
});
