//! Remote path mappings: a download client on another machine (or in a
//! container) names its files by its own paths; a mapping says where the
//! same folder is here, e.g. host `nas`, remote `/downloads/`, local
//! `/mnt/nas/downloads/`.

/// One mapping, as `/api/v3/remotepathmapping` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemotePathMapping {
    /// Its id.
    pub id: i32,
    /// The download client's host, as its settings name it.
    pub host: String,
    /// The folder as the client names it.
    pub remote_path: String,
    /// The same folder here.
    pub local_path: String,
}

/// A path's parts, with either separator: a client on Windows writes `\`.
fn parts(path: &str) -> Vec<&str> {
    path.split(['/', '\\']).filter(|p| !p.is_empty()).collect()
}

/// Whether `path` is `folder` or inside it. Windows paths compare without
/// regard to case, as Windows does.
fn within<'a>(folder: &str, path: &'a str) -> Option<Vec<&'a str>> {
    let folder_parts = parts(folder);
    let path_parts = parts(path);
    if path_parts.len() < folder_parts.len() {
        return None;
    }
    let windows = folder.contains('\\') || folder.chars().nth(1) == Some(':');
    let same = folder_parts.iter().zip(&path_parts).all(|(a, b)| {
        if windows {
            a.eq_ignore_ascii_case(b)
        } else {
            a == b
        }
    });
    same.then(|| path_parts[folder_parts.len()..].to_vec())
}

/// The local path for `path` as the client on `host` names it: the first
/// mapping for that host whose remote folder holds it, the longest first;
/// the path unchanged when none does.
pub fn to_local(mappings: &[RemotePathMapping], host: &str, path: &str) -> String {
    let mut candidates: Vec<&RemotePathMapping> = mappings
        .iter()
        .filter(|m| m.host.eq_ignore_ascii_case(host))
        .collect();
    candidates.sort_by_key(|m| std::cmp::Reverse(parts(&m.remote_path).len()));
    for mapping in candidates {
        if let Some(rest) = within(&mapping.remote_path, path) {
            let mut local = mapping.local_path.trim_end_matches(['/', '\\']).to_string();
            for part in rest {
                local.push('/');
                local.push_str(part);
            }
            return local;
        }
    }
    path.to_string()
}

/// Whether two mappings name the same remote folder on the same host.
pub fn same_remote(a: &RemotePathMapping, b: &RemotePathMapping) -> bool {
    a.host.eq_ignore_ascii_case(&b.host) && parts(&a.remote_path) == parts(&b.remote_path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping(host: &str, remote: &str, local: &str) -> RemotePathMapping {
        RemotePathMapping {
            id: 1,
            host: host.into(),
            remote_path: remote.into(),
            local_path: local.into(),
        }
    }

    #[test]
    fn a_client_path_under_a_mapped_folder_becomes_the_local_one() {
        let mappings = [
            mapping("nas", "/downloads/", "/mnt/nas/downloads/"),
            mapping("nas", "/downloads/movies", "/srv/movies-dl"),
            mapping("seedbox", "/home/user/files", "/mnt/seedbox"),
        ];
        assert_eq!(
            to_local(&mappings, "NAS", "/downloads/tv/Show.S01"),
            "/mnt/nas/downloads/tv/Show.S01"
        );
        assert_eq!(
            to_local(&mappings, "nas", "/downloads/movies/The.Matrix.1999/a.mkv"),
            "/srv/movies-dl/The.Matrix.1999/a.mkv",
            "the deepest mapping wins"
        );
        assert_eq!(
            to_local(&mappings, "other", "/downloads/x"),
            "/downloads/x",
            "another host's mapping does not apply"
        );
        assert_eq!(
            to_local(&mappings, "nas", "/downloadsx/y"),
            "/downloadsx/y",
            "a folder is matched whole, not as a prefix of a name"
        );
    }

    #[test]
    fn windows_client_paths_map_without_regard_to_case() {
        let mappings = [mapping("win", "D:\\Downloads\\", "/mnt/win")];
        assert_eq!(
            to_local(&mappings, "win", "d:\\downloads\\Movie.2020\\m.mkv"),
            "/mnt/win/Movie.2020/m.mkv"
        );
    }

    #[test]
    fn the_same_remote_folder_is_recognised_however_it_is_written() {
        let a = mapping("nas", "/downloads/", "/a");
        let b = mapping("NAS", "/downloads", "/b");
        assert!(same_remote(&a, &b));
        assert!(!same_remote(&a, &mapping("nas", "/downloads/x", "/a")));
    }
}
