//! PostgreSQL over TLS, with rustls, read from libpq's URL parameters: `sslmode`
//! (`disable`, `prefer` — the default, as libpq's — `require`, `verify-ca`,
//! `verify-full`) and `sslrootcert` (a PEM file of the certificates to trust).
//! tokio-postgres parses neither `verify-*` nor `sslrootcert`, so they are taken off
//! the URL here and the rest is passed on.
//!
//! As libpq: `prefer` and `require` encrypt without checking the certificate
//! (`require` with `sslrootcert` checks it as `verify-ca` does); `verify-ca` checks
//! that it chains to a root of `sslrootcert`; `verify-full` also that it names the
//! host connected to. Only `verify-full` stops someone on the network path who
//! presents their own certificate: the README recommends it for a team server.

use std::path::PathBuf;
use std::sync::Arc;

use postgres::{Client, NoTls};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, Error as TlsError, SignatureScheme};

use crate::{Result, StoreError};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SslMode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl SslMode {
    fn parse(text: &str) -> Result<SslMode> {
        Ok(match text {
            "disable" => SslMode::Disable,
            "allow" | "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            other => {
                return Err(StoreError::Url(format!(
                    "sslmode `{}`: expected disable, prefer, require, verify-ca or verify-full",
                    other.chars().take(40).collect::<String>()
                )))
            }
        })
    }
}

/// What a URL asks of TLS.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TlsSettings {
    pub mode: SslMode,
    pub root_cert: Option<PathBuf>,
}

/// Takes `sslmode` and `sslrootcert` off a `postgres://` URL: the URL tokio-postgres
/// gets (with `sslmode` as it knows it), and the settings.
pub fn split_url(url: &str) -> Result<(String, TlsSettings)> {
    let mut settings = TlsSettings {
        mode: SslMode::Prefer,
        root_cert: None,
    };
    let Some((base, query)) = url.split_once('?') else {
        return Ok((url.to_owned(), settings));
    };
    let mut kept = Vec::new();
    for parameter in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = parameter.split_once('=').unwrap_or((parameter, ""));
        match key {
            "sslmode" => settings.mode = SslMode::parse(&percent_decode(value))?,
            "sslrootcert" => settings.root_cert = Some(PathBuf::from(percent_decode(value))),
            _ => kept.push(parameter),
        }
    }
    // tokio-postgres decides whether to ask for TLS; the checking is ours.
    let theirs = match settings.mode {
        SslMode::Disable => "disable",
        SslMode::Prefer => "prefer",
        _ => "require",
    };
    kept.push(match theirs {
        "disable" => "sslmode=disable",
        "prefer" => "sslmode=prefer",
        _ => "sslmode=require",
    });
    Ok((format!("{base}?{}", kept.join("&")), settings))
}

