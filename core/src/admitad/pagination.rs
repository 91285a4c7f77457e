//! `limit`/`offset` pagination with `_meta.count`: one page type, a stream of pages and of
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
    /// The vendor's request id of the response, when it sent one (`requestId` when serialized: a page
    /// of items kept as sent is not renamed).
    #[serde(default, rename = "requestId")]
    pub request_id: Option<String>,
}

impl<T> crate::Reply for Page<T> {
    fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
    fn set_request_id(&mut self, id: Option<String>) {
        self.request_id = id;
    }
}

impl<T> Page<T> {
    /// The offset of the next page, or `None` at the end (or when it would not fit in a `u64`).
    pub fn next_offset(&self) -> Option<u64> {
        let next = self.offset.checked_add(self.items.len() as u64)?;
        (!self.items.is_empty() && next < self.count).then_some(next)
    }
}

#[derive(Deserialize)]
struct Meta {
    #[serde(default, deserialize_with = "crate::lenient::u64_or_zero")]
    count: u64,
    #[serde(default, deserialize_with = "crate::lenient::u64_or_zero")]
    limit: u64,
    #[serde(default, deserialize_with = "crate::lenient::opt_u64")]
    offset: Option<u64>,
}

/// A page as Admitad sends it: `results` and `_meta`.
#[derive(Deserialize)]
struct PagedWire<T> {
    results: Vec<T>,
    #[serde(rename = "_meta")]
    meta: Option<Meta>,
}

/// Decodes `{"results": [...], "_meta": {...}}` or a bare array (one page holding everything). The
/// shape is told from the body's first byte, so the items are decoded straight into `T` (an untagged
/// enum would first buffer the whole body in serde's intermediate form).
pub(crate) fn decode_page<T: DeserializeOwned>(
    exchange: &Exchange,
    asked_offset: u64,
) -> Result<Page<T>, Error> {
    let bare = exchange
        .response
        .body
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        == Some(&b'[');
    if bare {
        let items: Vec<T> = decode(exchange)?;
        return Ok(Page {
            request_id: None,
            count: asked_offset + items.len() as u64,
            limit: items.len() as u32,
            offset: asked_offset,
            items,
        });
    }
    let PagedWire { results, meta } = decode::<PagedWire<T>>(exchange)?;
    let meta = meta.unwrap_or(Meta {
        count: asked_offset + results.len() as u64,
        limit: results.len() as u64,
        offset: Some(asked_offset),
    });
    Ok(Page {
        request_id: None,
        count: meta.count,
        limit: u32::try_from(meta.limit).unwrap_or(MAX_LIMIT),
        // A `_meta` without an offset answered the page that was asked for.
        offset: meta.offset.unwrap_or(asked_offset),
        items: results,
    })
}

