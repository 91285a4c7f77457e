//! The JS dispatch of the Adapty and Adjust clients, expanded from core's operation rows
//! (`adkit::adapty_operations!`, `adkit::adjust_operations!`): one `Call` per endpoint, the call for an
//! operation name and its JS arguments (the endpoint's fields in order, or its request record), its
//! build and its parse, and the rows the package entry reads to install the named methods
//! (`client.getProfile(user, options)` calls `callOperation('get_profile', [user], options)`).

use adkit::Error;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

use crate::convert::{from_js, js_error, string_arg, to_js};

/// A field argument, converted to the field's type; a bad one is `invalid_input` naming the field
/// (in camelCase, as JS wrote it).
pub(crate) trait FieldArg: Sized {
    fn from_arg(value: JsValue, field: &str) -> Result<Self, JsValue>;
}

impl<T: DeserializeOwned> FieldArg for T {
    fn from_arg(value: JsValue, field: &str) -> Result<Self, JsValue> {
        let name = adkit::case::snake_to_camel(field);
        // A text value (an enum such as `'android'`) is read as a JSON string; anything else is a
        // plain object.
        if let Some(text) = value.as_string() {
            let json = serde_json::to_vec(&text).unwrap_or_default();
            return serde_json::from_slice(&json).map_err(|_| {
                js_error(&Error::invalid(
                    &name,
                    format!("`{text}` is not one of its values"),
                ))
            });
        }
        from_js(value, &name)
    }
}

/// A string field: only a string (never a number turned into text).
pub(crate) fn string_field(value: JsValue, field: &str) -> Result<String, JsValue> {
    string_arg(&value, &adkit::case::snake_to_camel(field))
}

/// A field that may be left out: `undefined` or `null` is its default.
#[cfg_attr(not(feature = "adapty"), allow(dead_code))]
pub(crate) fn optional_arg<T: FieldArg + Default>(
    value: JsValue,
    field: &str,
) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        Ok(T::default())
    } else {
        T::from_arg(value, field)
    }
}

/// A request record argument (`undefined`/`null` is the record's defaults, checked like any request).
pub(crate) fn request_arg<T: DeserializeOwned + Default>(value: JsValue) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        Ok(T::default())
    } else {
        from_js(value, "request")
    }
}

/// A result as its JS value.
pub(crate) fn reply_to_js<T: Serialize>(result: Result<T, Error>) -> Result<JsValue, JsValue> {
    to_js(&result.map_err(|e| js_error(&e))?)
}

/// An operation name the client does not have.
pub(crate) fn unknown_operation(vendor: &str, op: &str) -> JsValue {
    js_error(&Error::invalid(
        "operation",
        format!("`{op}` is not an {vendor} operation"),
    ))
}

