//! Evidence files and their chain of custody.
//!
//! A file is stored as collected, with its SHA-256 taken at ingest. Evidence of a
//! restricted record (one marked `restricted`, or a person or testimony) is sealed —
//! content and metadata — and addressed by a keyed hash that only the key ring can
//! compute, so a guessed file cannot be confirmed from the store; adding it needs the
//! passphrase. Every custody event (added, verified, exported) is an audit entry that
//! names the evidence id and its record.

use std::collections::BTreeMap;
use std::path::Path;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use zonewatch_crypto::{keyed_hash, rfc3339_utc_now, sha256_hex, HashPurpose, WriteSession};
use zonewatch_model::{Json, Kind, Sensitivity};
use zonewatch_store::EvidenceRow;

use crate::seal::{sealed_session_key, SessionOpener};
use crate::{next_entry, Action, App, AppError, Result};

/// What is known of an evidence file besides its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceMeta {
    pub file_name: String,
    pub sha256: String,
    pub size: u64,
    pub note: Option<String>,
    pub added_by: String,
    pub added_at: String,
}

impl EvidenceMeta {
    fn to_json(&self) -> Json {
        let mut members = vec![
            ("file_name".to_owned(), Json::String(self.file_name.clone())),
            ("sha256".to_owned(), Json::String(self.sha256.clone())),
            ("size".to_owned(), Json::Number(self.size.into())),
            ("added_by".to_owned(), Json::String(self.added_by.clone())),
            ("added_at".to_owned(), Json::String(self.added_at.clone())),
        ];
        if let Some(note) = &self.note {
            members.push(("note".to_owned(), Json::String(note.clone())));
        }
        Json::Object(members)
    }

    fn from_json(text: &str) -> Option<EvidenceMeta> {
        let Json::Object(members) = Json::parse(text).ok()? else {
            return None;
        };
        let text = |key: &str| {
            members
                .iter()
                .find(|(k, _)| k == key)
                .and_then(|(_, v)| match v {
                    Json::String(s) => Some(s.clone()),
                    _ => None,
                })
        };
        let size = members
            .iter()
            .find(|(k, _)| k == "size")
            .and_then(|(_, v)| match v {
                Json::Number(n) => n.as_u64(),
                _ => None,
            })?;
        Some(EvidenceMeta {
            file_name: text("file_name")?,
            sha256: text("sha256")?,
            size,
            note: text("note"),
            added_by: text("added_by")?,
            added_at: text("added_at")?,
        })
    }
}

/// The result of re-hashing one evidence file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    pub id: String,
    pub record_id: String,
    /// `Ok` when the bytes still have the SHA-256 taken at ingest.
    pub result: std::result::Result<(), String>,
}

impl App {
    /// Adds an evidence file for `record_id`; returns its id.
    pub fn add_evidence(
        &mut self,
        record_id: &str,
        file_name: &str,
        content: &[u8],
        note: Option<&str>,
    ) -> Result<String> {
        self.require(Action::WriteRecords)?;
        if file_name.len() > MAX_FILE_NAME_BYTES {
            return Err(AppError::Invalid(format!(
                "the file name is {} bytes long; at most {MAX_FILE_NAME_BYTES} are accepted",
                file_name.len()
            )));
        }
        let row = self
            .store
            .get(record_id)?
            .ok_or_else(|| AppError::Invalid(format!("no record with id `{record_id}`")))?;
        let restricted = row.sensitivity == Sensitivity::Restricted
            || matches!(row.kind, Kind::Person | Kind::Testimony);
        let meta = EvidenceMeta {
            file_name: file_name.to_owned(),
            sha256: sha256_hex(content),
            size: content.len() as u64,
            note: note.map(str::to_owned),
            added_by: self.actor.name.clone(),
            added_at: rfc3339_utc_now(),
        };
        let mut details = BTreeMap::new();
        details.insert("size".to_owned(), meta.size.to_string());
        let session;
        let evidence = if restricted {
            let keyring = self.keyring.as_ref().ok_or(AppError::Locked(
                "evidence for a restricted record (it is sealed and addressed by a keyed hash)",
            ))?;
            let id = format!(
                "ev-{}",
                keyed_hash(&keyring.hash_key(HashPurpose::EvidenceAddress), content)
            );
            session = Some(WriteSession::new().map_err(|e| AppError::Crypto(e.to_string()))?);
            let session_ref = session
                .as_ref()
                .ok_or(AppError::Crypto("no session".into()))?;
            let seal = |field: &str, bytes: &[u8]| {
                session_ref
                    .seal(&id, field, bytes)
                    .map_err(|e| AppError::Crypto(e.to_string()))
            };
            EvidenceRow {
                content: seal("content", content)?,
                meta: BASE64.encode(seal("meta", meta.to_json().to_text().as_bytes())?),
                id,
                record_id: record_id.to_owned(),
                sealed: true,
            }
        } else {
            session = None;
            details.insert("sha256".to_owned(), meta.sha256.clone());
            EvidenceRow {
                id: format!("ev-{}", meta.sha256),
                record_id: record_id.to_owned(),
                sealed: false,
                content: content.to_vec(),
                meta: meta.to_json().to_text(),
            }
        };
        if self.store.evidence(&evidence.id)?.is_some() {
            return Err(AppError::Invalid(format!(
                "this file is already stored as {}",
                evidence.id
            )));
        }
        details.insert("evidence".to_owned(), evidence.id.clone());
        let public = self.public_key()?;
        let mut tx = self.store.begin_write()?;
        let head = tx.audit_head()?;
        if let Some(session) = &session {
            let key = sealed_session_key(session, &public).map_err(AppError::Crypto)?;
            tx.add_key_session(&session.id(), &key)?;
        }
        tx.add_evidence(&evidence)?;
        let records = vec![record_id.to_owned(), evidence.id.clone()];
        tx.append_audit(&next_entry(
            head,
            &self.actor.name,
            "evidence-add",
            records,
            details,
        ))?;
        tx.commit()?;
        Ok(evidence.id)
    }