/// The cap rule ([`crate::pagination::check_cap`]) in `_meta` terms: with `held` items collected and a
/// page of `page_len` items at `offset` of `count` just read.
pub fn check_cap(
    held: usize,
    page_len: usize,
    count: u64,
    offset: u64,
    cap: usize,
) -> Result<(), Error> {
    crate::pagination::check_cap(held, page_len, Some(count.saturating_sub(offset)), cap)
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

/// Where the next page starts, for any list: taken before a page is fetched (so after an error, or after
/// the last page, there is none) and advanced from the page's `_meta`. The one rule every paginator
/// follows: the cursor only moves forward. A page whose `_meta.offset` lies before the offset asked for
/// (a server that ignores `offset` would be asked for the same page forever) or whose next offset does
/// not fit in a `u64` ends the list with a [`Error::Decode`]; an empty page ends it quietly.
#[derive(Debug)]
pub struct OffsetCursor {
    state: std::sync::Mutex<CursorState>,
}

#[derive(Debug)]
struct CursorState {
    next: Option<u64>,
    asked: u64,
}

impl OffsetCursor {
    /// A cursor at `offset`.
    pub fn new(offset: u64) -> Self {
        OffsetCursor {
            state: std::sync::Mutex::new(CursorState {
                next: Some(offset),
                asked: offset,
            }),
        }
    }

    /// The offset of the page to fetch now, or `None` when the list is done.
    pub fn take(&self) -> Option<u64> {
        let mut s = self.state.lock().ok()?;
        let next = s.next.take()?;
        s.asked = next;
        Some(next)
    }

    /// Records the page just read: the next offset, or the end.
    pub fn advance<T>(&self, page: &Page<T>) -> Result<(), Error> {
        self.advance_from(page.items.len(), page.count, page.offset)
    }

    /// Records a page read by its shape: `len` items at `_meta.offset` of `_meta.count`.
    pub fn advance_from(&self, len: usize, count: u64, offset: u64) -> Result<(), Error> {
        let Ok(mut s) = self.state.lock() else {
            return Ok(());
        };
        s.next = None;
        s.next = next_offset(s.asked, len, count, offset)?;
        Ok(())
    }
}

/// The offset of the page after `len` items at `offset` of `count`, asked for at `asked`: `None` at the
/// end; an error when the server makes no progress.
fn next_offset(asked: u64, len: usize, count: u64, offset: u64) -> Result<Option<u64>, Error> {
    if len == 0 {
        return Ok(None);
    }
    if offset < asked {
        return Err(no_progress(format!(
            "asked for offset {asked} and the server answered offset {offset}: it makes no progress"
        )));
    }
    let Some(next) = offset.checked_add(len as u64) else {
        return Err(no_progress(format!(
            "the next offset after {offset} + {len} does not fit in 64 bits"
        )));
    };
    Ok((next < count).then_some(next))
}

fn no_progress(message: String) -> Error {
    crate::pagination::no_progress(crate::Vendor::Admitad, message)
}

/// An Admitad list request that can be re-issued for another page (every one is a
/// [`Paged`](crate::pagination::Paged) endpoint).
pub trait Paginated: super::AdmitadEndpoint<Output = Page<Self::Item>> + Clone {
    /// The item type.
    type Item;
    /// The same request for the page at `offset`.
    fn at_offset(&self, offset: u64) -> Self;
    /// The offset this request asks for.
    fn offset(&self) -> u64;
}

impl<R: Paginated> crate::pagination::Paged for R {
    type Item = <R as Paginated>::Item;
    fn items(page: &Page<Self::Item>) -> &[Self::Item] {
        &page.items
    }
    fn into_items(page: Page<Self::Item>) -> Vec<Self::Item> {
        page.items
    }
    fn next_request(&self, page: &Page<Self::Item>) -> Result<Option<Self>, Error> {
        Ok(
            next_offset(self.offset(), page.items.len(), page.count, page.offset)?
                .map(|next| self.at_offset(next)),
        )
    }
    fn remaining(&self, page: &Page<Self::Item>) -> Option<u64> {
        Some(page.count.saturating_sub(page.offset))
    }
    fn first(self) -> Self {
        self.at_offset(self.offset())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(len: usize, count: u64, offset: u64) -> Page<u8> {
        Page {
            request_id: None,
            items: vec![0; len],
            count,
            limit: 500,
            offset,
        }
    }

    #[test]
    fn a_server_that_ignores_the_offset_ends_the_list_with_an_error() {
        let c = OffsetCursor::new(0);
        assert_eq!(c.take(), Some(0));
        c.advance(&page(2, 10, 0)).unwrap();
        assert_eq!(c.take(), Some(2));
        // Asked for 2, answered offset 0 again.
        let e = c.advance(&page(2, 10, 0)).unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::Decode);
        assert_eq!(c.take(), None, "and the cursor is done");
    }

    #[test]
    fn huge_offsets_and_counts_never_overflow() {
        let c = OffsetCursor::new(u64::MAX - 1);
        assert_eq!(c.take(), Some(u64::MAX - 1));
        let e = c.advance(&page(5, u64::MAX, u64::MAX - 1)).unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::Decode);
        assert_eq!(c.take(), None);
        assert_eq!(page(5, u64::MAX, u64::MAX - 1).next_offset(), None);
        assert!(check_cap(usize::MAX, 5, u64::MAX, 0, 10).is_err());
    }

    #[test]
    fn the_cursor_moves_forward_and_stops_at_count_or_an_empty_page() {
        let c = OffsetCursor::new(10);
        assert_eq!(c.take(), Some(10));
        // The server may skip ahead; the cursor follows it forward.
        c.advance(&page(3, 100, 20)).unwrap();
        assert_eq!(c.take(), Some(23));
        c.advance(&page(0, 100, 23)).unwrap();
        assert_eq!(c.take(), None);
        let c = OffsetCursor::new(0);
        c.take();
        c.advance(&page(4, 4, 0)).unwrap();
        assert_eq!(c.take(), None);
    }
}
