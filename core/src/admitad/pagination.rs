//! `limit`/`offset` pagination with `_meta.count` (spec §1): one page type, a stream of pages and of
//! items that follows `_meta` (the server may lower `limit`), and a collect helper with a mandatory cap.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::errors::decode;
use crate::driver::Exchange;
use crate::error::Error;

/// The largest `limit` Admitad accepts.
pub const MAX_LIMIT: u32 = 500;

/// One page of a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// The items.
    pub items: Vec<T>,
    /// `_meta.count`: items in the whole list.
    pub count: u64,
    /// `_meta.limit`: the page size the server used (it may be lower than asked).
    pub limit: u32,
    /// `_meta.offset`.
    pub offset: u64,
}

impl<T> Page<T> {
    /// The offset of the next page, or `None` at the end.
    pub fn next_offset(&self) -> Option<u64> {
        let next = self.offset + self.items.len() as u64;
        (!self.items.is_empty() && next < self.count).then_some(next)
    }
}

#[derive(Deserialize)]
struct Meta {
    #[serde(default, deserialize_with = "crate::lenient::u64_or_zero")]
    count: u64,
    #[serde(default, deserialize_with = "crate::lenient::u64_or_zero")]
    limit: u64,
    #[serde(default, deserialize_with = "crate::lenient::u64_or_zero")]
    offset: u64,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum ListWire<T> {
    Paged {
        results: Vec<T>,
        #[serde(rename = "_meta")]
        meta: Option<Meta>,
    },
    Bare(Vec<T>),
}

/// Decodes `{"results": [...], "_meta": {...}}` or a bare array (one page holding everything).
pub(crate) fn decode_page<T: DeserializeOwned>(
    exchange: &Exchange,
    asked_offset: u64,
) -> Result<Page<T>, Error> {
    Ok(match decode::<ListWire<T>>(exchange)? {
        ListWire::Paged { results, meta } => {
            let meta = meta.unwrap_or(Meta {
                count: asked_offset + results.len() as u64,
                limit: results.len() as u64,
                offset: asked_offset,
            });
            Page {
                count: meta.count,
                limit: u32::try_from(meta.limit).unwrap_or(MAX_LIMIT),
                offset: meta.offset,
                items: results,
            }
        }
        ListWire::Bare(items) => Page {
            count: asked_offset + items.len() as u64,
            limit: items.len() as u32,
            offset: asked_offset,
            items,
        },
    })
}

/// The collect helpers' cap rule, shared by every surface: with `held` items already collected and this
/// page just read, refuse (an `InvalidInput` on `cap`) once the list turns out longer than `cap` — nothing is
/// silently cut.
pub fn check_cap(
    held: usize,
    page_len: usize,
    count: u64,
    offset: u64,
    cap: usize,
) -> Result<(), Error> {
    // Items still to come from this page on, plus those already held.
    let total = held as u64 + count.saturating_sub(offset);
    if held + page_len > cap || total > cap as u64 {
        return Err(Error::invalid(
            "cap",
            format!("the list holds {total} items from here, more than the cap of {cap}"),
        ));
    }
    Ok(())
}

/// Checks `limit` (1..=500).
pub(crate) fn check_limit(limit: Option<u32>) -> Result<(), Error> {
    match limit {
        Some(l) if l == 0 || l > MAX_LIMIT => Err(Error::invalid(
            "limit",
            format!("must be between 1 and {MAX_LIMIT}"),
        )),
        _ => Ok(()),
    }
}

/// Pages of a list one at a time, for surfaces without streams (paginator objects in Kotlin, Swift,
/// Python and JS): holds the next request; `None` after the last page or an error.
#[derive(Debug)]
pub struct PageCursor<R> {
    request: R,
    offsets: OffsetCursor,
}

impl<R: Paginated + Sync> PageCursor<R> {
    /// A cursor starting at `request`'s offset.
    pub fn new(request: R) -> Self {
        PageCursor {
            offsets: OffsetCursor::new(request.offset()),
            request,
        }
    }

    /// The next page through `client`, or `None` when there is none. Follows `_meta`.
    pub async fn next_page<T: crate::Transport, C: crate::Timer>(
        &self,
        client: &super::AdmitadClient<T, C>,
    ) -> Result<Option<Page<R::Item>>, Error> {
        let Some(offset) = self.offsets.take() else {
            return Ok(None);
        };
        let page = client.send(&self.request.at_offset(offset)).await?;
        self.offsets.advance(&page);
        Ok(Some(page))
    }
}

/// Where the next page starts, for any list: taken before a page is fetched (so after an error, or after
/// the last page, there is none) and set from the page's `_meta`. The one rule every paginator follows.
#[derive(Debug)]
pub struct OffsetCursor {
    next: std::sync::Mutex<Option<u64>>,
}

impl OffsetCursor {
    /// A cursor at `offset`.
    pub fn new(offset: u64) -> Self {
        OffsetCursor {
            next: std::sync::Mutex::new(Some(offset)),
        }
    }

    /// The offset of the page to fetch now, or `None` when the list is done.
    pub fn take(&self) -> Option<u64> {
        self.next.lock().ok().and_then(|mut n| n.take())
    }

    /// Records the page just read: the next offset, or the end.
    pub fn advance<T>(&self, page: &Page<T>) {
        self.advance_to(page.next_offset());
    }

    /// Records the next offset directly (`None`: the end).
    pub fn advance_to(&self, next: Option<u64>) {
        if let Ok(mut n) = self.next.lock() {
            *n = next;
        }
    }
}

/// A list request that can be re-issued for another page.
pub trait Paginated: super::AdmitadEndpoint<Output = Page<Self::Item>> + Clone {
    /// The item type.
    type Item;
    /// The same request for the page at `offset`.
    fn at_offset(&self, offset: u64) -> Self;
    /// The offset this request asks for.
    fn offset(&self) -> u64;
}
