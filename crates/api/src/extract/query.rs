//! Query strings read as Radarr reads them: names in any case, booleans in
//! any case ("True" from Python clients), repeated keys for lists.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::error::{ApiError, ApiResult};

/// The query string's pairs, with lower-cased names.
#[derive(Debug, Default, Clone)]
pub struct QueryParams(Vec<(String, String)>);

impl QueryParams {
    /// Parses a raw query string.
    pub fn parse(query: &str) -> Self {
        let pairs = form_urlencoded::parse(query.as_bytes())
            .map(|(k, v)| (k.to_ascii_lowercase(), v.into_owned()))
            .collect();
        QueryParams(pairs)
    }

    /// The first value of a parameter, by lower-case name.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a parameter given more than once (`movieIds=1&movieIds=2`),
    /// by lower-case name; comma-separated values count one by one.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| k == name)
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }

    /// A boolean parameter; absent or empty is `default`.
    pub fn bool(&self, name: &str, default: bool) -> ApiResult<bool> {
        match self.get(name).map(str::trim) {
            None | Some("") => Ok(default),
            Some(v) if v.eq_ignore_ascii_case("true") || v == "1" => Ok(true),
            Some(v) if v.eq_ignore_ascii_case("false") || v == "0" => Ok(false),
            Some(v) => Err(invalid(name, v, "must be true or false")),
        }
    }

    /// A 32-bit integer parameter, if present.
    pub fn i32(&self, name: &str) -> ApiResult<Option<i32>> {
        match self.get(name).map(str::trim) {
            None | Some("") => Ok(None),
            Some(v) => v
                .parse()
                .map(Some)
                .map_err(|_| invalid(name, v, "must be a whole number")),
        }
    }

    /// Every id a list parameter gives (`movieIds=1&movieIds=2` or `1,2`).
    pub fn ids(&self, name: &str) -> ApiResult<Vec<i32>> {
        self.all(name)
            .map(|v| v.parse().map_err(|_| invalid(name, v, "must be ids")))
            .collect()
    }

    /// Radarr's paging of a list: `page` and `pageSize` (10 unless given),
    /// `sortKey` from the endpoint's `keys` (else its `default_key`), and
    /// `sortDirection`, where an absent one means descending and `default`
    /// the endpoint's own (`default_descending`).
    pub fn paging(
        &self,
        keys: &[&'static str],
        default_key: &'static str,
        default_descending: bool,
    ) -> ApiResult<Paging> {
        let sort_key = self
            .get("sortkey")
            .and_then(|given| keys.iter().find(|k| k.eq_ignore_ascii_case(given)))
            .copied()
            .unwrap_or(default_key);
        let descending = match self
            .get("sortdirection")
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            None | Some("descending") => true,
            Some("default") => default_descending,
            _ => false,
        };
        Ok(Paging {
            page: self.i32("page")?.filter(|p| *p > 0).unwrap_or(1) as usize,
            page_size: self.i32("pagesize")?.filter(|p| *p > 0).unwrap_or(10) as usize,
            sort_key,
            descending,
        })
    }
}

/// A page asked of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    /// The page, from 1.
    pub page: usize,
    /// Records a page.
    pub page_size: usize,
    /// The sort key, one the endpoint knows.
    pub sort_key: &'static str,
    /// Whether the order is reversed.
    pub descending: bool,
}

impl Paging {
    /// This page of `sorted` (already in the asked order), and how many
    /// there were in all.
    pub fn take<T>(&self, sorted: Vec<T>) -> (Vec<T>, usize) {
        let total = sorted.len();
        let page = sorted
            .into_iter()
            .skip((self.page - 1).saturating_mul(self.page_size))
            .take(self.page_size)
            .collect();
        (page, total)
    }

    /// Radarr's paging resource around `records`.
    pub fn resource(&self, total: usize, records: serde_json::Value) -> serde_json::Value {
        serde_json::json!({
            "page": self.page,
            "pageSize": self.page_size,
            "sortKey": self.sort_key,
            "sortDirection": if self.descending { "descending" } else { "ascending" },
            "totalRecords": total,
            "records": records,
        })
    }
}

fn invalid(name: &str, value: &str, rule: &str) -> ApiError {
    ApiError::invalid(name, format!("'{name}' {rule}"), "QueryValidator").into_attempted(value)
}

impl ApiError {
    fn into_attempted(self, value: &str) -> Self {
        match self {
            ApiError::Validation(mut failures) => {
                for f in &mut failures {
                    f.attempted_value = Some(value.into());
                }
                ApiError::Validation(failures)
            }
            other => other,
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for QueryParams {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(QueryParams::parse(parts.uri.query().unwrap_or("")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_booleans_are_case_insensitive() {
        let q = QueryParams::parse("tmdbId=603&DeleteFiles=True&addImportExclusion=FALSE");
        assert_eq!(q.i32("tmdbid").unwrap(), Some(603));
        assert!(q.bool("deletefiles", false).unwrap());
        assert!(!q.bool("addimportexclusion", true).unwrap());
        assert!(q.bool("missing", true).unwrap());
    }

    #[test]
    fn bad_values_are_validation_errors() {
        let q = QueryParams::parse("tmdbId=abc&deleteFiles=maybe");
        assert!(matches!(q.i32("tmdbid"), Err(ApiError::Validation(_))));
        assert!(matches!(
            q.bool("deletefiles", false),
            Err(ApiError::Validation(_))
        ));
    }

    #[test]
    fn values_are_percent_decoded() {
        let q = QueryParams::parse("term=the%20matrix+1999&bad=%zz&end=%4");
        assert_eq!(q.get("term"), Some("the matrix 1999"));
        assert_eq!(q.get("bad"), Some("%zz"));
        assert_eq!(q.get("end"), Some("%4"));
    }
}
