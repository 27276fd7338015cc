//! Users' roles and what each may do (issue: protecting survivors).
//!
//! | role | may |
//! | --- | --- |
//! | `admin` | everything, and manage users, keys and the audit log |
//! | `investigator` | read and write every record, restricted fields included; check the audit log |
//! | `analyst` | read every field that is not restricted; internal reports |
//! | `viewer` | records marked `public`, and the public report |

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Viewer,
    Analyst,
    Investigator,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Admin, Role::Investigator, Role::Analyst, Role::Viewer];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Investigator => "investigator",
            Role::Analyst => "analyst",
            Role::Viewer => "viewer",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something a command or request does, checked against the actor's role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Import, create, update, delete records.
    WriteRecords,
    /// Read restricted fields (pii, transcripts, free text of restricted records).
    ReadRestricted,
    /// Read every record without its restricted fields; internal reports, assessments.
    ReadInternal,
    /// Read records marked public and the public report.
    ReadPublic,
    /// Add users, create tokens for others, change the passphrase, rotate keys.
    Administer,
    /// Read and verify the audit log.
    Audit,
}

impl Action {
    pub fn describe(self) -> &'static str {
        match self {
            Action::WriteRecords => "write records",
            Action::ReadRestricted => "read restricted fields",
            Action::ReadInternal => "read internal records and reports",
            Action::ReadPublic => "read public records",
            Action::Administer => "manage users and keys",
            Action::Audit => "read the audit log",
        }
    }
}

/// Who is acting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub role: Role,
}

impl Actor {
    /// The CLI on a database it can open: the operating system's permissions on the
    /// file (or the database server's) are the boundary, so it acts as an admin.
    pub fn local_admin() -> Actor {
        Actor {
            name: "local-admin".into(),
            role: Role::Admin,
        }
    }

    pub fn may(&self, action: Action) -> bool {
        match action {
            Action::WriteRecords | Action::ReadRestricted | Action::Audit => {
                self.role >= Role::Investigator
            }
            Action::ReadInternal => self.role >= Role::Analyst,
            Action::ReadPublic => true,
            Action::Administer => self.role == Role::Admin,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_role_table() {
        use Action::*;
        let table = [
            (Role::Admin, [true, true, true, true, true, true]),
            (Role::Investigator, [true, true, true, true, false, true]),
            (Role::Analyst, [false, false, true, true, false, false]),
            (Role::Viewer, [false, false, false, true, false, false]),
        ];
        for (role, expected) in table {
            let actor = Actor {
                name: "x".into(),
                role,
            };
            let got = [
                WriteRecords,
                ReadRestricted,
                ReadInternal,
                ReadPublic,
                Administer,
                Audit,
            ]
            .map(|a| actor.may(a));
            assert_eq!(got, expected, "{role}");
        }
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
    }
}
