//! Every Admitad publisher operation for Kotlin, Swift and Python, expanded from core's declaration
//! (`adkit::admitad_operations!`): one method per endpoint taking the core request record (and an
//! optional trailing `extra_query`), and for every list a page call, a paginator object and a collect
//! helper with a mandatory cap.

use adkit::admitad::*;
use adkit::{Json, JsonReply};

use crate::admitad::AdmitadClient;
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
        }

        crate::operations::uniffi_pages!(@page $page; AdmitadClient, $req, $paginator, $collect, $item, $pag,
            [request: Option<$req>,] [(default(request = None, extra_query = None))] [request.unwrap_or_default()]
            [request: $req,] [request]);
    )+};
}

adkit::admitad_operations!(uniffi_admitad);
