//! OAuth scopes: the current list as an open enum; withdrawn scopes are refused (Admitad
//! answers 401 to them) and unknown ones must at least look like a scope name.

use crate::error::Error;
use crate::open_enum::open_enum;

open_enum! {
    /// An Admitad OAuth scope. New scopes pass as `Other` if they look like one (`[a-z_]+`).
    Scope {
        /// `public_data`.
        PublicData = "public_data",
        /// `websites`.
        Websites = "websites",
        /// `manage_websites`.
        ManageWebsites = "manage_websites",
        /// `advcampaigns`.
        Advcampaigns = "advcampaigns",
        /// `advcampaigns_for_website`.
        AdvcampaignsForWebsite = "advcampaigns_for_website",
        /// `manage_advcampaigns`.
        ManageAdvcampaigns = "manage_advcampaigns",
        /// `banners`.
        Banners = "banners",
        /// `landings`.
        Landings = "landings",
        /// `banners_for_website`.
        BannersForWebsite = "banners_for_website",
        /// `announcements`.
        Announcements = "announcements",
        /// `referrals`.
        Referrals = "referrals",
        /// `coupons`.
        Coupons = "coupons",
        /// `coupons_for_website`.
        CouponsForWebsite = "coupons_for_website",
        /// `private_data`.
        PrivateData = "private_data",
        /// `private_data_email`.
        PrivateDataEmail = "private_data_email",
        /// `private_data_phone`.
        PrivateDataPhone = "private_data_phone",
        /// `private_data_balance`.
        PrivateDataBalance = "private_data_balance",
        /// `validate_links`.
        ValidateLinks = "validate_links",
        /// `deeplink_generator`.
        DeeplinkGenerator = "deeplink_generator",
        /// `statistics`.
        Statistics = "statistics",
        /// `opt_codes`.
        OptCodes = "opt_codes",
        /// `manage_opt_codes`.
        ManageOptCodes = "manage_opt_codes",
        /// `webmaster_retag`.
        WebmasterRetag = "webmaster_retag",
        /// `manage_webmaster_retag`.
        ManageWebmasterRetag = "manage_webmaster_retag",
        /// `broken_links`.
        BrokenLinks = "broken_links",
        /// `manage_broken_links`.
        ManageBrokenLinks = "manage_broken_links",
        /// `lost_orders`.
        LostOrders = "lost_orders",
        /// `manage_lost_orders`.
        ManageLostOrders = "manage_lost_orders",
        /// `broker_application`.
        BrokerApplication = "broker_application",
        /// `manage_broker_application`.
        ManageBrokerApplication = "manage_broker_application",
        /// `aliexpress_commission`.
        AliexpressCommission = "aliexpress_commission",
        /// `vendor_tool`.
        VendorTool = "vendor_tool",
        /// `short_link`.
        ShortLink = "short_link",
        /// `web_notificator`.
        WebNotificator = "web_notificator",
        /// `request_tracking_coupon`: request tracking promo codes.
        RequestTrackingCoupon = "request_tracking_coupon",
    }
}

/// Scopes Admitad has withdrawn (requesting them yields 401).
pub const WITHDRAWN_SCOPES: &[&str] = &[
    "payments",
    "manage_payments",
    "offline_sales",
    "offline_receipts",
    "manage_offline_receipts",
];

/// At least one scope; each known, or shaped like one and not withdrawn.
pub(crate) fn check_scopes(scopes: &[Scope]) -> Result<(), Error> {
    if scopes.is_empty() {
        return Err(Error::invalid("scopes", "request at least one scope"));
    }
    for s in scopes {
        if let Scope::Other(name) = s {
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                return Err(Error::invalid(
                    "scopes",
                    format!(
                        "`{}` is not a scope name (lower-case letters and `_`)",
                        name.escape_debug()
                    ),
                ));
            }
            if WITHDRAWN_SCOPES.contains(&name.as_str()) {
                return Err(Error::invalid(
                    "scopes",
                    format!("`{name}` has been withdrawn by Admitad (it answers 401)"),
                ));
            }
        }
    }
    Ok(())
}

/// Space-separated, as `scope` expects.
pub(crate) fn join_scopes(scopes: &[Scope]) -> String {
    scopes
        .iter()
        .map(Scope::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}
