#!/usr/bin/env bash
# The real download clients the tests talk to: qBittorrent, Transmission and NZBGet from
# Debian's packages, each started on a free loopback port with a throwaway configuration.
#
#   scripts/test-services.sh DIR   start them under DIR, print the exports, leave them running
#                                  (stop them with: kill $(cat DIR/*.pid))
#
# scripts/test.sh sources this file, calls start_download_clients and stops them at exit.
# Each client's URL carries its credentials and is exported for the tests:
#   UNIFIED_RADARR_TEST_QBITTORRENT   http://admin:adminadmin@127.0.0.1:PORT
#   UNIFIED_RADARR_TEST_TRANSMISSION  http://radarr:radarr@127.0.0.1:PORT
#   UNIFIED_RADARR_TEST_NZBGET        http://nzbget:tegbzn6789@127.0.0.1:PORT
# ffmpeg and ffprobe (for the small real video the import tests make) are installed too.
# None of the clients reaches the internet: DHT, peer exchange, local discovery and port
# forwarding are off, and NZBGet's one news server is a closed loopback port.

SERVICES_DIR=""

# Waits up to 20 s for a TCP port on loopback to accept connections.
wait_for_port() {
    local port=$1 name=$2 i
    for i in $(seq 1 200); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            return 0
        fi
        sleep 0.1
    done
    printf 'scripts/test-services.sh: %s did not listen on 127.0.0.1:%s\n' "$name" "$port" >&2
    return 1
}

# Runs a daemon in the background, its output in DIR/NAME.log and its pid in DIR/NAME.pid.
run_daemon() {
    local name=$1
    shift
    "$@" >"$SERVICES_DIR/$name.log" 2>&1 &
    echo $! >"$SERVICES_DIR/$name.pid"
}

start_qbittorrent() {
    local port dir="$SERVICES_DIR/qbittorrent"
    port=$(free_port)
    mkdir -p "$dir/qBittorrent/config" "$dir/downloads"
    # Version 4.5 takes admin/adminadmin until a password is set; the legal notice is
    # accepted here, or the first start waits for an answer on the terminal.
    cat >"$dir/qBittorrent/config/qBittorrent.conf" <<EOF
[LegalNotice]
Accepted=true

[BitTorrent]
Session\\DHTEnabled=false
Session\\LSDEnabled=false
Session\\PeXEnabled=false
Session\\Port=$(free_port)
Session\\DefaultSavePath=$dir/downloads
Session\\TempPathEnabled=false

[Preferences]
Connection\\UPnP=false
WebUI\\Address=127.0.0.1
WebUI\\Port=$port
WebUI\\LocalHostAuth=true
WebUI\\HostHeaderValidation=false
WebUI\\Username=admin
EOF
    HOME="$dir" run_daemon qbittorrent qbittorrent-nox --profile="$dir"
    wait_for_port "$port" qbittorrent-nox || return 1
    export UNIFIED_RADARR_TEST_QBITTORRENT="http://admin:adminadmin@127.0.0.1:$port"
}

start_transmission() {
    local port dir="$SERVICES_DIR/transmission"
    port=$(free_port)
    mkdir -p "$dir/config" "$dir/downloads"
    run_daemon transmission transmission-daemon --foreground --config-dir "$dir/config" \
        --rpc-bind-address 127.0.0.1 --port "$port" --allowed 127.0.0.1 \
        --auth --username radarr --password radarr --download-dir "$dir/downloads" \
        --no-dht --no-lpd --no-portmap --peerport "$(free_port)"
    wait_for_port "$port" transmission-daemon || return 1
    export UNIFIED_RADARR_TEST_TRANSMISSION="http://radarr:radarr@127.0.0.1:$port"
}

start_nzbget() {
    local port dir="$SERVICES_DIR/nzbget"
    port=$(free_port)
    mkdir -p "$dir"
    # No news server answers on port 1, so every download fails: the tests use that for
    # the failed-download path, and NZBGet's queue and history for the rest.
    cat >"$dir/nzbget.conf" <<EOF
MainDir=$dir
DestDir=\${MainDir}/completed
InterDir=\${MainDir}/intermediate
NzbDir=\${MainDir}/nzb
QueueDir=\${MainDir}/queue
TempDir=\${MainDir}/tmp
ScriptDir=\${MainDir}/scripts
LockFile=\${MainDir}/nzbget.lock
LogFile=\${MainDir}/nzbget.log
WebDir=/usr/share/nzbget/webui
ConfigTemplate=/usr/share/nzbget/webui/nzbget.conf
ControlIP=127.0.0.1
ControlPort=$port
ControlUsername=nzbget
ControlPassword=tegbzn6789
SecureControl=no
Server1.Active=yes
Server1.Host=127.0.0.1
Server1.Port=1
Server1.Connections=1
Category1.Name=movies
Category2.Name=radarr
WriteLog=append
ErrorTarget=log
InfoTarget=log
WarningTarget=log
DetailTarget=none
DebugTarget=none
OutputMode=loggable
EOF
    run_daemon nzbget nzbget --configfile "$dir/nzbget.conf" --server
    wait_for_port "$port" nzbget || return 1
    export UNIFIED_RADARR_TEST_NZBGET="http://nzbget:tegbzn6789@127.0.0.1:$port"
}

ensure_download_clients() {
    local missing=()
    command -v qbittorrent-nox >/dev/null 2>&1 || missing+=(qbittorrent-nox)
    command -v transmission-daemon >/dev/null 2>&1 || missing+=(transmission-daemon)
    command -v nzbget >/dev/null 2>&1 || missing+=(nzbget)
    command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
    if [[ ${#missing[@]} -gt 0 ]]; then
        step "Installing ${missing[*]}"
        apt_install "${missing[@]}"
    fi
}

# Starts the three clients under $1 and exports their URLs.
start_download_clients() {
    SERVICES_DIR=$1
    mkdir -p "$SERVICES_DIR"
    ensure_download_clients
    step "Starting qBittorrent, Transmission and NZBGet on loopback ($SERVICES_DIR)"
    start_qbittorrent
    start_transmission
    start_nzbget
    note "UNIFIED_RADARR_TEST_QBITTORRENT=$UNIFIED_RADARR_TEST_QBITTORRENT"
    note "UNIFIED_RADARR_TEST_TRANSMISSION=$UNIFIED_RADARR_TEST_TRANSMISSION"
    note "UNIFIED_RADARR_TEST_NZBGET=$UNIFIED_RADARR_TEST_NZBGET"
}

stop_download_clients() {
    local pid_file
    [[ -n "$SERVICES_DIR" && -d "$SERVICES_DIR" ]] || return 0
    for pid_file in "$SERVICES_DIR"/*.pid; do
        [[ -f "$pid_file" ]] && kill "$(cat "$pid_file")" 2>/dev/null
    done
    return 0
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    [[ $# -eq 1 ]] || {
        echo "usage: scripts/test-services.sh DIR" >&2
        exit 2
    }
    step() { printf '\n==> %s\n' "$*" >&2; }
    note() { printf '    %s\n' "$*" >&2; }
    free_port() {
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    }
    apt_install() {
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
    }
    start_download_clients "$(realpath -m "$1")"
    printf 'export UNIFIED_RADARR_TEST_QBITTORRENT=%s\n' "$UNIFIED_RADARR_TEST_QBITTORRENT"
    printf 'export UNIFIED_RADARR_TEST_TRANSMISSION=%s\n' "$UNIFIED_RADARR_TEST_TRANSMISSION"
    printf 'export UNIFIED_RADARR_TEST_NZBGET=%s\n' "$UNIFIED_RADARR_TEST_NZBGET"
fi
