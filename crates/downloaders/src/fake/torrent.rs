//! A real single-file .torrent for some bytes: with the data placed in its
//! save path, a client completes it by checking the pieces, no peer needed.

use sha1::{Digest, Sha1};

/// Bytes per piece.
const PIECE_LENGTH: usize = 16 * 1024;

/// A .torrent for a file called `name` holding `data`, with no tracker (the
/// clients in tests have DHT and peer exchange off, so it stays private).
pub fn single_file_torrent(name: &str, data: &[u8]) -> Vec<u8> {
    let mut pieces = Vec::with_capacity(data.len().div_ceil(PIECE_LENGTH) * 20);
    for chunk in data.chunks(PIECE_LENGTH) {
        pieces.extend_from_slice(&Sha1::digest(chunk));
    }
    let mut info = Vec::new();
    info.extend_from_slice(format!("d6:lengthi{}e", data.len()).as_bytes());
    info.extend_from_slice(format!("4:name{}:{name}", name.len()).as_bytes());
    info.extend_from_slice(format!("12:piece lengthi{PIECE_LENGTH}e").as_bytes());
    info.extend_from_slice(format!("6:pieces{}:", pieces.len()).as_bytes());
    info.extend_from_slice(&pieces);
    info.extend_from_slice(b"7:privatei1ee");
    let mut torrent = b"d10:created by14:unified-radarr4:info".to_vec();
    torrent.extend_from_slice(&info);
    torrent.push(b'e');
    torrent
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::torrent_hash;

    #[test]
    fn the_torrent_hashes_as_its_info_dictionary() {
        let torrent = single_file_torrent("a.mkv", &[7u8; 40_000]);
        let hash = torrent_hash::of_torrent(&torrent);
        assert_eq!(hash.as_ref().map(String::len), Some(40));
        let other = single_file_torrent("a.mkv", &[8u8; 40_000]);
        assert_ne!(
            torrent_hash::of_torrent(&other),
            hash,
            "other data, other pieces"
        );
    }
}