    fn public_key(&mut self) -> Result<zonewatch_crypto::PublicKey> {
        let sealed = self.sealed_keyring()?.ok_or(AppError::NotInitialised)?;
        Ok(sealed.public_keys().encryption)
    }

    /// Every evidence file: (id, record id, sealed).
    pub fn evidence_list(&mut self) -> Result<Vec<(String, String, bool)>> {
        self.require(Action::ReadInternal)?;
        Ok(self.store.evidence_list()?)
    }

    /// The bytes and metadata of one file, opened when sealed (needs the key).
    fn open_evidence(
        &mut self,
        id: &str,
        opener: Option<&SessionOpener>,
    ) -> Result<(EvidenceRow, Vec<u8>, EvidenceMeta)> {
        let row = self
            .store
            .evidence(id)?
            .ok_or_else(|| AppError::Invalid(format!("no evidence with id `{id}`")))?;
        let (content, meta_text) = if row.sealed {
            let opener = opener.ok_or(AppError::Locked("sealed evidence"))?;
            let open = |field: &str, bytes: &[u8]| -> Result<Vec<u8>> {
                let session_id = zonewatch_crypto::session_id_of(bytes)
                    .ok_or_else(|| AppError::Crypto(format!("{id}: {field} is not sealed")))?;
                let session = opener
                    .session(&session_id)
                    .ok_or_else(|| AppError::Crypto(format!("{id}: unknown write session")))?;
                session
                    .open(id, field, bytes)
                    .map_err(|e| AppError::Crypto(format!("{id}: {field}: {e}")))
            };
            let meta = BASE64
                .decode(&row.meta)
                .map_err(|_| AppError::Crypto(format!("{id}: metadata is not base64")))?;
            let meta = String::from_utf8(open("meta", &meta)?)
                .map_err(|_| AppError::Crypto(format!("{id}: metadata is not UTF-8")))?;
            (open("content", &row.content)?, meta)
        } else {
            (row.content.clone(), row.meta.clone())
        };
        let meta = EvidenceMeta::from_json(&meta_text)
            .ok_or_else(|| AppError::Crypto(format!("{id}: metadata unreadable")))?;
        Ok((row, content, meta))
    }

    fn evidence_opener(&mut self) -> Result<Option<SessionOpener>> {
        match &self.keyring {
            Some(keyring) => {
                let sessions = self.store.key_sessions()?;
                Ok(Some(
                    SessionOpener::cached(keyring, &sessions, &self.sessions)
                        .map_err(AppError::Crypto)?,
                ))
            }
            None => Ok(None),
        }
    }

