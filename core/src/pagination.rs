//! Paged lists of every vendor, one model: a [`Paged`] endpoint answers one page (`items` plus the
//! vendor's paging facts) and knows the request for the page after it; a [`Pager`] walks the pages
//! one at a time (the paginator objects of Kotlin, Swift, Python and JS); [`pages`] is the Rust
//! stream and [`collect_all`] the collect helper with its mandatory cap. Admitad pages by
//! `limit`/`offset`, Adapty's paywalls by page number and its virtual-currency history by cursor; the
//! walk, the progress rule and the cap rule are the same for all of them.
//!
//! ```
//! use adkit::pagination::Paged;
//! use adkit::adapty::{ListPaywalls, Pagination, Paywall, PaywallList};
//!
//! let first = ListPaywalls::default();
//! let page = PaywallList {
//!     items: vec![Paywall::default(); 20],
//!     pagination: Pagination { count: 45, page: 1, pages: 3 },
//!     request_id: None,
//! };
//! assert_eq!(first.next_request(&page)?, Some(ListPaywalls { page: Some(2), ..first.clone() }));
//! assert_eq!(first.remaining(&page), Some(45));
//! # Ok::<(), adkit::Error>(())
//! ```

use std::sync::Mutex;

use futures_util::Stream;

use crate::endpoint::{Endpoint, Session};
use crate::error::{Error, ResponseDetails, Vendor};

/// A list endpoint: one page per call, and the request for the next page.
pub trait Paged: Endpoint + Clone {
    /// The item type.
    type Item;
    /// The items of a page.
    fn items(page: &Self::Output) -> &[Self::Item];
    /// The items of a page, moved out.
    fn into_items(page: Self::Output) -> Vec<Self::Item>;
    /// The request for the page after `page` (the answer to `self`), or `None` at the end. A page that
    /// would make no progress (a server that ignores the paging parameters would be asked for the same
    /// page forever) ends the list with an [`Error::Decode`].
    fn next_request(&self, page: &Self::Output) -> Result<Option<Self>, Error>;
    /// How many items the list holds from this page's first item on, when the vendor says; the collect
    /// helper refuses an over-long list before fetching the rest of it.
    fn remaining(&self, page: &Self::Output) -> Option<u64>;
    /// The request of the first page of a walk that starts at `self` (Admitad names the offset on every
    /// page, the first included).
    fn first(self) -> Self {
        self
    }
}

/// The collect helpers' cap rule, shared by every vendor and surface: with `held` items already
/// collected and a page of `page_len` items just read (`remaining` items from its first on, when
/// known), refuse with an `InvalidInput` on `cap` once the list turns out longer than `cap` — nothing
/// is silently cut.
pub fn check_cap(
    held: usize,
    page_len: usize,
    remaining: Option<u64>,
    cap: usize,
) -> Result<(), Error> {
    let total =
        (held as u64).saturating_add(remaining.unwrap_or(page_len as u64).max(page_len as u64));
    if total > cap as u64 {
        return Err(Error::invalid(
            "cap",
            format!("the list holds {total} items from here, more than the cap of {cap}"),
        ));
    }
    Ok(())
}

/// Pages of a list one at a time, for surfaces without streams: holds the request of the next page;
/// `None` after the last page or after an error (the walk only moves forward).
#[derive(Debug)]
pub struct Pager<E> {
    state: Mutex<PagerState<E>>,
}

#[derive(Debug)]
struct PagerState<E> {
    next: Option<E>,
    /// What the vendor said remains from the first item of the last page read.
    remaining: Option<u64>,
}

impl<E: Paged> Pager<E> {
    /// A pager whose first page is `first`.
    pub fn new(first: E) -> Self {
        Pager {
            state: Mutex::new(PagerState {
                next: Some(first.first()),
                remaining: None,
            }),
        }
    }

