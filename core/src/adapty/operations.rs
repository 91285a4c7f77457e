//! Every Adapty operation, declared once.
//!
//! Each row is one endpoint as every surface shows it: the operation name, the endpoint type (in its
//! resource module, with its `build` and `parse`) and the parameters the named method takes, what it
//! returns, and a doc line that starts with the HTTP method and the path under the API root.
//! [`adapty_operations!`](crate::adapty_operations) hands the rows to a macro of the caller's; this crate
//! expands them into the client's named methods and the [`registry`](crate::registry).
//!
//! The groups:
//! - `field_calls`: the method takes the endpoint's fields (`get_profile(&user)`);
//! - `new_calls`: the method takes the arguments of the endpoint's checked constructor;
//! - `calls`: the method takes the endpoint value itself (`export_cohort(&request)`).
//!
//! A paged list adds `pages(paginator / collect => Item, PaginatorType)`: the bindings' paginator
//! method and object and the collect-with-cap method; in Rust the client's generic `pages`, `items`
//! and `collect_all` take the request (the endpoint is [`Paged`](crate::pagination::Paged)).

/// Calls `$callback! { … }` with every Adapty operation (see [`crate::adapty::operations`]).
#[macro_export]
macro_rules! adapty_operations {
    ($callback:ident) => {
        $callback! {
            field_calls {
                /// GET /api/v2/server-side-api/profile/: a profile.
                get_profile(GetProfile { user: AdaptyUser }) -> Profile;
                /// POST /api/v2/server-side-api/profile/: creates a profile (a customer user id alone), or links both ids.
                create_profile(CreateProfile { user: AdaptyUser, profile: ProfileRequest }) -> Profile;
                /// PATCH /api/v2/server-side-api/profile/: changes a profile.
                update_profile(UpdateProfile { user: AdaptyUser, profile: ProfileRequest }) -> Profile;
                /// DELETE /api/v2/server-side-api/profile/: deletes a profile.
                delete_profile(DeleteProfile { user: AdaptyUser }) -> Ack;
                /// POST /api/v2/server-side-api/purchase/set/transaction/: records a transaction.
                set_transaction(SetTransaction { user: AdaptyUser, transaction: Transaction }) -> Profile;
                /// POST /api/v2/server-side-api/purchase/profile/grant/access-level/: grants an access level.
                grant_access_level(GrantAccessLevel { user: AdaptyUser, request: GrantAccessLevelRequest }) -> Profile;
                /// POST /api/v2/server-side-api/purchase/profile/revoke/access-level/: revokes an access level.
                revoke_access_level(RevokeAccessLevel { user: AdaptyUser, request: RevokeAccessLevelRequest }) -> Profile;
                /// GET /api/v2/server-side-api/purchase/profile/refund-saver/settings/: a profile's Refund Saver settings.
                get_refund_saver_settings(GetRefundSaverSettings { user: AdaptyUser }) -> RefundSaverSettings;
                /// POST /api/v2/server-side-api/purchase/profile/refund-saver/settings/: sets a profile's Refund Saver settings.
                set_refund_saver_settings(SetRefundSaverSettings { user: AdaptyUser, request: SetRefundSaverSettingsRequest }) -> RefundSaverSettings;
                /// POST /api/v1/sdk/purchase/stripe/token/validate/: validates a Stripe purchase.
                validate_stripe_purchase(ValidateStripePurchase { request: ValidateStripePurchaseRequest }) -> Ack;
                /// POST /api/v2/server-side-api/purchase/paddle/token/validate/: validates a Paddle purchase.
                validate_paddle_purchase(ValidatePaddlePurchase { request: ValidatePaddlePurchaseRequest }) -> Profile;
                /// GET /api/v2/server-side-api/integration/profile/set/integration-identifiers/: a profile's integration identifiers.
                get_integration_identifiers(GetIntegrationIdentifiers { user: AdaptyUser }) -> IntegrationIdentifiers;
                /// POST /api/v2/server-side-api/integration/profile/set/integration-identifiers/: sets them.
                set_integration_identifiers(SetIntegrationIdentifiers { user: AdaptyUser, identifiers: IntegrationIdentifiers }) -> Ack;
                /// GET /api/v2/server-side-api/paywalls/{paywall_id}/: one paywall.
                get_paywall(GetPaywall { paywall_id: String }) -> Paywall;
                /// PUT /api/v2/server-side-api/paywalls/{paywall_id}/: replaces a paywall's remote configs.
                update_paywall(UpdatePaywall { paywall_id: String, request: UpdatePaywallRequest }) -> Paywall;
                /// GET /api/v2/server-side-api/vc/transactions/: one page of a profile's virtual-currency history, newest first.
                list_virtual_currency_transactions(ListVirtualCurrencyTransactions { user: AdaptyUser, query: VirtualCurrencyHistoryQuery = default }) -> VirtualCurrencyHistory,
                    pages(virtual_currency_transactions_paginator / collect_virtual_currency_transactions => VirtualCurrencyTransaction, VirtualCurrencyTransactionPaginator);
                /// GET /api/v2/server-side-api/vc/balances/: a profile's virtual-currency balances.
                list_virtual_currency_balances(ListVirtualCurrencyBalances { user: AdaptyUser }) -> VirtualCurrencyBalances;
                /// POST /api/v2/web-api/paywall/: the paywall for a placement (public key).
                get_web_paywall(GetWebPaywall { request: WebPaywallRequest }) -> WebPaywall;
                /// POST /api/v2/web-api/paywall/visit/: records a paywall visit (public key).
                record_web_paywall_visit(RecordWebPaywallVisit { visit: WebPaywallVisit }) -> Ack;
                /// POST /api/v2/web-api/attribution/: sets a profile's attribution (public key).
                set_web_attribution(SetWebAttribution { request: WebAttributionRequest }) -> Ack;
            }
            new_calls {
                /// POST /api/v2/server-side-api/vc/transactions/: a virtual-currency transaction (an `Idempotency-Key` is drawn when absent and returned).
                create_virtual_currency_transaction(CreateVirtualCurrencyTransaction::new(user: AdaptyUser, request: VirtualCurrencyTransactionRequest)) -> VirtualCurrencyTransactionResult;
            }
            calls {
                /// GET /api/v2/server-side-api/paywalls/: one page of paywalls.
                list_paywalls(ListPaywalls) -> PaywallList,
                    pages(paywalls_paginator / collect_paywalls => Paywall, PaywallPaginator);
                /// POST /api/v1/client-api/exports/placements/: placements as JSON or CSV.
                export_placements(ExportPlacements) -> PlacementExport;
                /// POST /api/v1/client-api/metrics/analytics/: analytics metrics.
                export_analytics(ExportAnalytics) -> MetricsExport;
                /// POST /api/v1/client-api/metrics/cohort/: cohort metrics.
                export_cohort(ExportCohort) -> MetricsExport;
                /// POST /api/v1/client-api/metrics/conversion/: conversion metrics.
                export_conversion(ExportConversion) -> MetricsExport;
                /// POST /api/v1/client-api/metrics/funnel/: funnel metrics.
                export_funnel(ExportFunnel) -> MetricsExport;
                /// POST /api/v1/client-api/metrics/ltv/: lifetime-value metrics.
                export_ltv(ExportLtv) -> MetricsExport;
                /// POST /api/v1/client-api/metrics/retention/: retention metrics.
                export_retention(ExportRetention) -> MetricsExport;
            }
        }
    };
}