    /// Re-hashes every evidence file against the SHA-256 taken at ingest. Sealed
    /// files need the key; without it they are reported as not checked.
    pub fn verify_evidence(&mut self) -> Result<Vec<Verified>> {
        self.require(Action::ReadRestricted)?;
        let opener = self.evidence_opener()?;
        let mut results = Vec::new();
        for (id, record_id, sealed) in self.store.evidence_list()? {
            let result = if sealed && opener.is_none() {
                Err("sealed: give the passphrase to check it".to_owned())
            } else {
                match self.open_evidence(&id, opener.as_ref()) {
                    Ok((_, content, meta)) if sha256_hex(&content) == meta.sha256 => Ok(()),
                    Ok((_, content, meta)) => Err(format!(
                        "CHANGED: SHA-256 is now {}, was {} at ingest",
                        sha256_hex(&content),
                        meta.sha256
                    )),
                    Err(e) => Err(format!("CHANGED or damaged: {e}")),
                }
            };
            results.push(Verified {
                id,
                record_id,
                result,
            });
        }
        let failed = results.iter().filter(|v| v.result.is_err()).count();
        let mut details = BTreeMap::new();
        details.insert("checked".to_owned(), results.len().to_string());
        details.insert("problems".to_owned(), failed.to_string());
        let ids = results.iter().map(|v| v.id.clone()).collect();
        self.audit("evidence-verify", ids, details)?;
        Ok(results)
    }

    /// Writes the original bytes of one file into `dir`, beside a custody sheet (JSON:
    /// hash, collector, times, every custody event). Returns the two paths.
    pub fn export_evidence(
        &mut self,
        id: &str,
        dir: &Path,
    ) -> Result<(std::path::PathBuf, std::path::PathBuf)> {
        self.require(Action::ReadRestricted)?;
        let opener = self.evidence_opener()?;
        let (row, content, meta) = self.open_evidence(id, opener.as_ref())?;
        if sha256_hex(&content) != meta.sha256 {
            return Err(AppError::Invalid(format!(
                "{id} no longer has its SHA-256 from ingest: run `zonewatch evidence verify`"
            )));
        }
        let mut details = BTreeMap::new();
        details.insert("to".to_owned(), dir.display().to_string());
        self.audit(
            "evidence-export",
            vec![row.record_id.clone(), id.to_owned()],
            details,
        )?;
        let events: Vec<Json> = self
            .custody_events(id)?
            .into_iter()
            .map(|e| {
                Json::Object(vec![
                    ("seq".into(), Json::Number(e.seq.into())),
                    ("time".into(), Json::String(e.time)),
                    ("actor".into(), Json::String(e.actor)),
                    ("event".into(), Json::String(e.event)),
                    ("audit_hash".into(), Json::String(e.audit_hash)),
                ])
            })
            .collect();
        let sheet = Json::Object(vec![
            ("evidence".into(), Json::String(id.to_owned())),
            ("record".into(), Json::String(row.record_id.clone())),
            ("file_name".into(), Json::String(meta.file_name.clone())),
            ("sha256".into(), Json::String(meta.sha256.clone())),
            ("size".into(), Json::Number(meta.size.into())),
            ("collected_by".into(), Json::String(meta.added_by.clone())),
            ("collected_at".into(), Json::String(meta.added_at.clone())),
            (
                "note".into(),
                meta.note.clone().map_or(Json::Null, Json::String),
            ),
            ("sealed_in_store".into(), Json::Bool(row.sealed)),
            ("custody".into(), Json::Array(events)),
        ]);
        std::fs::create_dir_all(dir)
            .map_err(|e| AppError::Invalid(format!("{}: {e}", dir.display())))?;
        // `<id>--<name>` and `<id>.custody.json`: the evidence id (`ev-` and hex)
        // keeps files of different evidence apart, and what follows it (`--` or
        // `.`) keeps a file from ever taking its custody sheet's name.
        let file = dir.join(export_file_name(&meta.file_name, id));
        let sheet_path = dir.join(format!("{id}.custody.json"));
        write_new_private(&file, &content)?;
        if let Err(e) = write_new_private(&sheet_path, (sheet.to_text() + "\n").as_bytes()) {
            let _ = std::fs::remove_file(&file);
            return Err(e);
        }
        Ok((file, sheet_path))
    }
}

/// One event in an evidence file's chain of custody (from the audit chain).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustodyEvent {
    pub seq: u64,
    pub time: String,
    pub actor: String,
    /// `add`, `verify`, `export`, `download`.
    pub event: String,
    pub audit_hash: String,
}

