//! The Analytics Export API: placements and the six metric exports, in JSON or CSV.
//!
//! The caller picks the format; it is sent both as `format` in the body and as the `Accept` header.
//! Placements decode into the same typed [`PlacementRow`]s from either format (CSV through the `csv`
//! crate: known columns by name, unknown ones kept in `extra`, missing ones empty). Metric exports keep
//! the vendor's JSON as [`Json`] (its shape differs per chart) or, for CSV whose layout Adapty does
//! not document, a header + rows [`CsvTable`]. Every export also returns the body text itself.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::datetime::check_date;
use super::errors::{decode_error, success_body};
use super::{AdaptyContext, AdaptyEndpoint, Family, IDEMPOTENT_WRITE};
use crate::driver::{Exchange, RequestPolicy};
use crate::error::Error;
use crate::http::{HttpRequest, Method};
use crate::json::Json;
use crate::lenient::null_as_empty;
use crate::open_enum::open_enum;

/// The response format of an export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// `application/json` (default).
    #[default]
    Json,
    /// `text/csv`.
    Csv,
}

impl ExportFormat {
    fn accept(self) -> &'static str {
        match self {
            ExportFormat::Json => "application/json",
            ExportFormat::Csv => "text/csv",
        }
    }
}

open_enum! {
    /// `filters.placement_type`.
    PlacementType {
        /// `paywall`.
        Paywall = "paywall",
        /// `onboarding`.
        Onboarding = "onboarding",
    }
}

impl Default for PlacementType {
    /// Unset: refused before sending until it is set.
    fn default() -> Self {
        PlacementType::Other(String::new())
    }
}

/// POST /exports/placements/ (exportPlacements): the body holds the `filters` only; the format is
/// chosen by `Accept`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ExportPlacements {
    /// `filters.placement_type`.
    pub placement_type: PlacementType,
    /// JSON (default) or CSV.
    #[serde(default)]
    pub format: ExportFormat,
}

/// One placement row, from JSON or CSV alike.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlacementRow {
    /// `developer_id`: the placement id.
    #[serde(default)]
    pub developer_id: String,
    /// `placement_name`.
    #[serde(default)]
    pub placement_name: String,
    /// `audience_name`.
    #[serde(default)]
    pub audience_name: Option<String>,
    /// `segment_name`.
    #[serde(default)]
    pub segment_name: Option<String>,
    /// `cross_placement_ab_test_name`.
    #[serde(default)]
    pub cross_placement_ab_test_name: Option<String>,
    /// `ab_test_name`.
    #[serde(default)]
    pub ab_test_name: Option<String>,
    /// `paywall_name` (paywall placements).
    #[serde(default)]
    pub paywall_name: Option<String>,
    /// `onboarding_name` (onboarding placements).
    #[serde(default)]
    pub onboarding_name: Option<String>,
    /// Columns this version does not know, by name (CSV only; JSON rows ignore unknown keys).
    #[serde(default, skip_deserializing)]
    pub extra: HashMap<String, String>,
}

/// A placements export.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlacementExport {
    /// The format of the body.
    pub format: ExportFormat,
    /// The rows.
    pub rows: Vec<PlacementRow>,
    /// The body as received (the CSV file or the JSON text).
    pub raw: String,
    /// The vendor's request id of the response, when it sent one.
    #[serde(default, skip_deserializing)]
    pub request_id: Option<String>,
}

/// A CSV file as a header and rows of cells (cells never missing: short rows are padded with "").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CsvTable {
    /// The header row.
    pub columns: Vec<String>,
    /// The data rows.
    pub rows: Vec<Vec<String>>,
}

fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::Headers)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
}

/// Parses any CSV into a [`CsvTable`].
pub(crate) fn parse_csv_table(text: &str) -> Result<CsvTable, csv::Error> {
    let mut reader = csv_reader(text);
    let columns: Vec<String> = reader.headers()?.iter().map(str::to_owned).collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record?;
        let mut row: Vec<String> = record.iter().map(str::to_owned).collect();
        row.resize(columns.len().max(row.len()), String::new());
        rows.push(row);
    }
    Ok(CsvTable { columns, rows })
}

