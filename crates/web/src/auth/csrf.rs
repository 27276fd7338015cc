//! CSRF tokens, checked in one place. Every urlencoded form POST comes through
//! [`CsrfForm`], which reads who is asking (a page session, or the login form's
//! double-submit cookie) and refuses a form whose `csrf` field is not their token;
//! the API's `X-CSRF-Token` header (cookie-authenticated writes) and the evidence
//! upload (its multipart's first field, checked before any byte of the file is
//! read) use the same [`token_ok`].

use axum::extract::{Form, FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::de::value::MapDeserializer;
use serde::de::DeserializeOwned;

use crate::Shared;

/// The header a browser script sends with a session-authenticated API write.
pub const HEADER: &str = "x-csrf-token";

/// What a form without its session's token is told (with 403).
pub const FOREIGN_FORM: &str =
    "the form did not come from this site (or the session changed): reload and try again";

/// Whether `sent` is the token `expected`, in constant time. An empty expected
/// token (no cookie, no session) matches nothing.
pub fn token_ok(expected: &str, sent: &str) -> bool {
    zonewatch_app::accounts::tokens_match(expected, sent)
}

/// Whoever a form's token must belong to, read from the request's head: a
/// browser session, or for the login form its double-submit cookie.
pub trait Guard: FromRequestParts<Shared, Rejection = Response> + Send {
    /// The token the form must carry.
    fn expected(&self) -> &str;
    /// The answer to a form that does not carry it.
    fn refuse(self, state: &Shared) -> Response;
}

/// A urlencoded form POST: who sent it (`G`, a page session unless said otherwise)
/// and its fields (`T`, of text: every field but `csrf`), once its `csrf` field was
/// found to be their token. A form without it (or with another token in a second
/// `csrf` field) is answered by [`Guard::refuse`] before the handler runs.
pub struct CsrfForm<T, G = crate::pages::PageSession> {
    pub session: G,
    pub form: T,
}

impl<T, G> FromRequest<Shared> for CsrfForm<T, G>
where
    T: DeserializeOwned + Send,
    G: Guard,
{
    type Rejection = Response;

    async fn from_request(request: Request, state: &Shared) -> Result<Self, Response> {
        let (mut parts, body) = request.into_parts();
        let session = G::from_request_parts(&mut parts, state).await?;
        let Form(pairs) =
            Form::<Vec<(String, String)>>::from_request(Request::from_parts(parts, body), state)
                .await
                .map_err(IntoResponse::into_response)?;
        // Every page also holds the logout form: a client that sends every hidden
        // field sends two tokens, which must both be right.
        let mut tokens = pairs.iter().filter(|(name, _)| name == "csrf").peekable();
        let sent = tokens.peek().is_some();
        if !sent || !tokens.all(|(_, token)| token_ok(session.expected(), token)) {
            return Err(session.refuse(state));
        }
        let fields = pairs.into_iter().filter(|(name, _)| name != "csrf");
        let form = T::deserialize(MapDeserializer::<_, serde::de::value::Error>::new(fields))
            .map_err(|e| {
                (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    format!("Failed to deserialize form body: {e}"),
                )
                    .into_response()
            })?;
        Ok(CsrfForm { session, form })
    }
}

/// A form with no field but its token (logout, revoke).
#[derive(serde::Deserialize)]
pub struct NoFields {}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use axum::body::Body;
    use axum::http::header;
    use axum::http::request::Parts;

    use super::*;

    /// Whoever holds the token `right`.
    struct Fixed;

    impl FromRequestParts<Shared> for Fixed {
        type Rejection = Response;

        async fn from_request_parts(_: &mut Parts, _: &Shared) -> Result<Self, Response> {
            Ok(Fixed)
        }
    }

    impl Guard for Fixed {
        fn expected(&self) -> &str {
            "right"
        }

        fn refuse(self, _: &Shared) -> Response {
            StatusCode::FORBIDDEN.into_response()
        }
    }

    async fn extract(body: &str) -> Result<BTreeMap<String, String>, StatusCode> {
        let url = zonewatch_app::DbUrl::parse("sqlite://unused.db").expect("url");
        let state = crate::State::new(crate::Config::new(url));
        let request = Request::post("/form")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body.to_owned()))
            .expect("request");
        CsrfForm::<BTreeMap<String, String>, Fixed>::from_request(request, &state)
            .await
            .map(|f| f.form)
            .map_err(|r| r.status())
    }

    #[tokio::test]
    async fn only_a_form_with_the_token_gets_through_without_it() {
        let form = extract("name=a&csrf=right").await.expect("accepted");
        assert_eq!(form.get("name").map(String::as_str), Some("a"));
        assert!(!form.contains_key("csrf"), "the token is not a field");
        // Every page's logout form holds the token too.
        assert!(extract("csrf=right&name=a&csrf=right").await.is_ok());
        for refused in [
            "name=a",
            "csrf=&name=a",
            "csrf=wrong",
            "csrf=right&csrf=wrong",
        ] {
            assert_eq!(
                extract(refused).await.err(),
                Some(StatusCode::FORBIDDEN),
                "{refused}"
            );
        }
    }
}
