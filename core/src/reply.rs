//! What every result carries besides its data: the vendor's request id of the response that answered
//! it (from `x-request-id`, `request-id` and the like), for a support ticket or a log line. Every
//! endpoint's output is a [`Reply`]; an operation with nothing to return answers an [`Ack`], one whose
//! answer is a bare array answers a record holding `items`, and one whose answer is kept as sent answers
//! a [`JsonReply`] — so the id is reachable from every result of every vendor, on every surface.
//!
//! ```
//! use adkit::{Endpoint, Reply};
//! use adkit::admitad::GetMe;
//! use adkit::driver::Exchange;
//! use adkit::HttpResponse;
//!
//! let mut response = HttpResponse::new(200, r#"{"id": 1, "username": "webmaster"}"#);
//! response.headers.push(("x-request-id".into(), "req-42".into()));
//! let me = GetMe.parse_reply(&Exchange::new(response))?;
//! assert_eq!((me.username.as_str(), me.request_id()), ("webmaster", Some("req-42")));
//! # Ok::<(), adkit::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::json::Json;

/// A result that carries the vendor's request id of its response.
pub trait Reply {
    /// The vendor's request id of the response, when it sent one (`None` for an item of a list).
    fn request_id(&self) -> Option<&str>;
    /// Records the request id (done by [`Endpoint::parse_reply`](crate::Endpoint::parse_reply)).
    #[doc(hidden)]
    fn set_request_id(&mut self, id: Option<String>);
}

/// Implements [`Reply`] for records with a `request_id: Option<String>` field.
macro_rules! reply {
    ($($t:ty),+ $(,)?) => {$(
        impl $crate::reply::Reply for $t {
            fn request_id(&self) -> Option<&str> {
                self.request_id.as_deref()
            }
            fn set_request_id(&mut self, id: Option<String>) {
                self.request_id = id;
            }
        }
    )+};
}
pub(crate) use reply;

/// The answer of an operation with nothing else to return (a deletion, a visit recorded).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Ack {
    /// The vendor's request id of the response, when it sent one.
    #[serde(default)]
    pub request_id: Option<String>,
}

/// A JSON answer kept exactly as the vendor sent it, with the request id beside it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct JsonReply {
    /// The answer as sent (`null` when the body was empty).
    pub body: Json,
    /// The vendor's request id of the response, when it sent one. (Named `requestId` in the serialized
    /// form: the body beside it keeps the vendor's own keys, so nothing renames this one.)
    #[serde(default, rename = "requestId")]
    pub request_id: Option<String>,
}

reply!(Ack, JsonReply);

/// A record holding the items of a bare-array answer and the request id (one per item type, for
/// surfaces without generics).
macro_rules! item_list {
    ($($(#[$m:meta])* $name:ident($item:ty);)+) => {$(
        $(#[$m])*
        #[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
        pub struct $name {
            /// The items, in the order sent.
            pub items: Vec<$item>,
            /// The vendor's request id of the response, when it sent one.
            #[serde(default)]
            pub request_id: Option<String>,
        }

        impl From<Vec<$item>> for $name {
            fn from(items: Vec<$item>) -> Self {
                $name { items, request_id: None }
            }
        }

        impl std::ops::Deref for $name {
            type Target = [$item];
            fn deref(&self) -> &[$item] {
                &self.items
            }
        }

        impl IntoIterator for $name {
            type Item = $item;
            type IntoIter = std::vec::IntoIter<$item>;
            fn into_iter(self) -> Self::IntoIter {
                self.items.into_iter()
            }
        }

        $crate::reply::reply!($name);
    )+};
}
pub(crate) use item_list;
