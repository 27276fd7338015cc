//! The interface language of each request: `?lang=` for this page only, else the
//! `zw_lang` cookie the account page sets (the saved preference: kept in a cookie
//! rather than the store, so it needs no migration), else the browser's
//! `Accept-Language`, else English. [`middleware`] decides it once per request and
//! every page reads it with [`current`]; work on the blocking pool is given it.

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use zonewatch_i18n::Locale;

use crate::auth::cookie;

/// The cookie that keeps a user's language (a locale tag).
pub const LANG_COOKIE: &str = "zw_lang";

tokio::task_local! {
    static LOCALE: Locale;
}

/// The language of the request being answered (English outside one).
pub fn current() -> Locale {
    LOCALE.try_with(|l| *l).unwrap_or_default()
}

/// The `lang` of a query string, if it names a locale zonewatch has.
fn from_query(query: Option<&str>) -> Option<Locale> {
    query?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == "lang")
        .and_then(|(_, v)| Locale::parse(v))
}

/// The language for a request: `?lang=`, the cookie, `Accept-Language`, English.
pub fn choose(headers: &HeaderMap, query: Option<&str>) -> Locale {
    from_query(query)
        .or_else(|| cookie(headers, LANG_COOKIE).and_then(Locale::parse))
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::negotiate)
        })
        .unwrap_or_default()
}

/// Decides the request's language and says it in `Content-Language`.
pub async fn middleware(request: Request, next: Next) -> Response {
    let locale = choose(request.headers(), request.uri().query());
    let mut response = LOCALE.scope(locale, next.run(request)).await;
    let headers = response.headers_mut();
    let html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html {
        headers.insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(locale.tag()),
        );
        headers.append(
            header::VARY,
            HeaderValue::from_static("Accept-Language, Cookie"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_then_cookie_then_browser_then_english() {
        let mut h = HeaderMap::new();
        assert_eq!(choose(&h, None), Locale::En);
        h.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("vi-VN,vi;q=0.9"),
        );
        assert_eq!(choose(&h, None), Locale::Vi);
        h.insert(header::COOKIE, HeaderValue::from_static("a=b; zw_lang=km"));
        assert_eq!(choose(&h, None), Locale::Km);
        assert_eq!(choose(&h, Some("q=x&lang=zh-Hans")), Locale::ZhHans);
        assert_eq!(choose(&h, Some("lang=xx")), Locale::Km);
    }
}
