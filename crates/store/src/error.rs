//! What can go wrong in a store, in terms the API can answer with.

/// A result of a store call.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An error from a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No row has this id.
    #[error("{entity} with ID {id} does not exist")]
    NotFound {
        /// What was looked for, e.g. "Movie".
        entity: &'static str,
        /// The id asked for.
        id: i32,
    },
    /// The write would break a uniqueness or reference rule.
    #[error("{0}")]
    Conflict(#[from] Conflict),
    /// The database failed or could not be reached.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// The SQLite database failed.
    #[cfg(feature = "sqlite")]
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A migration failed at start-up.
    #[error("database migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// A SQLite migration failed at start-up.
    #[cfg(feature = "sqlite")]
    #[error("database migration failed: {0}")]
    SqliteMigration(#[from] rusqlite_migration::Error),
    /// The store was closed, or the task running a query stopped.
    #[error("the database is unavailable: {0}")]
    Unavailable(&'static str),
    /// A stored value could not be read back.
    #[error("stored data could not be read: {0}")]
    Corrupt(String),
}

/// A write refused because of what is already stored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Conflict {
    /// Another movie has this TMDB id.
    #[error("This movie has already been added")]
    MovieExists {
        /// The TMDB id.
        tmdb_id: i32,
    },
    /// Another root folder has this path.
    #[error("Path is already configured as a root folder")]
    RootFolderExists {
        /// The path.
        path: String,
    },
    /// The TMDB id is already excluded.
    #[error("This exclusion has already been added.")]
    ExclusionExists {
        /// The TMDB id.
        tmdb_id: i32,
    },
    /// Another tag has this label.
    #[error("A tag with this label already exists")]
    TagExists {
        /// The label.
        label: String,
    },
    /// Another quality profile has this name.
    #[error("A quality profile with this name already exists")]
    ProfileNameExists {
        /// The name.
        name: String,
    },
    /// Movies still use the quality profile.
    #[error("QualityProfile [{name}] is in use.")]
    ProfileInUse {
        /// The profile's name.
        name: String,
    },
    /// Movies or settings still use the tag.
    #[error("'{label}' cannot be deleted since it's still in use")]
    TagInUse {
        /// The tag's label.
        label: String,
    },
    /// Another provider of the same kind has this name.
    #[error("Should be unique")]
    ProviderNameExists {
        /// The name.
        name: String,
    },
    /// Another custom format has this name.
    #[error("Must be unique.")]
    FormatNameExists {
        /// The name.
        name: String,
    },
    /// A movie names a quality profile that does not exist.
    #[error("Quality profile {id} does not exist")]
    UnknownProfile {
        /// The profile id.
        id: i32,
    },
}

impl StoreError {
    /// Whether this is a missing row.
    pub fn is_not_found(&self) -> bool {
        matches!(self, StoreError::NotFound { .. })
    }
}

/// A constraint a failed write broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Broken {
    /// A unique index or primary key.
    Unique,
    /// A reference to a row that does not exist, or a delete of a referenced row.
    ForeignKey,
}

/// A database driver's error that can tell which constraint a write broke.
pub trait ConstraintError: Into<StoreError> {
    /// The constraint, when breaking one is why the statement failed.
    fn broken(&self) -> Option<Broken>;
}

/// The error of a failed write: `instead()` when the write broke
/// `constraint`, else the database's own error.
pub fn when_broken<E: ConstraintError, I: Into<StoreError>>(
    err: E,
    constraint: Broken,
    instead: impl FnOnce() -> I,
) -> StoreError {
    if err.broken() == Some(constraint) {
        instead().into()
    } else {
        err.into()
    }
}

impl ConstraintError for sqlx::Error {
    fn broken(&self) -> Option<Broken> {
        let sqlx::Error::Database(db) = self else {
            return None;
        };
        if db.is_unique_violation() {
            Some(Broken::Unique)
        } else if db.is_foreign_key_violation() {
            Some(Broken::ForeignKey)
        } else {
            None
        }
    }
}

#[cfg(feature = "sqlite")]
impl ConstraintError for rusqlite::Error {
    fn broken(&self) -> Option<Broken> {
        use rusqlite::ffi::{
            SQLITE_CONSTRAINT_FOREIGNKEY, SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE,
        };
        match self {
            rusqlite::Error::SqliteFailure(e, _) => match e.extended_code {
                SQLITE_CONSTRAINT_UNIQUE | SQLITE_CONSTRAINT_PRIMARYKEY => Some(Broken::Unique),
                SQLITE_CONSTRAINT_FOREIGNKEY => Some(Broken::ForeignKey),
                _ => None,
            },
            _ => None,
        }
    }
}
