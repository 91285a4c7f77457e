//! What every vendor offers, as data: one [`Operation`] per endpoint, read from the same declarations
//! that make the clients' named methods and every binding's methods. Tests use it to check that each
//! operation has a golden request test, a sandbox route and a method on every surface; the binding
//! generators use it to write the TypeScript declarations.
//!
//! ```
//! let ops = adkit::registry::operations();
//! let balance = ops.iter().find(|o| o.name == "balance").expect("declared");
//! assert_eq!(balance.http_method(), "GET");
//! assert_eq!(balance.js_name(), "balance");
//! assert!(ops.iter().any(|o| o.js_name() == "resolveBrokenLinks"));
//! assert_eq!(adkit::registry::js_methods("broken_links").collect, "collectBrokenLinks");
//! ```

use crate::error::Vendor;

/// How an operation is called and what it gives back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OperationKind {
    /// No input: `client.me()`.
    Unit,
    /// One request, one typed result.
    Call,
    /// One request; the result is the vendor's JSON as sent.
    RawCall,
    /// One request with a file (multipart).
    Upload,
    /// One page of a list, with the paginator and collect-with-cap forms on every surface.
    List,
    /// A list whose items are the vendor's JSON as sent.
    RawList,
}

impl OperationKind {
    /// Whether the operation is a paged list.
    pub fn is_list(self) -> bool {
        matches!(self, OperationKind::List | OperationKind::RawList)
    }
}

/// One endpoint as every surface shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Operation {
    /// The vendor.
    pub vendor: Vendor,
    /// The operation name in snake case: the Rust, Python and uniffi method.
    pub name: &'static str,
    /// How it is called.
    pub kind: OperationKind,
    /// The request type.
    pub request: &'static str,
    /// The result type (for lists, the page record of the bindings).
    pub output: String,
    /// For lists, the item type.
    pub item: Option<&'static str>,
    /// The doc line: the HTTP method and path, then what it does.
    pub doc: String,
    /// Whether the request's defaults make a valid request (the binding may take no request at all).
    pub request_optional: bool,
    /// What the named method takes, in order: the endpoint's fields (a `field_calls` or `new_calls`
    /// row), or the one request record (every other row; none for a unit call).
    pub params: Vec<Param>,
}

/// One parameter of a named method.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Param {
    /// The name in snake case (`app_token`).
    pub name: &'static str,
    /// The Rust type as the row writes it (`String`, `AdaptyUser`, `ListPaywalls`).
    pub rust_type: &'static str,
    /// Whether it may be left out (its default is used).
    pub optional: bool,
}

impl Operation {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        vendor: Vendor,
        name: &'static str,
        kind: OperationKind,
        request: &'static str,
        output: &'static str,
        item: Option<&'static str>,
        doc: &'static str,
        request_optional: bool,
    ) -> Self {
        Operation {
            vendor,
            name,
            kind,
            request,
            output: output.split_whitespace().collect(),
            item,
            doc: doc.trim().to_owned(),
            request_optional,
            params: if kind == OperationKind::Unit {
                Vec::new()
            } else {
                vec![Param {
                    name: "request",
                    rust_type: request,
                    optional: request_optional,
                }]
            },
        }
    }

    /// The same operation taking the endpoint's fields (`(name, type, optional)`, in order).
    pub(crate) fn with_fields(mut self, fields: &[(&'static str, &'static str, bool)]) -> Self {
        self.params = fields
            .iter()
            .map(|&(name, rust_type, optional)| Param {
                name,
                rust_type,
                optional,
            })
            .collect();
        self
    }

    /// The HTTP method, as the doc line starts.
    pub fn http_method(&self) -> &str {
        self.doc.split_whitespace().next().unwrap_or("")
    }

    /// The path template, as the doc line gives it after the method.
    pub fn path(&self) -> &str {
        self.doc
            .split_whitespace()
            .nth(1)
            .unwrap_or("")
            .trim_end_matches([':', ','])
    }

    /// The name in lower camel case: the JS method.
    pub fn js_name(&self) -> String {
        js_methods(self.name).call
    }
}

/// The JS methods of one operation: the call, and for a list the every-page and capped-collect forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsMethods {
    /// `statistics`.
    pub call: String,
    /// `statisticsPages`.
    pub pages: String,
    /// `collectStatistics`.
    pub collect: String,
}

/// The JS method names of operation `name` (snake_case): the one naming rule the wasm module installs
/// and the TypeScript declarations use.
pub fn js_methods(name: &str) -> JsMethods {
    let call = crate::case::snake_to_camel(name);
    // A list named `list_xxx` pages and collects as `xxxPages` / `collectXxx`.
    let noun = crate::case::snake_to_camel(name.strip_prefix("list_").unwrap_or(name));
    let mut upper = noun.clone();
    if let Some(first) = upper.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    JsMethods {
        pages: format!("{noun}Pages"),
        collect: format!("collect{upper}"),
        call,
    }
}

/// Every operation of every vendor.
pub fn operations() -> Vec<Operation> {
    let mut all = crate::adjust::operations::operations();
    all.extend(crate::adapty::operations::operations());
    all.extend(crate::admitad::operations::operations());
    all
}