/// `%2F` and friends, as libpq reads URL parameters.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes.get(i), bytes.get(i + 1), bytes.get(i + 2)) {
            (Some(b'%'), Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                let value = hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0);
                out.push(value as u8);
                i += 3;
            }
            (Some(&b), _, _) => {
                out.push(b);
                i += 1;
            }
            _ => break,
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Connects as the URL says, over TLS unless `sslmode=disable`.
pub fn connect(url: &str) -> Result<Client> {
    let (url, settings) = split_url(url)?;
    if settings.mode == SslMode::Disable {
        return Ok(Client::connect(&url, NoTls)?);
    }
    let config = client_config(&settings)?;
    let tls = tokio_postgres_rustls::MakeRustlsConnect::new(config);
    Ok(Client::connect(&url, tls)?)
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn client_config(settings: &TlsSettings) -> Result<rustls::ClientConfig> {
    let provider = provider();
    let roots = match &settings.root_cert {
        Some(path) => Some(load_roots(path)?),
        None => None,
    };
    let verifier: Arc<dyn ServerCertVerifier> = match (settings.mode, roots) {
        (SslMode::VerifyCa | SslMode::VerifyFull, None) => {
            return Err(StoreError::Url(format!(
                "sslmode={} needs sslrootcert=FILE: the PEM file of the certificate authority (or the server's own certificate) to trust",
                if settings.mode == SslMode::VerifyCa { "verify-ca" } else { "verify-full" }
            )))
        }
        (SslMode::VerifyFull, Some(roots)) => web_pki(roots, &provider)?,
        (SslMode::VerifyCa | SslMode::Require, Some(roots)) => Arc::new(ChainOnly {
            inner: web_pki(roots, &provider)?,
        }),
        (_, None) | (SslMode::Prefer | SslMode::Disable, Some(_)) => Arc::new(Unchecked {
            provider: Arc::clone(&provider),
        }),
    };
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(tls_error)?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    Ok(config)
}

fn web_pki(
    roots: rustls::RootCertStore,
    provider: &Arc<CryptoProvider>,
) -> Result<Arc<WebPkiServerVerifier>> {
    WebPkiServerVerifier::builder_with_provider(Arc::new(roots), Arc::clone(provider))
        .build()
        .map_err(|e| StoreError::Url(format!("sslrootcert: {e}")))
}

fn load_roots(path: &std::path::Path) -> Result<rustls::RootCertStore> {
    let problem = |what: String| StoreError::Url(format!("sslrootcert {}: {what}", path.display()));
    let certificates: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(path)
        .map_err(|e| problem(e.to_string()))?
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| problem(e.to_string()))?;
    if certificates.is_empty() {
        return Err(problem("no PEM certificate in it".into()));
    }
    let mut roots = rustls::RootCertStore::empty();
    for certificate in certificates {
        roots.add(certificate).map_err(|e| problem(e.to_string()))?;
    }
    Ok(roots)
}

fn tls_error(e: TlsError) -> StoreError {
    StoreError::Url(format!("TLS: {e}"))
}

/// `verify-ca`: the certificate must chain to a trusted root, whatever name it holds.
#[derive(Debug)]
struct ChainOnly {
    inner: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, TlsError> {
        match self.inner.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        ) {
            Err(TlsError::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, TlsError> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, TlsError> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// `prefer` and `require` without a root certificate: encrypted, not authenticated
/// (libpq's behaviour). The handshake's signatures are still checked, so the key
/// exchange is with the holder of the certificate presented — whoever that is.
#[derive(Debug)]
struct Unchecked {
    provider: Arc<CryptoProvider>,
}

impl ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, TlsError> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, TlsError> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, TlsError> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libpq_parameters_are_taken_off_the_url() {
        let (url, s) =
            split_url("postgres://u@h/db?sslmode=verify-full&sslrootcert=%2Fetc%2Froot.pem&application_name=x")
                .unwrap();
        assert_eq!(url, "postgres://u@h/db?application_name=x&sslmode=require");
        assert_eq!(s.mode, SslMode::VerifyFull);
        assert_eq!(s.root_cert, Some(PathBuf::from("/etc/root.pem")));
        let (url, s) = split_url("postgres://u@h/db").unwrap();
        assert_eq!(url, "postgres://u@h/db");
        assert_eq!(s.mode, SslMode::Prefer);
        let (url, _) = split_url("postgres://u@h/db?sslmode=disable").unwrap();
        assert_eq!(url, "postgres://u@h/db?sslmode=disable");
        let err = split_url("postgres://u@h/db?sslmode=verify-everything").unwrap_err();
        assert!(
            err.to_string().contains("expected disable, prefer"),
            "{err}"
        );
    }

    #[test]
    fn verify_modes_need_a_root_certificate() {
        for mode in ["verify-ca", "verify-full"] {
            let (_, settings) = split_url(&format!("postgres://u@h/db?sslmode={mode}")).unwrap();
            let err = client_config(&settings).unwrap_err();
            assert!(err.to_string().contains("needs sslrootcert=FILE"), "{err}");
        }
    }
}