    /// The request of the page to fetch now, or `None` when the list is done. Taken: until
    /// [`advance`](Self::advance) records the page, there is no next one.
    pub fn take(&self) -> Option<E> {
        self.state.lock().ok()?.next.take()
    }

    /// Records the page that answered `asked`: the request after it, or the end (also after an error).
    pub fn advance(&self, asked: &E, page: &E::Output) -> Result<(), Error> {
        let remaining = asked.remaining(page);
        let next = asked.next_request(page)?;
        if let Ok(mut state) = self.state.lock() {
            state.next = next;
            state.remaining = remaining;
        }
        Ok(())
    }

    /// How many items the list holds from the first item of the last page read, when the vendor says.
    pub fn remaining(&self) -> Option<u64> {
        self.state.lock().ok()?.remaining
    }

    /// The next page through `session`, or `None` when there is none.
    pub async fn next_page<S>(&self, session: &S) -> Result<Option<E::Output>, Error>
    where
        S: Session<Api = E::Api>,
        E: Sync,
    {
        let Some(request) = self.take() else {
            return Ok(None);
        };
        let page = crate::endpoint::send(session, &request).await?;
        self.advance(&request, &page)?;
        Ok(Some(page))
    }
}

/// Every page of a list from `first` on; ends after the last page or the first error.
pub fn pages<'a, S, E>(
    session: &'a S,
    first: E,
) -> impl Stream<Item = Result<E::Output, Error>> + 'a
where
    S: Session<Api = E::Api>,
    E: Paged + Sync + 'a,
    E::Output: 'a,
{
    futures_util::stream::unfold(Pager::new(first), move |pager| async move {
        match pager.next_page(session).await {
            Ok(Some(page)) => Some((Ok(page), pager)),
            Ok(None) => None,
            // After an error the pager holds nothing, so the stream ends with it.
            Err(e) => Some((Err(e), pager)),
        }
    })
}

/// Every item of a list from `first` on, refusing to hold more than `cap` (see [`check_cap`]).
pub async fn collect_all<S, E>(session: &S, first: E, cap: usize) -> Result<Vec<E::Item>, Error>
where
    S: Session<Api = E::Api>,
    E: Paged + Sync,
{
    collect_from(session, &Pager::new(first), cap).await
}

/// Every item from where `pager` stands, refusing to hold more than `cap` (see [`check_cap`]).
pub async fn collect_from<S, E>(
    session: &S,
    pager: &Pager<E>,
    cap: usize,
) -> Result<Vec<E::Item>, Error>
where
    S: Session<Api = E::Api>,
    E: Paged + Sync,
{
    let mut out = Vec::new();
    // Page by page through the pager (the same walk as a paginator's, one copy of the code).
    while let Some(page) = pager.next_page(session).await? {
        check_cap(out.len(), E::items(&page).len(), pager.remaining(), cap)?;
        out.extend(E::into_items(page));
    }
    Ok(out)
}

/// The paging methods of a vendor client (`pages`, `items`, `collect_all`), the same on every client.
macro_rules! paged_methods {
    () => {
        /// Every page of a list, from `first` on (following the vendor's paging facts); ends after the
        /// last page or the first error.
        pub fn pages<'a, E>(
            &'a self,
            first: E,
        ) -> impl futures_util::Stream<Item = Result<E::Output, $crate::Error>> + 'a
        where
            E: $crate::pagination::Paged<Api = <Self as $crate::Session>::Api> + Sync + 'a,
            E::Output: 'a,
        {
            $crate::pagination::pages(self, first)
        }

        /// Every item of a list (the pages flattened); ends after the last item or the first error.
        pub fn items<'a, E>(
            &'a self,
            first: E,
        ) -> impl futures_util::Stream<Item = Result<E::Item, $crate::Error>> + 'a
        where
            E: $crate::pagination::Paged<Api = <Self as $crate::Session>::Api> + Sync + 'a,
            E::Output: 'a,
            E::Item: 'a,
        {
            use futures_util::StreamExt;
            self.pages(first).flat_map(|page| {
                futures_util::stream::iter(match page {
                    Ok(p) => E::into_items(p).into_iter().map(Ok).collect::<Vec<_>>(),
                    Err(e) => vec![Err(e)],
                })
            })
        }

        /// Collects every item, refusing to hold more than `cap` (an `InvalidInput` error on `cap` once
        /// the list turns out longer; nothing is silently cut).
        pub async fn collect_all<E>(
            &self,
            first: E,
            cap: usize,
        ) -> Result<Vec<E::Item>, $crate::Error>
        where
            E: $crate::pagination::Paged<Api = <Self as $crate::Session>::Api> + Sync,
        {
            $crate::pagination::collect_all(self, first, cap).await
        }
    };
}
pub(crate) use paged_methods;

