//! What the client tests share: the address of each real client, read from
//! the variable `scripts/test.sh` (through `scripts/test-services.sh`) sets.

use downloaders::Connection;

/// The connection to the client whose URL is in `variable`, e.g.
/// `UNIFIED_RADARR_TEST_QBITTORRENT=http://admin:adminadmin@127.0.0.1:8080`.
pub fn connection(variable: &str) -> Connection {
    let url = std::env::var(variable).unwrap_or_else(|_| {
        panic!(
            "{variable} is not set: run `scripts/test.sh`, or start the clients with \
             `scripts/test-services.sh DIR` and export what it prints"
        )
    });
    let rest = url.strip_prefix("http://").unwrap_or(&url);
    let (credentials, address) = rest.rsplit_once('@').unwrap_or(("", rest));
    let (username, password) = credentials.split_once(':').unwrap_or((credentials, ""));
    let address = address.trim_end_matches('/');
    let (host, port) = address
        .rsplit_once(':')
        .unwrap_or_else(|| panic!("{variable} has no port: {url}"));
    Connection {
        host: host.to_string(),
        port: port
            .parse()
            .unwrap_or_else(|_| panic!("{variable} has a bad port: {url}")),
        use_ssl: false,
        url_base: String::new(),
        username: username.to_string(),
        password: password.to_string(),
    }
}