/// Parses a placements CSV into typed rows: known columns by name (in any order), empty cells as
/// `None`, unknown columns in [`PlacementRow::extra`]. Never panics on odd input.
pub fn parse_placements_csv(text: &str) -> Result<Vec<PlacementRow>, csv::Error> {
    let mut reader = csv_reader(text);
    let headers: Vec<String> = reader.headers()?.iter().map(str::to_owned).collect();
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record)? {
        let mut row = PlacementRow::default();
        for (name, cell) in headers.iter().zip(record.iter()) {
            let opt = || (!cell.is_empty()).then(|| cell.to_owned());
            match name.as_str() {
                "developer_id" => row.developer_id = cell.to_owned(),
                "placement_name" => row.placement_name = cell.to_owned(),
                "audience_name" => row.audience_name = opt(),
                "segment_name" => row.segment_name = opt(),
                "cross_placement_ab_test_name" => row.cross_placement_ab_test_name = opt(),
                "ab_test_name" => row.ab_test_name = opt(),
                "paywall_name" => row.paywall_name = opt(),
                "onboarding_name" => row.onboarding_name = opt(),
                other => {
                    row.extra.insert(other.to_owned(), cell.to_owned());
                }
            }
        }
        rows.push(row);
    }
    Ok(rows)
}

fn body_text(exchange: &Exchange) -> Result<String, Error> {
    let body = success_body(exchange)?;
    String::from_utf8(body.to_vec()).map_err(|_| decode_error(exchange, "the export is not UTF-8"))
}

/// What the server actually sent: CSV when asked, unless the body is plainly JSON.
fn format_of(exchange: &Exchange, asked: ExportFormat, text: &str) -> ExportFormat {
    let ct = exchange
        .response
        .header("content-type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    if ct.contains("csv") {
        ExportFormat::Csv
    } else if ct.contains("json") || text.starts_with('{') || text.starts_with('[') {
        ExportFormat::Json
    } else {
        asked
    }
}

#[derive(Deserialize)]
struct RowsWire {
    #[serde(default, deserialize_with = "null_as_empty")]
    data: Vec<PlacementRow>,
}

impl crate::Endpoint for ExportPlacements {
    type Api = crate::adapty::AdaptyApi;
    type Output = PlacementExport;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        if !self.placement_type.is_known() {
            return Err(Error::invalid(
                "placement_type",
                "must be `paywall` or `onboarding`",
            ));
        }
        let body = serde_json::json!({
            "filters": {"placement_type": self.placement_type.as_str()},
        });
        let mut req = ctx.json(
            Family::Export,
            Method::Post,
            &["exports", "placements"],
            &body,
        )?;
        req.set_header("Accept", self.format.accept());
        Ok(req)
    }
    fn parse(&self, exchange: &Exchange) -> Result<PlacementExport, Error> {
        let raw = body_text(exchange)?;
        let format = format_of(exchange, self.format, &raw);
        let rows = match format {
            ExportFormat::Csv => {
                parse_placements_csv(&raw).map_err(|e| decode_error(exchange, e))?
            }
            ExportFormat::Json => {
                serde_json::from_slice::<RowsWire>(raw.as_bytes())
                    .map_err(|e| decode_error(exchange, e))?
                    .data
            }
        };
        Ok(PlacementExport {
            format,
            rows,
            raw,
            request_id: None,
        })
    }
    fn policy(&self) -> RequestPolicy {
        // A read expressed as POST.
        IDEMPOTENT_WRITE
    }
}

