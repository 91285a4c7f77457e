//! Every Admitad publisher operation for Kotlin, Swift and Python, expanded from core's declaration
//! (`adkit::admitad_operations!`): one method per endpoint taking the core request record (and an
//! optional trailing `extra_query`), and for every list a page call, a paginator object and a collect
//! helper with a mandatory cap.

use std::fmt;
use std::sync::Arc;

use adkit::admitad::*;
use adkit::{Json, WithQuery};

use crate::admitad::{AdmitadClient, Core};
use crate::errors::AdkitError;
use crate::{QueryParam, with_query};

macro_rules! uniffi_admitad {
    (
        unit_calls { $( $(#[doc = $ud:literal])* $un:ident($ur:ident) -> $uo:ty; )* }
        calls { $( $(#[doc = $cd:literal])* $cn:ident($cr:ident) -> $co:ty; )* }
        raw_calls { $( $(#[doc = $rd:literal])* $rn:ident($rr:ident) -> $ro:ty; )* }
        uploads { $( $(#[doc = $pd:literal])* $pn:ident($pr:ident) -> $po:ty; )* }
        lists { $( $(#[doc = $ld:literal])* $ln:ident / $lp:ident / $lc:ident ($lr:ident => $li:ty, $lpage:ident, $lpag:ident); )* }
        raw_lists { $( $(#[doc = $wd:literal])* $wn:ident / $wp:ident / $wc:ident ($wr:ident => $wi:ty, $wpage:ident, $wpag:ident); )* }
    ) => {
        $(
            #[uniffi::export]
            impl AdmitadClient {
                $(#[doc = $ud])*
                ///
                /// `extra_query` (on every publisher call): parameters adkit does not know yet.
                #[uniffi::method(default(extra_query = None))]
                pub async fn $un(&self, extra_query: Option<Vec<QueryParam>>) -> Result<$uo, AdkitError> {
                    Ok(self.core().send(&with_query($ur, extra_query)).await?)
                }
            }
        )*
        calls! { $( $(#[doc = $cd])* $cn($cr) -> $co; )* $( $(#[doc = $rd])* $rn($rr) -> $ro; )* $( $(#[doc = $pd])* $pn($pr) -> $po; )* }
        lists! {
            $( $(#[doc = $ld])* $ln / $lp / $lc ($lr => $li, $lpage, $lpag); )*
            $( $(#[doc = $wd])* $wn / $wp / $wc ($wr => $wi, $wpage, $wpag); )*
        }
    };
}

macro_rules! calls {
    ($($(#[$m:meta])* $name:ident($req:ty) -> $out:ty;)+) => {$(
        #[uniffi::export]
        impl AdmitadClient {
            $(#[$m])*
            #[uniffi::method(default(extra_query = None))]
            pub async fn $name(
                &self,
                request: $req,
                extra_query: Option<Vec<QueryParam>>,
            ) -> Result<$out, AdkitError> {
                Ok(self.core().send(&with_query(request, extra_query)).await?)
            }
        }
    )+};
}

macro_rules! lists {
    ($($(#[$m:meta])* $name:ident / $paginator:ident / $collect:ident ($req:ty => $item:ty, $page:ident, $pag:ident);)+) => {$(
        #[uniffi::export]
        impl AdmitadClient {
            $(#[$m])*
            #[uniffi::method(default(request = None, extra_query = None))]
            pub async fn $name(
                &self,
                request: Option<$req>,
                extra_query: Option<Vec<QueryParam>>,
            ) -> Result<$page, AdkitError> {
                let request = with_query(request.unwrap_or_default(), extra_query);
                Ok(self.core().send(&request).await?.into())
            }

            /// A paginator over the same list: call `next_page()` until it returns null. `extra_query`
            /// goes with every page.
            #[uniffi::method(default(request = None, extra_query = None))]
            pub fn $paginator(
                &self,
                request: Option<$req>,
                extra_query: Option<Vec<QueryParam>>,
            ) -> Arc<$pag> {
                Arc::new($pag {
                    client: self.core().clone(),
                    cursor: PageCursor::new(with_query(request.unwrap_or_default(), extra_query)),
                })
            }

            /// Every item of the list, refusing more than `cap` (`extra_query` on every page).
            #[uniffi::method(default(extra_query = None))]
            pub async fn $collect(
                &self,
                request: $req,
                cap: u64,
                extra_query: Option<Vec<QueryParam>>,
            ) -> Result<Vec<$item>, AdkitError> {
                let request = with_query(request, extra_query);
                Ok(self.core().collect_all(request, crate::admitad::cap_of(cap)?).await?)
            }
        }

        /// Pages of a list, one `next_page()` at a time (follows `_meta`; null after the last page).
        #[derive(uniffi::Object)]
        pub struct $pag {
            client: Arc<Core>,
            cursor: PageCursor<WithQuery<$req>>,
        }

        impl fmt::Debug for $pag {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($pag)).finish_non_exhaustive()
            }
        }

        #[uniffi::export]
        impl $pag {
            /// The next page, or null when there is none.
            pub async fn next_page(&self) -> Result<Option<$page>, AdkitError> {
                Ok(self.cursor.next_page(&self.client).await?.map(Into::into))
            }
        }
    )+};
}

adkit::admitad_operations!(uniffi_admitad);
