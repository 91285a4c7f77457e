//! Every Adjust operation, declared once (the same row forms as Adapty's; see
//! [`crate::adapty::operations`]).

/// Calls `$callback! { … }` with every Adjust operation (see [`crate::adjust::operations`]).
#[macro_export]
macro_rules! adjust_operations {
    ($callback:ident) => {
        $callback! {
            field_calls {
                /// GET /app/{app_token}/: the app's details.
                get_app(GetApp { app_token: String }) -> AppDetails;
                /// GET /app?store_id=&platform=: finds the app by store id (following Adjust's redirect).
                find_app(FindApp { store_id: String, platform: Platform }) -> AppDetails;
                /// GET /signature?bundle_id=: the signed SDK library links.
                get_signature(GetSignature { bundle_id: String }) -> SignatureLibraries;
                /// GET /app/{app_token}/channels: channels with network trackers.
                list_channels(ListChannels { app_token: String }) -> ChannelList;
                /// GET /status/{ticket_token}: one look at a background job.
                get_ticket_status(GetTicketStatus { ticket_token: String }) -> TicketStatus;
            }
            new_calls {
            }
            calls {
                /// POST /app: gets or creates the app; its token and the migration ticket.
                create_app(CreateApp) -> CreateAppResponse;
                /// POST /app/{app_token}: changes name, store id, bundle id or signature hash.
                update_app(UpdateApp) -> UpdateAppResponse;
                /// POST /campaign: click and impression URLs for a channel.
                create_campaign(CreateCampaign) -> CampaignUrls;
                /// POST /signature: generates SDK signatures (needs the signature token).
                generate_signature(GenerateSignature) -> GenerateSignatureResponse;
            }
        }
    };
}

/// Expands the rows into the client's named methods and the registry entries.
macro_rules! adjust_client {
    (
        field_calls { $( $(#[doc = $fd:literal])* $fname:ident($freq:ident { $($field:ident: $fty:tt $(= $fdef:ident)?),* }) -> $fout:ty; )* }
        new_calls { }
        calls { $( $(#[doc = $cd:literal])* $cname:ident($creq:ident) -> $cout:ty; )* }
    ) => {
        impl<T: Transport, C: Timer> AdjustClient<T, C> {
            $(
                $(#[doc = $fd])*
                pub async fn $fname(&self, $($field: $crate::param_type!($fty)),*) -> Result<$fout, Error> {
                    self.send(&$freq { $($field: FieldFrom::field_from($field)),* }).await
                }
            )*
            $(
                $(#[doc = $cd])*
                pub async fn $cname(&self, request: &$creq) -> Result<$cout, Error> {
                    self.send(request).await
                }
            )*
        }

        /// Every Adjust operation, in declaration order.
        pub fn operations() -> Vec<Operation> {
            vec![
                $(Operation::new(Vendor::Adjust, stringify!($fname), OperationKind::Call, stringify!($freq), stringify!($fout), None, concat!($($fd),*), false)
                    .with_fields(&[$((stringify!($field), stringify!($fty), <[&str]>::len(&[$(stringify!($fdef))?]) == 1)),*]),)*
                $(Operation::new(Vendor::Adjust, stringify!($cname), OperationKind::Call, stringify!($creq), stringify!($cout), None, concat!($($cd),*), false),)*
            ]
        }
    };
}

use super::*;
use crate::endpoint::FieldFrom;
use crate::error::{Error, Vendor};
use crate::registry::{Operation, OperationKind};
use crate::transport::{Timer, Transport};

crate::adjust_operations!(adjust_client);
