//! Query parameters this version of adkit does not know yet, on any request of any vendor: when a
//! vendor adds a filter, send it now instead of waiting for a release.

use crate::driver::{Exchange, RequestPolicy};
use crate::endpoint::{Context, Endpoint};
use crate::error::Error;
use crate::http::HttpRequest;
use crate::pagination::Paged;
use crate::validate;

/// An endpoint with extra query parameters appended to the URL it builds, after the ones adkit sends
/// (a name adkit also sends is sent twice: the vendor decides which wins). Parsing and the retry policy
/// are the endpoint's own; a paged list stays paged.
///
/// ```
/// use adkit::WithQuery;
/// use adkit::Endpoint;
/// use adkit::admitad::{AdmitadContext, ListPrograms};
/// use adkit::driver::parse_base_url;
///
/// let programs = WithQuery::new(ListPrograms::default()).param("brand_new_filter", "yes please");
/// let base = parse_base_url("https://api.admitad.com/")?;
/// let request = programs.build(&AdmitadContext { base_url: &base, access_token: "t" })?;
/// assert!(request.url.ends_with("brand_new_filter=yes+please"));
/// # Ok::<(), adkit::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct WithQuery<E> {
    endpoint: E,
    params: Vec<(String, String)>,
}

impl<E> WithQuery<E> {
    /// The endpoint with no extra parameters yet.
    pub fn new(endpoint: E) -> Self {
        WithQuery {
            endpoint,
            params: Vec::new(),
        }
    }

    /// Adds one parameter (repeat the call to repeat a name).
    pub fn param(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.params.push((name.into(), value.into()));
        self
    }

    /// Adds parameters in order (a binding's `extraQuery` / `extra_query` option).
    pub fn with_params(mut self, params: impl IntoIterator<Item = (String, String)>) -> Self {
        self.params.extend(params);
        self
    }

    /// The endpoint inside.
    pub fn endpoint(&self) -> &E {
        &self.endpoint
    }

    /// The extra parameters, in the order they are sent.
    pub fn params(&self) -> &[(String, String)] {
        &self.params
    }

    fn apply(&self, request: HttpRequest) -> Result<HttpRequest, Error> {
        append_query(request, &self.params)
    }
}

/// Appends query parameters to a built request's URL, after the ones it has (checked: a name must not
/// be empty, and neither may hold control characters). What [`WithQuery`] does, for a binding whose call
/// path holds the built request rather than the endpoint.
pub fn append_query(
    mut request: HttpRequest,
    params: &[(String, String)],
) -> Result<HttpRequest, Error> {
    if params.is_empty() {
        return Ok(request);
    }
    for (name, value) in params {
        validate::required("extra_query", name)?;
        validate::no_controls(&format!("extra_query.{name}"), value)?;
    }
    let encoded = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params.iter())
        .finish();
    let (base, fragment) = match request.url.split_once('#') {
        Some((b, f)) => (b.to_owned(), Some(f.to_owned())),
        None => (request.url.clone(), None),
    };
    let separator = match base.split_once('?') {
        Some((_, q)) if !q.is_empty() => "&",
        Some(_) => "",
        None => "?",
    };
    request.url = format!("{base}{separator}{encoded}");
    if let Some(f) = fragment {
        request.url.push('#');
        request.url.push_str(&f);
    }
    Ok(request)
}

impl<E: Endpoint> Endpoint for WithQuery<E> {
    type Api = E::Api;
    type Output = E::Output;
    fn build(&self, ctx: &Context<'_, E::Api>) -> Result<HttpRequest, Error> {
        self.apply(self.endpoint.build(ctx)?)
    }
    fn parse(&self, exchange: &Exchange) -> Result<E::Output, Error> {
        self.endpoint.parse(exchange)
    }
    fn parse_reply(&self, exchange: &Exchange) -> Result<E::Output, Error> {
        self.endpoint.parse_reply(exchange)
    }
    fn policy(&self) -> RequestPolicy {
        self.endpoint.policy()
    }
}

impl<E: Paged> Paged for WithQuery<E> {
    type Item = E::Item;
    fn items(page: &E::Output) -> &[E::Item] {
        E::items(page)
    }
    fn into_items(page: E::Output) -> Vec<E::Item> {
        E::into_items(page)
    }
    fn next_request(&self, page: &E::Output) -> Result<Option<Self>, Error> {
        Ok(self.endpoint.next_request(page)?.map(|endpoint| WithQuery {
            endpoint,
            params: self.params.clone(),
        }))
    }
    fn remaining(&self, page: &E::Output) -> Option<u64> {
        self.endpoint.remaining(page)
    }
    fn first(self) -> Self {
        WithQuery {
            endpoint: self.endpoint.first(),
            params: self.params,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::adjust::GetApp;
    use crate::driver::parse_base_url;
    use crate::secret::Secret;

    #[test]
    fn extra_parameters_follow_the_known_ones_and_are_checked() {
        let base = parse_base_url("https://settings.adjust.com/api/").unwrap();
        let token = Secret::new("t");
        let ctx = crate::adjust::AdjustContext {
            base_url: &base,
            api_token: &token,
            signature_token: None,
        };
        let get = GetApp {
            app_token: "abc".into(),
        };
        let req = WithQuery::new(get.clone())
            .param("fields", "name,ü")
            .param("fields", "x&y")
            .build(&ctx)
            .unwrap();
        assert_eq!(
            req.url,
            "https://settings.adjust.com/api/app/abc/?fields=name%2C%C3%BC&fields=x%26y"
        );
        assert_eq!(
            WithQuery::new(get.clone()).build(&ctx).unwrap().url,
            get.build(&ctx).unwrap().url
        );
        for (name, value) in [("", "v"), ("n", "a\r\nb")] {
            let e = WithQuery::new(get.clone())
                .param(name, value)
                .build(&ctx)
                .unwrap_err();
            assert_eq!(e.kind(), crate::ErrorKind::InvalidInput);
        }
    }
}
