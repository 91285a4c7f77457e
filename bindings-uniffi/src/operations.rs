//! The uniffi methods of the Adapty and Adjust clients, expanded from core's operation rows
//! (`adkit::adapty_operations!`, `adkit::adjust_operations!`): a `field_calls` row becomes a method
//! taking the endpoint's fields (a `= default` field is optional), a `new_calls` row one taking its
//! constructor's arguments, a `calls` row one taking the request record (optional: its defaults are
//! checked like any request). Every method takes a trailing optional `extra_query`, and an argument
//! that cannot be read is `InvalidInput` naming it (`Checked`).

/// Expands one vendor's rows into methods on `$client`.
macro_rules! uniffi_operations {
    ($client:ident;
        field_calls { $( $(#[doc = $fd:literal])* $fname:ident($freq:ident { $($fields:tt)* }) -> $fout:ty; )* }
        new_calls { $( $(#[doc = $nd:literal])* $nname:ident($nreq:ident::new($($arg:ident: $aty:tt),*)) -> $nout:ty; )* }
        calls { $( $(#[doc = $cd:literal])* $cname:ident($creq:ident) -> $cout:ty; )* }
    ) => {
        $(
            $crate::operations::uniffi_field_call!(@go $client [$(#[doc = $fd])*] $fname $freq $fout [] [] [] ; $($fields)*);
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
        )*
    };
}
pub(crate) use uniffi_operations;

/// One `field_calls` row: collects the parameters (optional ones with their uniffi default), then
/// writes the method.
macro_rules! uniffi_field_call {
    (@go $client:ident [$($doc:tt)*] $name:ident $req:ident $out:ty [$($defs:tt)*] [$($params:tt)*] [$($inits:tt)*] ; $field:ident : $fty:tt = default $(, $($rest:tt)*)?) => {
        $crate::operations::uniffi_field_call!(@go $client [$($doc)*] $name $req $out
            [$($defs)* $field = None,] [$($params)* $field: Option<$fty>,] [$($inits)* $field: $field.unwrap_or_default(),] ; $($($rest)*)?);
    };
    (@go $client:ident [$($doc:tt)*] $name:ident $req:ident $out:ty [$($defs:tt)*] [$($params:tt)*] [$($inits:tt)*] ; $field:ident : $fty:tt $(, $($rest:tt)*)?) => {
        $crate::operations::uniffi_field_call!(@go $client [$($doc)*] $name $req $out
            [$($defs)*] [$($params)* $field: $fty,] [$($inits)* $field,] ; $($($rest)*)?);
    };
    (@go $client:ident [$($doc:tt)*] $name:ident $req:ident $out:ty [$($defs:tt)*] [$($params:tt)*] [$($inits:tt)*] ; ) => {
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