/// What a page shows of one evidence file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceDetail {
    pub id: String,
    pub record_id: String,
    pub sealed: bool,
    /// `None` when the file is sealed and the actor may not open it (or the key ring
    /// is locked): its name and note may say who it is about.
    pub meta: Option<EvidenceMeta>,
    pub custody: Vec<CustodyEvent>,
}

impl App {
    fn custody_events(&mut self, id: &str) -> Result<Vec<CustodyEvent>> {
        Ok(self
            .store
            .audit_entries(Some(id))?
            .into_iter()
            .map(|e| CustodyEvent {
                seq: e.seq,
                event: e.action.trim_start_matches("evidence-").to_owned(),
                time: e.time,
                actor: e.actor,
                audit_hash: e.hash,
            })
            .collect())
    }

    /// One file's metadata and custody, without its bytes. Sealed metadata is opened
    /// (and the read audited) only for roles that may read restricted values.
    pub fn evidence_detail(&mut self, id: &str) -> Result<Option<EvidenceDetail>> {
        self.require(Action::ReadInternal)?;
        let Some((record_id, sealed)) = self
            .store
            .evidence_list()?
            .into_iter()
            .find(|(e, _, _)| e == id)
            .map(|(_, record, sealed)| (record, sealed))
        else {
            return Ok(None);
        };
        let meta = if !sealed {
            Some(self.open_evidence(id, None)?.2)
        } else if self.actor.may(Action::ReadRestricted) && self.keyring.is_some() {
            let opener = self.evidence_opener()?;
            let meta = self.open_evidence(id, opener.as_ref())?.2;
            let mut details = BTreeMap::new();
            details.insert("field".to_owned(), "meta".to_owned());
            self.audit(
                "read-restricted",
                vec![record_id.clone(), id.to_owned()],
                details,
            )?;
            Some(meta)
        } else {
            None
        };
        Ok(Some(EvidenceDetail {
            id: id.to_owned(),
            custody: self.custody_events(id)?,
            record_id,
            sealed,
            meta,
        }))
    }

    /// The original bytes of one file and the name it was collected under, for a
    /// download; refused when the bytes no longer have their SHA-256 from ingest.
    /// Audited as a custody event (`evidence-download`).
    pub fn evidence_download(&mut self, id: &str) -> Result<(String, Vec<u8>)> {
        self.require(Action::ReadRestricted)?;
        let opener = self.evidence_opener()?;
        let (row, content, meta) = self.open_evidence(id, opener.as_ref())?;
        if sha256_hex(&content) != meta.sha256 {
            return Err(AppError::Invalid(format!(
                "{id} no longer has its SHA-256 from ingest: run `zonewatch evidence verify`"
            )));
        }
        let mut details = BTreeMap::new();
        details.insert("via".to_owned(), "web".to_owned());
        self.audit(
            "evidence-download",
            vec![row.record_id.clone(), id.to_owned()],
            details,
        )?;
        Ok((download_file_name(&meta.file_name, id), content))
    }
}

/// The file name as collected, without any directory part, or the id.
/// The name a browser is offered for a download: the original's last path
/// component (the browser saves it where its user says), or the id.
fn download_file_name(name: &str, id: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    if base.is_empty() || base == "." || base == ".." {
        id.to_owned()
    } else {
        base.to_owned()
    }
}

/// Longest original file name an evidence file may have (bytes): a file system
/// allows 255.
pub const MAX_FILE_NAME_BYTES: usize = 255;

/// The exported file's name: `<evidence id>--<the original name>`, with only
/// letters, digits, `.`, `_` and `-` kept (others become `_`), no leading dot, at
/// most 100 characters of the original.
fn export_file_name(name: &str, id: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .take(100)
        .collect();
    let cleaned = cleaned.trim_start_matches('.');
    if cleaned.is_empty() {
        format!("{id}--file")
    } else {
        format!("{id}--{cleaned}")
    }
}

/// Writes a file that must not exist yet (no link is followed: `O_CREAT|O_EXCL`
/// refuses a symbolic link at the name, even a dangling one), readable by its owner
/// only: it holds survivors' evidence in plain text.
fn write_new_private(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            AppError::Invalid(format!(
                "{} already exists: export into an empty folder, or move it away (nothing was overwritten)",
                path.display()
            ))
        } else {
            AppError::Invalid(format!("{}: {e}", path.display()))
        }
    })?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| AppError::Invalid(format!("{}: {e}", path.display())))
}