/// The filters of every metric export. Only `date` is required.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MetricsFilters {
    /// `date`: one day or a `[start, end]` range, `YYYY-MM-DD`.
    pub date: Vec<String>,
    /// `compare_date`: an earlier period to compare with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub compare_date: Option<Vec<String>>,
    /// `store`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub store: Option<Vec<String>>,
    /// `country` (ISO 3166-1 alpha-2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub country: Option<Vec<String>>,
    /// `store_product_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub store_product_id: Option<Vec<String>>,
    /// `duration`: `Weekly`, `Monthly`, `Annual`, `Lifetime`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub duration: Option<Vec<String>>,
    /// `attribution_source`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub attribution_source: Option<Vec<String>>,
    /// `attribution_status`: `organic`, `non-organic` (sic), `unknown` — sent as given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub attribution_status: Option<Vec<String>>,
    /// `attribution_channel`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub attribution_channel: Option<Vec<String>>,
    /// `attribution_campaign`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub attribution_campaign: Option<Vec<String>>,
    /// `attribution_adgroup`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub attribution_adgroup: Option<Vec<String>>,
    /// `attribution_adset`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub attribution_adset: Option<Vec<String>>,
    /// `attribution_creative`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub attribution_creative: Option<Vec<String>>,
    /// `offer_category`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub offer_category: Option<Vec<String>>,
    /// `offer_type`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub offer_type: Option<Vec<String>>,
    /// `offer_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub offer_id: Option<Vec<String>>,
}

fn check_period(field: &str, dates: &[String]) -> Result<(), Error> {
    if dates.is_empty() || dates.len() > 2 {
        return Err(Error::invalid(
            field,
            "give one date or a [start, end] pair",
        ));
    }
    for d in dates {
        check_date(field, d)?;
    }
    if dates.len() == 2 && dates[1] < dates[0] {
        return Err(Error::invalid(field, "the end is before the start"));
    }
    Ok(())
}

impl MetricsFilters {
    fn check(&self) -> Result<(), Error> {
        check_period("filters.date", &self.date)?;
        if let Some(c) = &self.compare_date {
            check_period("filters.compare_date", c)?;
        }
        Ok(())
    }
}

/// Optional settings of one metric export; each export type documents which apply.
macro_rules! metrics_request {
    ($(#[$m:meta])* $name:ident, $path:literal { $($(#[$fm:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
        pub struct $name {
            /// `filters`.
            pub filters: MetricsFilters,
            $(
                $(#[$fm])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                #[cfg_attr(feature = "uniffi", uniffi(default = None))]
                pub $field: Option<$ty>,
            )*
            /// JSON (default) or CSV.
            #[serde(default)]
            pub format: ExportFormat,
        }

        impl crate::Endpoint for $name {
    type Api = crate::adapty::AdaptyApi;
            type Output = MetricsExport;
            fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
                self.filters.check()?;
                self.check_extra()?;
                let mut req = ctx.json(Family::Export, Method::Post, &["metrics", $path], self)?;
                req.set_header("Accept", self.format.accept());
                Ok(req)
            }
            fn parse(&self, exchange: &Exchange) -> Result<MetricsExport, Error> {
                metrics_export(exchange, self.format)
            }
            fn policy(&self) -> RequestPolicy {
                IDEMPOTENT_WRITE
            }
        }

        impl ExportMetrics for $name {
            const PATH: &'static str = $path;
        }
    };
}

/// The metric exports, by path.
pub trait ExportMetrics: AdaptyEndpoint<Output = MetricsExport> {
    /// The path segment under `metrics/`.
    const PATH: &'static str;
}

/// A metric export: the vendor's JSON (chart-dependent shape) or a CSV table, plus the body text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MetricsExport {
    /// The format of the body.
    pub format: ExportFormat,
    /// The decoded JSON (for [`ExportFormat::Json`]).
    pub json: Option<Json>,
    /// The parsed CSV (for [`ExportFormat::Csv`]).
    pub table: Option<CsvTable>,
    /// The body as received.
    pub raw: String,
    /// The vendor's request id of the response, when it sent one.
    #[serde(default, skip_deserializing)]
    pub request_id: Option<String>,
}

