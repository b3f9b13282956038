#!/usr/bin/env bash
# The web UI's speed with a large library: builds the release binary, seeds a
# library, starts the real server on loopback, and measures the Movies page:
# the HTML's answer time on the server (curl), and first contentful paint and
# the time until every movie is listed in headless Chromium (chromedriver).
#
#   scripts/ui_load.sh [MOVIES]      (default 10000)
#
# Prints the figures docs/PERFORMANCE.md records. Needs curl, python3,
# chromium and chromium-driver (installed from Debian's packages when missing).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v curl >/dev/null 2>&1 || [[ ! -x /usr/bin/chromedriver ]]; then
    if [[ "$(id -u)" -eq 0 ]]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl chromium chromium-driver
    else
        sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl chromium chromium-driver
    fi
fi

cargo build --release -q -p unified-radarr --bin unified-radarr --example seed_library
exec python3 scripts/ui_load.py "${1:-10000}"
