//! Radarr's escalating back-off for a failing provider, as a pure
//! calculator: each failure raises the level (0, 1 min, 5 min, 15 min,
//! 30 min, 1 h, 3 h, 6 h, 12 h, 24 h), each success lowers it by one, and
//! the provider may be tried again once the level's period has passed since
//! the failure. The caller keeps a [`BackOff`] per indexer (and may store it).

use std::time::Duration;

use chrono::{DateTime, Utc};

/// The period of each escalation level, Radarr's `EscalationBackOff.Periods`.
pub const PERIODS: [Duration; 10] = [
    Duration::from_secs(0),
    Duration::from_secs(60),
    Duration::from_secs(5 * 60),
    Duration::from_secs(15 * 60),
    Duration::from_secs(30 * 60),
    Duration::from_secs(60 * 60),
    Duration::from_secs(3 * 60 * 60),
    Duration::from_secs(6 * 60 * 60),
    Duration::from_secs(12 * 60 * 60),
    Duration::from_secs(24 * 60 * 60),
];

/// The highest level.
pub const MAX_LEVEL: usize = PERIODS.len() - 1;

/// Radarr does not escalate in the first minutes after start, when a
/// network or a container next door may still be coming up.
pub const STARTUP_GRACE: Duration = Duration::from_secs(15 * 60);

/// The back-off state of one provider, Radarr's `ProviderStatusBase`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BackOff {
    /// The escalation level, an index into [`PERIODS`].
    pub level: usize,
    /// When the current run of failures began.
    pub initial_failure: Option<DateTime<Utc>>,
    /// When it last failed.
    pub most_recent_failure: Option<DateTime<Utc>>,
    /// Not to be tried before this.
    pub disabled_till: Option<DateTime<Utc>>,
}

/// A failure as the back-off weighs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Failure {
    /// A connection failure (unreachable) holds the level instead of raising it.
    pub connection: bool,
    /// The least wait the provider asked for (a request limit, Retry-After).
    pub minimum: Option<Duration>,
}

fn period(level: usize) -> chrono::Duration {
    let period = PERIODS[level.min(MAX_LEVEL)];
    chrono::Duration::from_std(period).unwrap_or(chrono::Duration::MAX)
}

impl BackOff {
    /// Whether the provider may be tried at `now`.
    pub fn may_try(&self, now: DateTime<Utc>) -> bool {
        self.disabled_till.is_none_or(|till| now >= till)
    }

    /// The wait left at `now`, zero if it may be tried.
    pub fn wait(&self, now: DateTime<Utc>) -> Duration {
        self.disabled_till
            .and_then(|till| (till - now).to_std().ok())
            .unwrap_or_default()
    }

    /// After a success: one level down, and free to be tried.
    pub fn record_success(&mut self) {
        if self.level == 0 {
            return;
        }
        self.level -= 1;
        self.disabled_till = None;
    }

    /// After a failure at `now`, the process having started at `started`.
    pub fn record_failure(&mut self, failure: Failure, now: DateTime<Utc>, started: DateTime<Utc>) {
        self.most_recent_failure = Some(now);
        let mut escalate = !failure.connection;
        if self.level == 0 {
            // The first failure of a run: level 1, a minute.
            self.initial_failure = Some(now);
            self.level = 1;
            escalate = false;
        }
        let grace = chrono::Duration::from_std(STARTUP_GRACE).unwrap_or_default();
        let in_startup_grace = started
            .checked_add_signed(grace)
            .is_some_and(|end| end > now);
        if escalate && !in_startup_grace {
            self.level = (self.level + 1).min(MAX_LEVEL);
        }
        let minimum = failure.minimum.filter(|m| !m.is_zero());
        if let Some(minimum) = minimum {
            let minimum = chrono::Duration::from_std(minimum).unwrap_or(chrono::Duration::MAX);
            while self.level < MAX_LEVEL && period(self.level) < minimum {
                self.level += 1;
            }
        }
        let after = |p| {
            now.checked_add_signed(p)
                .unwrap_or(DateTime::<Utc>::MAX_UTC)
        };
        let mut till = after(period(self.level));
        if in_startup_grace && minimum.is_none() {
            // Soon after start, a failure keeps the provider away a minute at most.
            till = till.min(after(period(1)));
        }
        self.disabled_till = Some(till);
    }
}