/// The error that ends a list whose server makes no progress.
pub(crate) fn no_progress(vendor: Vendor, message: String) -> Error {
    let mut d = ResponseDetails::new(vendor, 200, b"");
    d.message = format!("pagination stopped: {message}");
    Error::Decode(Box::new(d))
}

/// Pages numbered from 1, of which the vendor says how many there are: the next page number after
/// page `answered` of `pages`, asked as page `asked`.
pub(crate) fn next_page_number(
    vendor: Vendor,
    asked: u32,
    answered: u32,
    pages: u32,
    len: usize,
) -> Result<Option<u32>, Error> {
    if len == 0 || answered >= pages {
        return Ok(None);
    }
    if answered < asked {
        return Err(no_progress(
            vendor,
            format!("asked for page {asked} and the server answered page {answered}"),
        ));
    }
    Ok(answered.checked_add(1))
}

/// Pages by an opaque cursor: the next cursor, refusing one that repeats the cursor just asked with.
pub(crate) fn next_cursor(
    vendor: Vendor,
    asked: Option<&str>,
    next: Option<&str>,
) -> Result<Option<String>, Error> {
    match next {
        None | Some("") => Ok(None),
        Some(n) if Some(n) == asked => Err(no_progress(
            vendor,
            "the server answered the cursor it was asked with".to_owned(),
        )),
        Some(n) => Ok(Some(n.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_counts_what_is_held_and_what_the_vendor_says_remains() {
        assert!(check_cap(0, 5, Some(10), 10).is_ok());
        assert!(check_cap(0, 5, Some(11), 10).is_err());
        assert!(check_cap(8, 3, None, 10).is_err());
        assert!(check_cap(7, 3, None, 10).is_ok());
        assert!(check_cap(usize::MAX, 5, Some(u64::MAX), 10).is_err());
        let e = check_cap(0, 1, Some(2), 1).unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::InvalidInput);
    }

    #[test]
    fn numbered_pages_move_forward_and_stop() {
        let v = Vendor::Adapty;
        assert_eq!(next_page_number(v, 1, 1, 3, 20).unwrap(), Some(2));
        assert_eq!(next_page_number(v, 3, 3, 3, 20).unwrap(), None);
        assert_eq!(next_page_number(v, 2, 2, 3, 0).unwrap(), None);
        assert_eq!(
            next_page_number(v, 2, 1, 3, 20).unwrap_err().kind(),
            crate::ErrorKind::Decode
        );
        assert_eq!(
            next_page_number(v, u32::MAX, u32::MAX, u32::MAX, 1).unwrap(),
            None
        );
    }

    #[test]
    fn a_cursor_that_repeats_ends_the_list_with_an_error() {
        let v = Vendor::Adapty;
        assert_eq!(
            next_cursor(v, None, Some("b")).unwrap().as_deref(),
            Some("b")
        );
        assert_eq!(next_cursor(v, Some("a"), None).unwrap(), None);
        assert_eq!(next_cursor(v, Some("a"), Some("")).unwrap(), None);
        assert_eq!(
            next_cursor(v, Some("a"), Some("a")).unwrap_err().kind(),
            crate::ErrorKind::Decode
        );
    }
}