/// Expands one vendor's rows (after its build-context type) into the dispatch described above.
macro_rules! wasm_operations {
    ($vendor:literal, $ctx:ident;
        field_calls { $( $(#[doc = $fd:literal])* $fname:ident($freq:ident { $($field:ident: $fty:tt $(= $fdef:ident)?),* }) -> $fout:ty $(, pages($($fp:tt)*))?; )* }
        new_calls { $( $(#[doc = $nd:literal])* $nname:ident($nreq:ident::new($($arg:ident: $aty:tt),*)) -> $nout:ty; )* }
        calls { $( $(#[doc = $cd:literal])* $cname:ident($creq:ident) -> $cout:ty $(, pages($($cp:tt)*))?; )* }
    ) => {
        /// One endpoint call, converted from JS and ready to build.
        pub(crate) enum Call {
            $($freq(Box<$freq>),)*
            $($nreq(Box<$nreq>),)*
            $($creq(Box<$creq>),)*
        }

        /// `(name, parameters)` of every operation, in declaration order.
        pub(crate) const OPERATIONS: &[(&str, u32)] = &[
            $((stringify!($fname), [$(stringify!($field)),*].len() as u32),)*
            $((stringify!($nname), [$(stringify!($arg)),*].len() as u32),)*
            $((stringify!($cname), 1),)*
        ];

        /// The call of operation `op` for its JS arguments; bad input is `invalid_input`, before anything
        /// is sent.
        pub(crate) fn call_for(op: &str, args: &js_sys::Array) -> Result<Call, JsValue> {
            #[allow(unused_mut, unused_variables, unused_assignments)]
            match op {
                $(stringify!($fname) => {
                    let mut at = 0u32;
                    $(
                        let $field = $crate::operations::wasm_operations!(@arg args.get(at), $field, $fty $(= $fdef)?);
                        at += 1;
                    )*
                    Ok(Call::$freq(Box::new($freq { $($field),* })))
                })*
                $(stringify!($nname) => {
                    let mut at = 0u32;
                    $(
                        let $arg = $crate::operations::wasm_operations!(@arg args.get(at), $arg, $aty);
                        at += 1;
                    )*
                    $nreq::new($($arg),*).map(|e| Call::$nreq(Box::new(e))).map_err(|e| $crate::convert::js_error(&e))
                })*
                $(stringify!($cname) => $crate::operations::request_arg::<$creq>(args.get(0)).map(|r| Call::$creq(Box::new(r))),)*
                _ => Err($crate::operations::unknown_operation($vendor, op)),
            }
        }

        /// The request and retry policy of a call.
        pub(crate) fn build_call(
            call: &Call,
            ctx: &$ctx<'_>,
        ) -> Result<(adkit::HttpRequest, adkit::driver::RequestPolicy), adkit::Error> {
            use adkit::Endpoint as _;
            match call {
                $(Call::$freq(e) => e.build(ctx).map(|r| (r, e.policy())),)*
                $(Call::$nreq(e) => e.build(ctx).map(|r| (r, e.policy())),)*
                $(Call::$creq(e) => e.build(ctx).map(|r| (r, e.policy())),)*
            }
        }

        /// Sends a call through the client's driver (with the call's `extraQuery`) and gives the JS value
        /// of its answer: build, then one shared await of the driver, then parse — the exchange is not
        /// generic over the endpoint, so the module carries a single copy of the request state machine.
        pub(crate) async fn send_call(
            driver: &adkit::driver::Driver<$crate::fetch::FetchTransport, $crate::fetch::JsTimer>,
            ctx: &$ctx<'_>,
            call: &Call,
            extra: &[(String, String)],
        ) -> Result<JsValue, JsValue> {
            let (request, policy) = build_call(call, ctx)
                .and_then(|(q, p)| Ok((adkit::append_query(q, extra)?, p)))
                .map_err(|e| $crate::convert::js_error(&e))?;
            let exchange = driver
                .execute(request, policy)
                .await
                .map_err(|e| $crate::convert::js_error(&e))?;
            parse_call(call, &exchange)
        }

        /// The JS value of a call's final exchange (its request id included).
        pub(crate) fn parse_call(call: &Call, exchange: &adkit::driver::Exchange) -> Result<JsValue, JsValue> {
            use adkit::Endpoint as _;
            match call {
                $(Call::$freq(e) => $crate::operations::reply_to_js(e.parse_reply(exchange)),)*
                $(Call::$nreq(e) => $crate::operations::reply_to_js(e.parse_reply(exchange)),)*
                $(Call::$creq(e) => $crate::operations::reply_to_js(e.parse_reply(exchange)),)*
            }
        }
    };
    (@arg $value:expr, $field:ident, String) => {
        $crate::operations::string_field($value, stringify!($field))?
    };
    (@arg $value:expr, $field:ident, $ty:tt = default) => {
        $crate::operations::optional_arg::<$ty>($value, stringify!($field))?
    };
    (@arg $value:expr, $field:ident, $ty:tt) => {
        <$ty as $crate::operations::FieldArg>::from_arg($value, stringify!($field))?
    };
}
pub(crate) use wasm_operations;

/// `[name, 'args', method, pagesMethod, collectMethod, parameters]` of every operation in `rows`: the
/// package entry installs `client.<method>(...arguments, options)` for each.
pub(crate) fn operation_rows(rows: &[(&str, u32)]) -> js_sys::Array {
    rows.iter()
        .map(|(name, arity)| {
            let names = adkit::registry::js_methods(name);
            let row: js_sys::Array = [*name, "args", &names.call, &names.pages, &names.collect]
                .iter()
                .map(|s| JsValue::from_str(s))
                .collect();
            row.push(&JsValue::from(*arity));
            row
        })
        .collect()
}
