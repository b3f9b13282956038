//! Scene-group reputation from tracker data: the analysis that pages through
//! a tracker's catalogue at a configured pace, retrying and skipping what
//! fails, and reads each release into what the reputation formula
//! (`domain::reputation`) needs. Storing what it reads and the scores is the
//! caller's part, through [`AnalysisSink`].
#![forbid(unsafe_code)]

mod analysis;
mod checkpoint;
mod pacing;
mod reading;
mod source;

pub use analysis::{AnalysisError, AnalysisSink, CATEGORIES, analyse};
pub use checkpoint::{Checkpoint, Cursor, Report};
pub use pacing::Tuning;
pub use reading::{read, release_key};
pub use source::{HdBitsSource, ListedRelease, TrackerSource};
