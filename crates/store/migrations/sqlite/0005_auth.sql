-- Users whose password an admin chose (the first admin `serve` makes, `user add`,
-- `user passwd`) must choose their own before anything else in the web application.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;

-- API tokens get a name to tell them apart and the time they were last used (kept
-- to the minute: a server writes it at most once a minute per token).
ALTER TABLE api_tokens ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE api_tokens ADD COLUMN last_used_at TEXT;

-- Browser sessions, so that a server restart does not log everyone out. Only the
-- SHA-256 of the session id is kept: a copy of the database hands out no logins.
CREATE TABLE web_sessions (
    id_sha256  TEXT PRIMARY KEY NOT NULL,
    user_name  TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    csrf       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at INTEGER NOT NULL  -- Unix time, seconds
);

CREATE INDEX web_sessions_by_user ON web_sessions (user_name);
CREATE INDEX web_sessions_by_expiry ON web_sessions (expires_at);
