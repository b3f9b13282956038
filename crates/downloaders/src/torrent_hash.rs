//! A torrent's info hash, the id torrent clients know it by: SHA-1 of the
//! bencoded `info` dictionary exactly as the .torrent holds it, or the hash
//! a magnet link names. Written in upper-case hex, as Radarr keeps it.

use sha1::{Digest, Sha1};

/// The info hash of a .torrent file; `None` when it is not a torrent.
pub fn of_torrent(bytes: &[u8]) -> Option<String> {
    let info = info_span(bytes)?;
    Some(hex_upper(&Sha1::digest(info)))
}

/// The info hash a magnet link names (`xt=urn:btih:` in hex or base32).
pub fn of_magnet(link: &str) -> Option<String> {
    let query = link.strip_prefix("magnet:?")?;
    let hash = form_urlencoded::parse(query.as_bytes())
        .filter(|(key, _)| key == "xt")
        .find_map(|(_, value)| {
            let value = value.to_ascii_lowercase();
            value.strip_prefix("urn:btih:").map(str::to_string)
        })?;
    match hash.len() {
        40 if hash.bytes().all(|b| b.is_ascii_hexdigit()) => Some(hash.to_ascii_uppercase()),
        32 => base32(&hash).map(|bytes| hex_upper(&bytes)),
        _ => None,
    }
}

fn hex_upper(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// RFC 4648 base32 (the alphabet magnet links use), without padding.
fn base32(text: &str) -> Option<Vec<u8>> {
    let mut bits: u64 = 0;
    let mut count = 0;
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    for c in text.bytes() {
        let value = match c.to_ascii_uppercase() {
            c @ b'A'..=b'Z' => c - b'A',
            c @ b'2'..=b'7' => c - b'2' + 26,
            _ => return None,
        };
        bits = (bits << 5) | u64::from(value);
        count += 5;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    Some(out)
}

/// The bytes of the top-level dictionary's `info` value.
fn info_span(bytes: &[u8]) -> Option<&[u8]> {
    if bytes.first() != Some(&b'd') {
        return None;
    }
    let mut at = 1;
    while bytes.get(at) != Some(&b'e') {
        let (key, after_key) = string(bytes, at)?;
        let end = skip(bytes, after_key, 0)?;
        if key == b"info" {
            return Some(&bytes[after_key..end]);
        }
        at = end;
    }
    None
}

/// A bencoded string at `at`: its bytes and where the next value starts.
fn string(bytes: &[u8], at: usize) -> Option<(&[u8], usize)> {
    let colon = at + bytes.get(at..)?.iter().position(|&b| b == b':')?;
    let len: usize = std::str::from_utf8(&bytes[at..colon]).ok()?.parse().ok()?;
    let end = colon.checked_add(1)?.checked_add(len)?;
    Some((bytes.get(colon + 1..end)?, end))
}

/// Where the bencoded value at `at` ends. `depth` bounds nesting, so a
/// hostile file cannot overflow the stack.
fn skip(bytes: &[u8], at: usize, depth: usize) -> Option<usize> {
    if depth > 64 {
        return None;
    }
    match bytes.get(at)? {
        b'i' => Some(at + bytes.get(at..)?.iter().position(|&b| b == b'e')? + 1),
        b'l' | b'd' => {
            let mut next = at + 1;
            while *bytes.get(next)? != b'e' {
                next = skip(bytes, next, depth + 1)?;
            }
            Some(next + 1)
        }
        b'0'..=b'9' => string(bytes, at).map(|(_, end)| end),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A single-file torrent; its info hash is SHA-1 of `d6:lengthi3e4:name5:a.mkv12:piece lengthi16384e6:pieces20:…e`.
    const TORRENT: &[u8] = b"d8:announce14:http://tracker4:infod6:lengthi3e4:name5:a.mkv12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaae7:comment2:hie";

    #[test]
    fn a_torrents_hash_is_that_of_its_info_dictionary_as_written() {
        let info: &[u8] =
            b"d6:lengthi3e4:name5:a.mkv12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaae";
        assert_eq!(of_torrent(TORRENT), Some(hex_upper(&Sha1::digest(info))));
        assert_eq!(of_torrent(TORRENT).map(|h| h.len()), Some(40));
    }

    #[test]
    fn what_is_not_a_torrent_has_no_hash() {
        assert_eq!(of_torrent(b"<html>login</html>"), None);
        assert_eq!(of_torrent(b"d4:name1:ae"), None, "no info dictionary");
        assert_eq!(of_torrent(b"d4:infod4:name999:ae"), None, "cut short");
        let deep = format!("d4:info{}{}e", "l".repeat(100), "e".repeat(100));
        assert_eq!(of_torrent(deep.as_bytes()), None, "nested too deep");
    }

    #[test]
    fn magnet_links_name_their_hash_in_hex_or_base32() {
        let hex = "magnet:?xt=urn:btih:c9e15763f722f23e98a29decdfae341b98d53056&dn=Movie";
        assert_eq!(
            of_magnet(hex).as_deref(),
            Some("C9E15763F722F23E98A29DECDFAE341B98D53056")
        );
        // The same hash in base32.
        let b32 = "magnet:?dn=Movie&xt=urn:btih:ZHQVOY7XELZD5GFCTXWN7LRUDOMNKMCW";
        assert_eq!(
            of_magnet(b32).as_deref(),
            Some("C9E15763F722F23E98A29DECDFAE341B98D53056")
        );
        assert_eq!(of_magnet("magnet:?xt=urn:btih:nothex"), None);
        assert_eq!(of_magnet("http://example.com"), None);
    }
}