/// Expands the rows into the client's named methods and the registry entries.
macro_rules! adapty_client {
    (
        field_calls { $( $(#[doc = $fd:literal])* $fname:ident($freq:ident { $($field:ident: $fty:tt $(= $fdef:ident)?),* }) -> $fout:ty $(, pages($fpag:ident / $fcol:ident => $fitem:ty, $fpt:ident))?; )* }
        new_calls { $( $(#[doc = $nd:literal])* $nname:ident($nreq:ident::new($($arg:ident: $aty:tt),*)) -> $nout:ty; )* }
        calls { $( $(#[doc = $cd:literal])* $cname:ident($creq:ident) -> $cout:ty $(, pages($cpag:ident / $ccol:ident => $citem:ty, $cpt:ident))?; )* }
    ) => {
        impl<T: Transport, C: Timer> AdaptyClient<T, C> {
            $(
                $(#[doc = $fd])*
                pub async fn $fname(&self, $($field: $crate::param_type!($fty)),*) -> Result<$fout, Error> {
                    self.send(&$freq { $($field: FieldFrom::field_from($field)),* }).await
                }
            )*
            $(
                $(#[doc = $nd])*
                pub async fn $nname(&self, $($arg: $crate::param_type!($aty)),*) -> Result<$nout, Error> {
                    self.send(&$nreq::new($(FieldFrom::field_from($arg)),*)?).await
                }
            )*
            $(
                $(#[doc = $cd])*
                pub async fn $cname(&self, request: &$creq) -> Result<$cout, Error> {
                    self.send(request).await
                }
            )*
        }

        /// Every Adapty operation, in declaration order.
        pub fn operations() -> Vec<Operation> {
            let root = crate::driver::parse_base_url(super::DEFAULT_BASE_URL);
            let key = crate::Secret::new("k");
            let defaults_valid = |build: &dyn Fn(&AdaptyContext<'_>) -> bool| match &root {
                Ok(base) => build(&AdaptyContext {
                    base_url: base,
                    export_base_url: base,
                    secret_key: Some(&key),
                    public_key: Some(&key),
                }),
                Err(_) => false,
            };
            let _ = &defaults_valid;
            vec![
                $(Operation::new(Vendor::Adapty, stringify!($fname), list_kind(&[$(stringify!($fitem))?]), stringify!($freq), stringify!($fout), [$(stringify!($fitem))?].first().copied(), concat!($($fd),*), false)
                    .with_fields(&[$((stringify!($field), stringify!($fty), <[&str]>::len(&[$(stringify!($fdef))?]) == 1)),*]),)*
                $(Operation::new(Vendor::Adapty, stringify!($nname), OperationKind::Call, stringify!($nreq), stringify!($nout), None, concat!($($nd),*), false)
                    .with_fields(&[$((stringify!($arg), stringify!($aty), false)),*]),)*
                $(Operation::new(Vendor::Adapty, stringify!($cname), list_kind(&[$(stringify!($citem))?]), stringify!($creq), stringify!($cout), [$(stringify!($citem))?].first().copied(), concat!($($cd),*),
                    defaults_valid(&|c| <$creq>::default().build(c).is_ok())),)*
            ]
        }
    };
}

/// A row with a `pages(…)` part is a paged list.
fn list_kind(item: &[&str]) -> OperationKind {
    if item.is_empty() {
        OperationKind::Call
    } else {
        OperationKind::List
    }
}

use super::*;
use crate::endpoint::FieldFrom;
use crate::error::{Error, Vendor};
use crate::registry::{Operation, OperationKind};
use crate::transport::{Timer, Transport};
use crate::{Ack, Endpoint};

crate::adapty_operations!(adapty_client);
