//! Restricted fields as the store keeps them: a JSON object mapping each restricted
//! field to its value sealed (zonewatch-crypto, a write session per import) and
//! base64-encoded. The field name and record id are bound into each seal, so a value
//! moved to another record or field does not open.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use zonewatch_crypto::{session_id_of, KeyRing, WriteSession};
use zonewatch_model::Json;
use zonewatch_store::import::ImportHooks;
use zonewatch_store::{OpenRestricted, SealRestricted};

/// Seals restricted fields in one write session; needs only the public key.
pub struct SessionSealer {
    pub session: WriteSession,
    /// Something was sealed: only then is the session recorded (a write with no
    /// restricted field leaves no session behind for every later read to consider).
    used: AtomicBool,
}

impl SessionSealer {
    pub fn new(session: WriteSession) -> SessionSealer {
        SessionSealer {
            session,
            used: AtomicBool::new(false),
        }
    }

    /// Whether any value was sealed in this session.
    pub fn used(&self) -> bool {
        self.used.load(Ordering::Relaxed)
    }
}

impl SealRestricted for SessionSealer {
    fn seal(&self, record_id: &str, restricted: Json) -> Result<String, String> {
        let Json::Object(fields) = restricted else {
            return Err("restricted fields must be an object".into());
        };
        self.used.store(true, Ordering::Relaxed);
        let mut sealed = Vec::with_capacity(fields.len());
        for (field, value) in fields {
            let bytes = self
                .session
                .seal(record_id, &field, value.to_text().as_bytes())
                .map_err(|e| e.to_string())?;
            sealed.push((field, Json::String(BASE64.encode(bytes))));
        }
        Ok(Json::Object(sealed).to_text())
    }
}

impl ImportHooks for SessionSealer {
    fn sealer(&self) -> &dyn SealRestricted {
        self
    }
}

/// Write sessions already unwrapped, by id, kept while the key ring is unlocked
/// (shared by a server's requests): unwrapping one costs an X25519 operation, and a
/// read needs only the sessions its values were sealed in.
#[derive(Clone, Default)]
pub struct SessionCache(Arc<Mutex<HashMap<String, Arc<WriteSession>>>>);

impl SessionCache {
    fn get(&self, id: &str) -> Option<Arc<WriteSession>> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(id)
            .cloned()
    }

    fn put(&self, id: &str, session: Arc<WriteSession>) {
        let mut map = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if map.len() >= 100_000 {
            map.clear(); // bounded: a database of more sessions unwraps again
        }
        map.insert(id.to_owned(), session);
    }
}

/// Opens restricted fields with the write sessions it was given.
pub struct SessionOpener {
    sessions: HashMap<String, Arc<WriteSession>>,
}

impl SessionOpener {
    /// `sessions`: (id, sealed key in base64) as the store lists them.
    pub fn new(keyring: &KeyRing, sessions: &[(String, String)]) -> Result<SessionOpener, String> {
        SessionOpener::cached(keyring, sessions, &SessionCache::default())
    }

    /// As [`SessionOpener::new`], taking sessions from `cache` and keeping there
    /// those it had to unwrap.
    pub fn cached(
        keyring: &KeyRing,
        sessions: &[(String, String)],
        cache: &SessionCache,
    ) -> Result<SessionOpener, String> {
        let mut map = HashMap::with_capacity(sessions.len());
        for (id, sealed_key) in sessions {
            if let Some(session) = cache.get(id) {
                map.insert(id.clone(), session);
                continue;
            }
            let bytes = BASE64
                .decode(sealed_key)
                .map_err(|e| format!("session {id}: {e}"))?;
            let session = Arc::new(
                WriteSession::unseal_key(keyring, id, &bytes)
                    .map_err(|e| format!("session {id}: {e}"))?,
            );
            cache.put(id, Arc::clone(&session));
            map.insert(id.clone(), session);
        }
        Ok(SessionOpener { sessions: map })
    }

    pub fn session(&self, id: &str) -> Option<&WriteSession> {
        self.sessions.get(id).map(|s| s.as_ref())
    }
}

/// The ids of the write sessions a stored restricted value (the JSON object of
/// sealed fields) was sealed in; what is not in the sealed form is skipped (opening
/// it reports the problem).
pub fn session_ids(stored: &str) -> Vec<String> {
    let Ok(Json::Object(fields)) = Json::parse(stored) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = fields
        .iter()
        .filter_map(|(_, value)| match value {
            Json::String(encoded) => BASE64.decode(encoded).ok(),
            _ => None,
        })
        .filter_map(|bytes| session_id_of(&bytes))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

impl OpenRestricted for SessionOpener {
    fn open(&self, record_id: &str, stored: &str) -> Result<Json, String> {
        let Ok(Json::Object(fields)) = Json::parse(stored) else {
            return Err("its restricted fields are not in the sealed form".into());
        };
        let mut opened = Vec::with_capacity(fields.len());
        for (field, value) in fields {
            let Json::String(encoded) = value else {
                return Err(format!("field `{field}` is not sealed"));
            };
            let bytes = BASE64
                .decode(encoded)
                .map_err(|_| format!("field `{field}` is not base64"))?;
            let session_id = session_id_of(&bytes)
                .ok_or_else(|| format!("field `{field}` is not a sealed value"))?;
            let session = self
                .sessions
                .get(&session_id)
                .ok_or_else(|| format!("field `{field}` was sealed in an unknown write session"))?;
            let plain = session
                .open(record_id, &field, &bytes)
                .map_err(|e| format!("field `{field}`: {e}"))?;
            let text =
                String::from_utf8(plain).map_err(|_| format!("field `{field}` is not UTF-8"))?;
            let value = Json::parse(&text).map_err(|_| format!("field `{field}` is not JSON"))?;
            opened.push((field, value));
        }
        Ok(Json::Object(opened))
    }
}

/// Moves one stored restricted value (the JSON object of sealed fields) from the
/// sessions of `opener` into `target` (key rotation): value keys re-wrapped, values
/// unchanged.
pub fn rewrap_stored(
    opener: &SessionOpener,
    target: &WriteSession,
    record_id: &str,
    stored: &str,
) -> Result<String, String> {
    let Ok(Json::Object(fields)) = Json::parse(stored) else {
        return Err("not in the sealed form".into());
    };
    let mut out = Vec::with_capacity(fields.len());
    for (field, value) in fields {
        let Json::String(encoded) = value else {
            return Err(format!("field `{field}` is not sealed"));
        };
        let bytes = BASE64
            .decode(encoded)
            .map_err(|_| format!("field `{field}` is not base64"))?;
        let session_id =
            session_id_of(&bytes).ok_or_else(|| format!("field `{field}` is not sealed"))?;
        let from = opener
            .session(&session_id)
            .ok_or_else(|| format!("field `{field}`: unknown session"))?;
        let moved = target
            .rewrap_from(from, record_id, &field, &bytes)
            .map_err(|e| e.to_string())?;
        out.push((field, Json::String(BASE64.encode(moved))));
    }
    Ok(Json::Object(out).to_text())
}

/// The session key sealed to the public key, base64, for the store.
pub fn sealed_session_key(
    session: &WriteSession,
    keyring_public: &zonewatch_crypto::PublicKey,
) -> Result<String, String> {
    session
        .seal_key(keyring_public)
        .map(|b| BASE64.encode(b))
        .map_err(|e| e.to_string())
}
