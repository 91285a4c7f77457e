//! The uniffi methods of the Adapty and Adjust clients, expanded from core's operation rows
//! (`adkit::adapty_operations!`, `adkit::adjust_operations!`): a `field_calls` row becomes a method
//! taking the endpoint's fields (a `= default` field is optional), a `new_calls` row one taking its
//! constructor's arguments, a `calls` row one taking the request record (optional: its defaults are
//! checked like any request). Every method takes a trailing optional `extra_query`, and an argument
//! that cannot be read is `InvalidInput` naming it (`Checked`).

/// Expands one vendor's rows into methods on `$client`.
macro_rules! uniffi_operations {
    ($client:ident;
        field_calls { $( $(#[doc = $fd:literal])* $fname:ident($freq:ident { $($fields:tt)* }) -> $fout:ty $(, pages($fpag:ident / $fcol:ident => $fitem:ty, $fpt:ident))?; )* }
        new_calls { $( $(#[doc = $nd:literal])* $nname:ident($nreq:ident::new($($arg:ident: $aty:tt),*)) -> $nout:ty; )* }
        calls { $( $(#[doc = $cd:literal])* $cname:ident($creq:ident) -> $cout:ty $(, pages($cpag:ident / $ccol:ident => $citem:ty, $cpt:ident))?; )* }
    ) => {
        $(
            $crate::operations::uniffi_field_call!(@go $client [$(#[doc = $fd])*] $fname $freq $fout [$($fpag $fcol $fitem, $fpt)?] [] [] [] ; $($fields)*);
        )*
        $(
            #[uniffi::export]
            impl $client {
                $(#[doc = $nd])*
                #[uniffi::method(default(extra_query = None))]
                pub async fn $nname(
                    &self,
                    $($arg: $aty,)*
                    extra_query: Option<Vec<$crate::QueryParam>>,
                ) -> $crate::errors::Checked<$nout> {
                    $crate::errors::Checked(match $nreq::new($($arg),*) {
                        Ok(endpoint) => self.send($crate::with_query(endpoint, extra_query)).await,
                        Err(e) => Err(e.into()),
                    })
                }
            }
        )*
        $(
            #[uniffi::export]
            impl $client {
                $(#[doc = $cd])*
                #[uniffi::method(default(request = None, extra_query = None))]
                pub async fn $cname(
                    &self,
                    request: Option<$creq>,
                    extra_query: Option<Vec<$crate::QueryParam>>,
                ) -> $crate::errors::Checked<$cout> {
                    $crate::errors::Checked(
                        self.send($crate::with_query(request.unwrap_or_default(), extra_query)).await,
                    )
                }
            }
            $(
                $crate::operations::uniffi_pages!($client, $creq, $cpag, $ccol, $citem, $cpt,
                    [request: Option<$creq>,] [(default(request = None, extra_query = None))] [request.unwrap_or_default()]
                    [request: $creq,] [request]);
            )?
        )*
    };
}
pub(crate) use uniffi_operations;

/// One `field_calls` row: collects the parameters (optional ones with their uniffi default), then
/// writes the method.
macro_rules! uniffi_field_call {
    (@go $client:ident [$($doc:tt)*] $name:ident $req:ident $out:ty [$($pages:tt)*] [$($defs:tt)*] [$($params:tt)*] [$($inits:tt)*] ; $field:ident : $fty:tt = default $(, $($rest:tt)*)?) => {
        $crate::operations::uniffi_field_call!(@go $client [$($doc)*] $name $req $out [$($pages)*]
            [$($defs)* $field = None,] [$($params)* $field: Option<$fty>,] [$($inits)* $field: $field.unwrap_or_default(),] ; $($($rest)*)?);
    };
    (@go $client:ident [$($doc:tt)*] $name:ident $req:ident $out:ty [$($pages:tt)*] [$($defs:tt)*] [$($params:tt)*] [$($inits:tt)*] ; $field:ident : $fty:tt $(, $($rest:tt)*)?) => {
        $crate::operations::uniffi_field_call!(@go $client [$($doc)*] $name $req $out [$($pages)*]
            [$($defs)*] [$($params)* $field: $fty,] [$($inits)* $field,] ; $($($rest)*)?);
    };
    (@go $client:ident [$($doc:tt)*] $name:ident $req:ident $out:ty [$pag:ident $col:ident $item:ty, $pt:ident] [$($defs:tt)*] [$($params:tt)*] [$($inits:tt)*] ; ) => {
        $crate::operations::uniffi_field_call!(@go $client [$($doc)*] $name $req $out [] [$($defs)*] [$($params)*] [$($inits)*] ; );
        $crate::operations::uniffi_pages!($client, $req, $pag, $col, $item, $pt,
            [$($params)*] [(default($($defs)* extra_query = None))] [$req { $($inits)* }]);
    };
    (@go $client:ident [$($doc:tt)*] $name:ident $req:ident $out:ty [] [$($defs:tt)*] [$($params:tt)*] [$($inits:tt)*] ; ) => {
        #[uniffi::export]
        impl $client {
            $($doc)*
            #[uniffi::method(default($($defs)* extra_query = None))]
            pub async fn $name(
                &self,
                $($params)*
                extra_query: Option<Vec<$crate::QueryParam>>,
            ) -> $crate::errors::Checked<$out> {
                $crate::errors::Checked(self.send($crate::with_query($req { $($inits)* }, extra_query)).await)
            }
        }
    };
}
pub(crate) use uniffi_field_call;

/// A paged list's paginator method and object and its collect-with-cap method: `$params` are the
/// call's own, `$first` builds the first request from them. Both walk core's [`adkit::pagination`].
macro_rules! uniffi_pages {
    ($client:ident, $req:ty, $pag:ident, $col:ident, $item:ty, $pt:ident, [$($params:tt)*] [$defaults:tt] [$first:expr]) => {
        $crate::operations::uniffi_pages!(@page <$req as adkit::Endpoint>::Output; $client, $req, $pag, $col, $item, $pt, [$($params)*] [$defaults] [$first] [$($params)*] [$first]);
    };
    ($client:ident, $req:ty, $pag:ident, $col:ident, $item:ty, $pt:ident, [$($params:tt)*] [$defaults:tt] [$first:expr] [$($cparams:tt)*] [$cfirst:expr]) => {
        $crate::operations::uniffi_pages!(@page <$req as adkit::Endpoint>::Output; $client, $req, $pag, $col, $item, $pt, [$($params)*] [$defaults] [$first] [$($cparams)*] [$cfirst]);
    };
    (@page $page:ty; $client:ident, $req:ty, $pag:ident, $col:ident, $item:ty, $pt:ident, [$($params:tt)*] [$defaults:tt] [$first:expr] [$($cparams:tt)*] [$cfirst:expr]) => {
        #[uniffi::export]
        impl $client {
            /// A paginator over the same list: call `next_page()` until it returns null. `extra_query`
            /// goes with every page.
            #[uniffi::method$defaults]
            pub fn $pag(
                &self,
                $($params)*
                extra_query: Option<Vec<$crate::QueryParam>>,
            ) -> std::sync::Arc<$pt> {
                std::sync::Arc::new($pt {
                    client: $crate::operations::CoreClient::core(self).clone(),
                    pager: adkit::pagination::Pager::new($crate::with_query($first, extra_query)),
                })
            }

            /// Every item of the list, refusing more than `cap` (`extra_query` on every page).
            #[uniffi::method(default(extra_query = None))]
            pub async fn $col(
                &self,
                $($cparams)*
                cap: u64,
                extra_query: Option<Vec<$crate::QueryParam>>,
            ) -> Result<Vec<$item>, $crate::errors::AdkitError> {
                let cap = $crate::admitad::cap_of(cap)?;
                let core = $crate::operations::CoreClient::core(self);
                Ok(core.collect_all($crate::with_query($cfirst, extra_query), cap).await?)
            }
        }

        /// Pages of a list, one `next_page()` at a time (null after the last page; after an error
        /// there is no next page).
        #[derive(uniffi::Object)]
        pub struct $pt {
            client: std::sync::Arc<<$client as $crate::operations::CoreClient>::Core>,
            pager: adkit::pagination::Pager<adkit::WithQuery<$req>>,
        }

        impl std::fmt::Debug for $pt {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($pt)).finish_non_exhaustive()
            }
        }

        #[uniffi::export]
        impl $pt {
            /// The next page, or null when there is none.
            pub async fn next_page(&self) -> Result<Option<$page>, $crate::errors::AdkitError> {
                Ok(self.pager.next_page(&*self.client).await?.map(Into::into))
            }
        }
    };
}
pub(crate) use uniffi_pages;

/// The core client a binding client wraps (what its paginators hold).
pub(crate) trait CoreClient {
    /// The core client type.
    type Core;
    /// The core client.
    fn core(&self) -> &std::sync::Arc<Self::Core>;
}