fn metrics_export(exchange: &Exchange, asked: ExportFormat) -> Result<MetricsExport, Error> {
    let raw = body_text(exchange)?;
    let format = format_of(exchange, asked, &raw);
    let (json, table) = match format {
        ExportFormat::Json => (
            Some(Json::new(
                serde_json::from_slice(raw.as_bytes()).map_err(|e| decode_error(exchange, e))?,
            )),
            None,
        ),
        ExportFormat::Csv => (
            None,
            Some(parse_csv_table(&raw).map_err(|e| decode_error(exchange, e))?),
        ),
    };
    Ok(MetricsExport {
        request_id: None,
        format,
        json,
        table,
        raw,
    })
}

fn one_of(field: &str, value: &Option<String>, allowed: &[&str]) -> Result<(), Error> {
    match value {
        Some(v) if !allowed.contains(&v.as_str()) => Err(Error::invalid(
            field,
            format!("`{v}`: expected one of {}", allowed.join(", ")),
        )),
        _ => Ok(()),
    }
}

const PERIOD_UNITS: &[&str] = &["day", "week", "month", "quarter", "year"];
const DATE_TYPES: &[&str] = &["purchase_date", "profile_install_date"];
const PERIOD_TYPES: &[&str] = &["renewals", "days"];

metrics_request! {
    /// POST /metrics/analytics/ (exportAnalytics): one chart.
    ExportAnalytics, "analytics" {
        /// `chart_id` (required): `revenue`, `mrr`, `arr`, `subscriptions_active`, `installs`, ...
        chart_id: String,
        /// `period_unit`: day, week, month (default), quarter, year.
        period_unit: String,
        /// `date_type`: `purchase_date` (default) or `profile_install_date`.
        date_type: String,
        /// `segmentation`, e.g. `country`.
        segmentation: String,
    }
}

impl ExportAnalytics {
    fn check_extra(&self) -> Result<(), Error> {
        match &self.chart_id {
            Some(c) if !c.trim().is_empty() => {}
            _ => {
                return Err(Error::invalid(
                    "chart_id",
                    "required: one chart per request",
                ));
            }
        }
        one_of("period_unit", &self.period_unit, PERIOD_UNITS)?;
        one_of("date_type", &self.date_type, DATE_TYPES)
    }
}

metrics_request! {
    /// POST /metrics/cohort/ (exportCohort).
    ExportCohort, "cohort" {
        /// `period_unit`.
        period_unit: String,
        /// `period_type`: `renewals` (default) or `days`.
        period_type: String,
        /// `value_type`: `absolute` (default) or `relative`.
        value_type: String,
        /// `value_field`: `revenue` (default), `arppu`, `arpu`, `arpas`, `subscribers`, `subscriptions`.
        value_field: String,
        /// `accounting_type`: `revenue` (default), `proceeds`, `net_revenue`.
        accounting_type: String,
        /// `renewal_days`: days since install (with `period_type` `days`).
        renewal_days: Vec<u32>,
        /// `prediction_months`: 3, 6, 9, 12 (default), 18, 24.
        prediction_months: u32,
    }
}

impl ExportCohort {
    fn check_extra(&self) -> Result<(), Error> {
        one_of("period_unit", &self.period_unit, PERIOD_UNITS)?;
        one_of("period_type", &self.period_type, PERIOD_TYPES)?;
        one_of("value_type", &self.value_type, &["absolute", "relative"])?;
        if let Some(m) = self.prediction_months {
            if ![3, 6, 9, 12, 18, 24].contains(&m) {
                return Err(Error::invalid(
                    "prediction_months",
                    "one of 3, 6, 9, 12, 18, 24",
                ));
            }
        }
        Ok(())
    }
}

/// A conversion state: the docs write it as text (`"6+"`) and as a number (`1`). Sent as given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(untagged)]
pub enum ConversionPeriod {
    /// A number, e.g. `1`.
    Number(u32),
    /// Text, e.g. `"6+"`.
    Text(String),
}

impl From<u32> for ConversionPeriod {
    fn from(n: u32) -> Self {
        ConversionPeriod::Number(n)
    }
}

impl From<&str> for ConversionPeriod {
    fn from(s: &str) -> Self {
        ConversionPeriod::Text(s.to_owned())
    }
}

