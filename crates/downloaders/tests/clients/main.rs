//! The download clients against the real daemons `scripts/test.sh` starts
//! (qBittorrent, Transmission, NZBGet), and SABnzbd against a fake that
//! answers as its API documentation says.

mod nzbget;
mod qbittorrent;
mod sabnzbd;
mod support;
mod transmission;
