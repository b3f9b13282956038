//! What tests need around download clients (feature `fake`): real .torrent
//! files built for data the test makes, and a fake SABnzbd (the one client
//! Debian does not package).

mod sabnzbd;
mod torrent;

pub use sabnzbd::{FakeSabnzbd, FakeSabnzbdJob};
pub use torrent::single_file_torrent;