impl ConversionPeriod {
    fn is_blank(&self) -> bool {
        matches!(self, ConversionPeriod::Text(t) if t.trim().is_empty())
    }
}

metrics_request! {
    /// POST /metrics/conversion/ (exportConversion).
    ExportConversion, "conversion" {
        /// `from_period` (required): the starting state, text or a number as the docs show both.
        from_period: ConversionPeriod,
        /// `to_period` (required), e.g. `6+`, text or a number.
        to_period: ConversionPeriod,
        /// `period_unit`.
        period_unit: String,
        /// `date_type`.
        date_type: String,
        /// `segmentation`.
        segmentation: String,
    }
}

impl ExportConversion {
    fn check_extra(&self) -> Result<(), Error> {
        if self
            .from_period
            .as_ref()
            .is_none_or(ConversionPeriod::is_blank)
        {
            return Err(Error::invalid("from_period", "required"));
        }
        if self
            .to_period
            .as_ref()
            .is_none_or(ConversionPeriod::is_blank)
        {
            return Err(Error::invalid("to_period", "required"));
        }
        one_of("period_unit", &self.period_unit, PERIOD_UNITS)?;
        one_of("date_type", &self.date_type, DATE_TYPES)
    }
}

metrics_request! {
    /// POST /metrics/funnel/ (exportFunnel).
    ExportFunnel, "funnel" {
        /// `segmentation`.
        segmentation: String,
        /// `show_value_as`: `absolute`, `relative` or `both`.
        show_value_as: String,
        /// `period_unit`.
        period_unit: String,
    }
}

impl ExportFunnel {
    fn check_extra(&self) -> Result<(), Error> {
        one_of(
            "show_value_as",
            &self.show_value_as,
            &["absolute", "relative", "both"],
        )?;
        one_of("period_unit", &self.period_unit, PERIOD_UNITS)
    }
}

metrics_request! {
    /// POST /metrics/ltv/ (exportLtv).
    ExportLtv, "ltv" {
        /// `segmentation`.
        segmentation: String,
        /// `period_unit`.
        period_unit: String,
        /// `period_type`.
        period_type: String,
    }
}

impl ExportLtv {
    fn check_extra(&self) -> Result<(), Error> {
        one_of("period_unit", &self.period_unit, PERIOD_UNITS)?;
        one_of("period_type", &self.period_type, PERIOD_TYPES)
    }
}

metrics_request! {
    /// POST /metrics/retention/ (exportRetention).
    ExportRetention, "retention" {
        /// `segmentation`.
        segmentation: String,
        /// `period_unit`.
        period_unit: String,
        /// `period_type`.
        period_type: String,
        /// `use_trial` (default false).
        use_trial: bool,
    }
}

impl ExportRetention {
    fn check_extra(&self) -> Result<(), Error> {
        one_of("period_unit", &self.period_unit, PERIOD_UNITS)?;
        one_of("period_type", &self.period_type, PERIOD_TYPES)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placements_csv_any_column_order_unknown_columns_kept() {
        let csv = "\u{feff}placement_name,developer_id,new_column,paywall_name,ab_test_name\nMain,main,x,\"Paywall, A\",\n";
        let rows = parse_placements_csv(csv).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].developer_id, "main");
        assert_eq!(rows[0].paywall_name.as_deref(), Some("Paywall, A"));
        assert_eq!(rows[0].ab_test_name, None);
        assert_eq!(
            rows[0].extra.get("new_column").map(String::as_str),
            Some("x")
        );
    }

    #[test]
    fn odd_csv_never_panics() {
        for text in [
            "",
            "\n",
            "a",
            "a,b\n1",
            "a,b\n1,2,3\n",
            "\"unterminated",
            "developer_id\n\u{0}\n",
        ] {
            let _ = parse_placements_csv(text);
            let _ = parse_csv_table(text);
        }
        let t = parse_csv_table("a,b\n1\n1,2,3\n").unwrap();
        assert_eq!(
            t.rows,
            vec![
                vec!["1".to_owned(), String::new()],
                vec!["1".into(), "2".into(), "3".into()]
            ]
        );
    }
}
