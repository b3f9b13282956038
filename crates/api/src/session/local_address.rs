//! Which client addresses count as local, as Radarr's `IsLocalAddress` counts
//! them: loopback, the private IPv4 ranges, link-local, and IPv6's
//! unique-local and old site-local ranges.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Whether `ip` is on this machine or a private network.
pub fn is_local_address(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_local_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            // A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d.
            Some(v4) => is_local_v4(v4),
            None => is_local_v6(v6),
        },
    }
}

fn is_local_v4(ip: Ipv4Addr) -> bool {
    // is_private covers 10/8, 172.16/12 and 192.168/16.
    ip.is_loopback() || ip.is_private() || ip.is_link_local()
}

fn is_local_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    ip.is_loopback()
        // fe80::/10, link-local.
        || first & 0xffc0 == 0xfe80
        // fec0::/10, site-local (deprecated, but Radarr still counts it).
        || first & 0xffc0 == 0xfec0
        // fc00::/7, unique-local.
        || first & 0xfe00 == 0xfc00
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(text: &str) -> bool {
        is_local_address(text.parse().unwrap())
    }

    #[test]
    fn loopback_private_and_link_local_addresses_are_local() {
        for address in [
            "127.0.0.1",
            "127.8.9.10",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.254",
            "192.168.1.20",
            "169.254.3.4",
            "::1",
            "fe80::1",
            "fec0::1",
            "fd12:3456::1",
            "fc00::1",
            "::ffff:192.168.1.2",
            "::ffff:127.0.0.1",
        ] {
            assert!(local(address), "{address}");
        }
    }

    #[test]
    fn public_addresses_are_not_local() {
        for address in [
            "8.8.8.8",
            "172.32.0.1",
            "172.15.255.255",
            "192.169.0.1",
            "100.64.0.1",
            "203.0.113.9",
            "2001:db8::1",
            "2606:4700::1111",
            "::ffff:8.8.8.8",
            "fe00::1",
        ] {
            assert!(!local(address), "{address}");
        }
    }
}
