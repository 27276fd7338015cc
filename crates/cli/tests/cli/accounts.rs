//! Accounts from the command line: an admin resets a password (`user passwd`), and
//! lists and revokes API tokens (`token list`, `token revoke ID|NAME`). Audited,
//! without any password. SQLite, and PostgreSQL when configured.

use super::*;

fn databases(dir: &Path) -> Vec<(&'static str, String, Option<TempDatabase>)> {
    let mut list = vec![(
        "sqlite",
        format!("sqlite://{}", dir.join("accounts.db").display()),
        None,
    )];
    if let Some(server) = postgres_server() {
        let db = TempDatabase::create(&server).expect("fresh database");
        list.push(("postgres", db.url.clone(), Some(db)));
    }
    list
}

fn run(dir: &Path, url: &str, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut all = vec!["--db", url];
    all.extend_from_slice(args);
    zonewatch_in(dir, &all, &[], stdin)
}

#[test]
fn an_admin_resets_passwords_and_revokes_tokens() {
    let dir = tempfile::tempdir().unwrap();
    for (name, url, _db) in databases(dir.path()) {
        let d = dir.path();
        ok(run(d, &url, &["init"], None));
        for (user, role) in [("ana", "analyst"), ("vic", "viewer")] {
            ok(run(
                d,
                &url,
                &["user", "add", user, "--role", role],
                Some(b"first password 123\n"),
            ));
        }
        // A password an admin chose must be changed at the first login.
        let list = stdout(&ok(run(d, &url, &["user", "list"], None)));
        assert!(
            list.lines()
                .any(|l| l.starts_with("ana\tanalyst\t") && l.ends_with("\tmust-change-password")),
            "{name}: {list}"
        );

        let out = ok(run(
            d,
            &url,
            &["user", "passwd", "ana"],
            Some(b"reset password 456\n"),
        ));
        assert!(stderr(&out).contains("must change it"), "{name}");
        let out = failed(run(
            d,
            &url,
            &["user", "passwd", "nobody"],
            Some(b"reset password 456"),
        ));
        assert!(stderr(&out).contains("no user named `nobody`"), "{name}");
        let out = failed(run(d, &url, &["user", "passwd", "ana"], Some(b"short")));
        assert!(stderr(&out).contains("at least 10"), "{name}");
        let out = failed(run(
            d,
            &url,
            &["--as", "ana", "user", "passwd", "vic"],
            Some(b"reset password 456"),
        ));
        assert!(stderr(&out).contains("may not manage users"), "{name}");

        // Tokens: named, listed by id (never the token), revoked by name or id.
        let out = ok(run(
            d,
            &url,
            &["token", "create", "ana", "--name", "sync"],
            None,
        ));
        let token = stdout(&out).trim().to_owned();
        assert!(token.starts_with("zwt_"), "{name}");
        ok(run(
            d,
            &url,
            &["token", "create", "vic", "--name", "dash"],
            None,
        ));
        ok(run(
            d,
            &url,
            &["token", "create", "vic", "--name", "dash"],
            None,
        ));
        let list = stdout(&ok(run(d, &url, &["token", "list"], None)));
        assert_eq!(list.lines().count(), 3, "{name}: {list}");
        assert!(!list.contains(&token[4..]), "{name}: never the token");
        let sync = list
            .lines()
            .find(|l| l.contains("\tana\tsync\t"))
            .unwrap_or_else(|| panic!("{name}: {list}"));
        assert!(sync.ends_with("\tnever"), "{name}: {sync}");
        let sync_id = sync.split('\t').next().unwrap().to_owned();
        assert_eq!(sync_id.len(), 12, "{name}");
        // Someone else sees their own tokens only.
        let own = stdout(&ok(run(d, &url, &["--as", "ana", "token", "list"], None)));
        assert_eq!(own.lines().count(), 1, "{name}: {own}");
        assert!(stderr(&failed(run(
            d,
            &url,
            &["--as", "ana", "token", "revoke", "dash"],
            None
        )))
        .contains("no token"));

        ok(run(d, &url, &["token", "revoke", "sync"], None));
        let list = stdout(&ok(run(d, &url, &["token", "list"], None)));
        assert!(!list.contains(&sync_id), "{name}");
        let out = failed(run(d, &url, &["token", "revoke", &sync_id], None));
        assert!(stderr(&out).contains("no token"), "{name}");
        let out = failed(run(d, &url, &["token", "revoke", "dash"], None));
        assert!(stderr(&out).contains("revoke one by its id"), "{name}");
        let dash_id = list.lines().next().unwrap().split('\t').next().unwrap();
        ok(run(d, &url, &["token", "revoke", dash_id], None));
        assert_eq!(
            stdout(&ok(run(d, &url, &["token", "list"], None)))
                .lines()
                .count(),
            1,
            "{name}"
        );

        let audit = stdout(&ok(run(d, &url, &["audit", "show"], None)));
        for action in ["user-password-reset", "token-create", "token-revoke"] {
            assert!(audit.contains(action), "{name}: {action} in {audit}");
        }
        assert!(audit.contains(&sync_id), "{name}");
        for secret in ["first password 123", "reset password 456", &token] {
            assert!(
                !audit.contains(secret),
                "{name}: no secret in the audit log"
            );
        }
        ok(run(d, &url, &["audit", "verify"], None));
    }
}
