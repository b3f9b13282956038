#!/usr/bin/env bash
# The load test: builds the release binary, seeds a library of full-sized
# movies, starts the real server on loopback and drives it with wrk.
#
#   scripts/load.sh [MOVIES]      (default 10000)
#
# Prints the figures docs/PERFORMANCE.md records. Needs wrk and curl (installed from
# Debian's packages when missing) and python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v wrk >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
    if [[ "$(id -u)" -eq 0 ]]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk curl
    else
        sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk curl
    fi
fi

cargo build --release -q -p unified-radarr --bin unified-radarr --example seed_library
exec python3 scripts/load.py "${1:-10000}"
