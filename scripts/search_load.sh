#!/usr/bin/env bash
# Interactive search timed against the real server with five fake Torznab
# indexers of 100 releases each (scripts/search_load.py).
#
#   scripts/search_load.sh [LATENCY_MS]    (default 0; e.g. 200 for slow indexers)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo build --release -q -p unified-radarr --bin unified-radarr --example seed_library
exec python3 scripts/search_load.py "${1:-0}"
