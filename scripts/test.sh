#!/usr/bin/env bash
# The project's one test command, the same on a developer's machine and in CI.
#
#   scripts/test.sh [ARGS...]        fmt, clippy, then the tests; ARGS go to the test runner
#   scripts/test.sh --postgres-only  start the throwaway PostgreSQL, print its URL, query it, stop
#
# It installs what it needs (PostgreSQL server, python3-venv, the download clients, ffmpeg,
# chromium and chromium-driver for the browser tests)
# from Debian's packages when missing, starts a throwaway PostgreSQL cluster and the real
# download clients (scripts/test-services.sh) on free loopback ports, makes a Python
# virtual environment with pyarr for the client-compatibility test, and exports:
#   UNIFIED_RADARR_TEST_POSTGRES_URL  postgres://postgres@127.0.0.1:PORT/postgres
#   UNIFIED_RADARR_TEST_PYTHON        the venv's python, which has pyarr==5.2.0
#   UNIFIED_RADARR_TEST_QBITTORRENT, _TRANSMISSION, _NZBGET  each client's URL
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd)

PYARR_VERSION=5.2.0
VENV_DIR="$REPO_ROOT/target/test-venv"

POSTGRES_ONLY=0
if [[ "${1:-}" == "--postgres-only" ]]; then
    POSTGRES_ONLY=1
    shift
fi

step() { printf '\n==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() {
    printf 'scripts/test.sh: %s\n' "$*" >&2
    exit 1
}

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Runs apt-get as root (through sudo when we are not root), without questions.
apt_get() {
    if is_root; then
        DEBIAN_FRONTEND=noninteractive apt-get "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo env DEBIAN_FRONTEND=noninteractive apt-get "$@"
    else
        die "need root or sudo to run: apt-get $*"
    fi
}

APT_UPDATED=0
apt_install() {
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install these yourself: $*"
    if [[ $APT_UPDATED -eq 0 ]]; then
        apt_get update -qq
        APT_UPDATED=1
    fi
    apt_get install -y -qq --no-install-recommends --no-upgrade "$@"
}

# ---------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------

PG_BIN=""
# Sets PG_BIN to a directory holding initdb, pg_ctl and postgres, or returns 1.
find_pg_bin() {
    local dir candidate
    # pg_ctl finds postgres beside its real path, so resolve symlinks (Debian's
    # binaries live in /usr/lib/postgresql/N/bin; some images link them into PATH).
    if candidate=$(command -v pg_ctl 2>/dev/null); then
        dir=$(dirname "$(readlink -f "$candidate")")
        if [[ -x "$dir/initdb" && -x "$dir/postgres" ]]; then
            PG_BIN=$dir
            return 0
        fi
    fi
    # Highest installed major version first.
    while IFS= read -r dir; do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
            PG_BIN=$dir
            return 0
        fi
    done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k5,5 -V -r)
    return 1
}

ensure_postgres() {
    if find_pg_bin; then
        return 0
    fi
    step "Installing PostgreSQL (apt-get install postgresql)"
    apt_install postgresql
    find_pg_bin || die "PostgreSQL installed but initdb/pg_ctl/postgres not found"
}

# initdb and the server refuse to run as root: as root, run them as `postgres`.
ensure_postgres_user() {
    if getent passwd postgres >/dev/null; then
        return 0
    fi
    useradd --system --user-group --no-create-home --home-dir /var/lib/postgresql \
        --shell /usr/sbin/nologin postgres
}

# Runs a PostgreSQL server tool as the cluster's owner, from inside the temp dir
# (the owner may not be allowed into the caller's working directory).
run_pg() {
    if is_root; then
        (cd "$PG_TMP" && runuser -u postgres -- "$@")
    else
        (cd "$PG_TMP" && "$@")
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

PG_TMP=""
PG_DATA=""
cleanup_postgres() {
    if [[ -n "$PG_TMP" && -d "$PG_TMP" ]]; then
        if [[ -n "$PG_DATA" && -f "$PG_DATA/postmaster.pid" ]]; then
            run_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 ||
                run_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 stop >/dev/null 2>&1 ||
                true
        fi
        rm -rf "$PG_TMP"
    fi
}

start_postgres() {
    ensure_postgres
    step "Starting a throwaway PostgreSQL ($PG_BIN)"

    if is_root; then
        ensure_postgres_user
        # /tmp, not $TMPDIR: the postgres user must be able to reach the directory.
        PG_TMP=$(mktemp -d /tmp/ur-pg.XXXXXX)
        chown postgres:postgres "$PG_TMP"
    else
        PG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/ur-pg.XXXXXX")
    fi
    chmod 700 "$PG_TMP"
    PG_DATA="$PG_TMP/data"

    if ! run_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust --no-sync \
        --no-locale -E UTF8 >"$PG_TMP/initdb.log" 2>&1; then
        cat "$PG_TMP/initdb.log" >&2
        die "initdb failed"
    fi

    # Trust, and only from the socket in the temp dir and from loopback.
    run_pg tee "$PG_DATA/pg_hba.conf" >/dev/null <<'EOF'
local   all   all                 trust
host    all   all   127.0.0.1/32  trust
host    all   all   ::1/128       trust
EOF
    run_pg tee -a "$PG_DATA/postgresql.conf" >/dev/null <<EOF

# scripts/test.sh: a throwaway cluster for tests
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_TMP'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

    # A free port can be taken between picking it and binding it: try a few.
    local attempt
    PG_PORT=""
    for attempt in 1 2 3 4 5; do
        local port
        port=$(free_port)
        if run_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_TMP/server.log" -w -t 60 \
            -o "-p $port" start >/dev/null 2>&1; then
            PG_PORT=$port
            break
        fi
        note "start on port $port failed (attempt $attempt)"
    done
    if [[ -z "$PG_PORT" ]]; then
        cat "$PG_TMP/server.log" >&2 || true
        die "could not start PostgreSQL"
    fi

    # pg_ctl -w waited for the server to say it is ready; also wait for the TCP port.
    local i
    for i in $(seq 1 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; then
            break
        fi
        [[ $i -eq 100 ]] && die "PostgreSQL did not accept connections on 127.0.0.1:$PG_PORT"
        sleep 0.1
    done
    if [[ -x "$PG_BIN/pg_isready" ]]; then
        for i in $(seq 1 100); do
            if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres; then
                break
            fi
            [[ $i -eq 100 ]] && die "PostgreSQL is not ready on 127.0.0.1:$PG_PORT"
            sleep 0.1
        done
    fi

    export UNIFIED_RADARR_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
    note "UNIFIED_RADARR_TEST_POSTGRES_URL=$UNIFIED_RADARR_TEST_POSTGRES_URL"
}

# ---------------------------------------------------------------------------
# Python virtual environment with pyarr
# ---------------------------------------------------------------------------

venv_has_pyarr() {
    [[ -x "$VENV_DIR/bin/python" ]] &&
        "$VENV_DIR/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('pyarr') != '$PYARR_VERSION')" \
            >/dev/null 2>&1
}

# Creates $VENV_DIR with the given interpreter; removes any half-made one on failure.
make_venv() {
    rm -rf "$VENV_DIR"
    mkdir -p "$(dirname "$VENV_DIR")"
    if "$1" -m venv "$VENV_DIR" >/dev/null 2>&1 && [[ -x "$VENV_DIR/bin/python" ]] &&
        "$VENV_DIR/bin/python" -m pip --version >/dev/null 2>&1; then
        return 0
    fi
    rm -rf "$VENV_DIR"
    return 1
}

ensure_venv() {
    step "Python venv with pyarr==$PYARR_VERSION ($VENV_DIR)"
    if venv_has_pyarr; then
        note "reusing it"
    else
        local py
        py=$(command -v python3 || true)
        if [[ -z "$py" ]] || ! make_venv "$py"; then
            # Debian's python3 needs python3-venv (and the versioned python3.X-venv) for
            # `python3 -m venv`; another python3 that cannot make one is replaced by Debian's.
            local pkgs=(python3 python3-venv)
            if [[ -x /usr/bin/python3 ]]; then
                local ver
                ver=$(/usr/bin/python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
                pkgs+=("python$ver-venv")
            fi
            note "python3 -m venv does not work; installing ${pkgs[*]}"
            apt_install "${pkgs[@]}"
            py=$(command -v python3 || echo /usr/bin/python3)
            if ! make_venv "$py"; then
                make_venv /usr/bin/python3 || die "python3 -m venv still fails"
            fi
        fi
        "$VENV_DIR/bin/python" -m pip install --quiet --disable-pip-version-check \
            "pyarr==$PYARR_VERSION"
        venv_has_pyarr || die "pyarr==$PYARR_VERSION is not importable from $VENV_DIR"
    fi
    export UNIFIED_RADARR_TEST_PYTHON="$VENV_DIR/bin/python"
    note "UNIFIED_RADARR_TEST_PYTHON=$UNIFIED_RADARR_TEST_PYTHON"
}

# Debian's Chromium and its WebDriver, for the browser tests (tests/browser).
ensure_chromium() {
    step "Chromium and chromedriver"
    if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
        note "installed: $(/usr/bin/chromedriver --version | head -n 1)"
    else
        apt_install chromium chromium-driver
    fi
}

# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

# shellcheck source=scripts/test-services.sh
source "$REPO_ROOT/scripts/test-services.sh"

CLIENTS_TMP=""
cleanup() {
    stop_download_clients
    if [[ -n "$CLIENTS_TMP" ]]; then
        sleep 0.5 # let the clients exit before their folders go
        rm -rf "$CLIENTS_TMP" || true
    fi
    cleanup_postgres
}

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

command -v python3 >/dev/null 2>&1 || apt_install python3

start_postgres

if [[ $POSTGRES_ONLY -eq 1 ]]; then
    step "psql select version()"
    psql_bin="$PG_BIN/psql"
    [[ -x "$psql_bin" ]] || psql_bin=psql
    "$psql_bin" "$UNIFIED_RADARR_TEST_POSTGRES_URL" -X -A -t -c 'select version()'
    "$psql_bin" "$UNIFIED_RADARR_TEST_POSTGRES_URL" -X -A -t -F ' = ' -c \
        "select name, setting from pg_settings where name in
         ('listen_addresses', 'port', 'unix_socket_directories', 'max_connections', 'fsync')"
    step "Stopping PostgreSQL"
    exit 0
fi

ensure_venv
ensure_chromium

CLIENTS_TMP=$(mktemp -d /tmp/ur-clients.XXXXXX)
start_download_clients "$CLIENTS_TMP"

locked=()
if git -C "$REPO_ROOT" ls-files --error-unmatch Cargo.lock >/dev/null 2>&1; then
    locked=(--locked)
fi

step "cargo fmt --all -- --check"
cargo fmt --all -- --check

step "cargo clippy --workspace --all-targets${locked[*]:+ ${locked[*]}} -- -D warnings"
cargo clippy --workspace --all-targets "${locked[@]}" -- -D warnings

if cargo nextest --version >/dev/null 2>&1; then
    # Doctests first: nextest does not run them, and the run should end on the main
    # test runner's summary. Extra arguments reach the doctests only when they are
    # plain name filters (nextest options mean nothing to `cargo test --doc`).
    doc_args=()
    plain_filters=1
    for arg in "$@"; do
        [[ "$arg" == -* ]] && plain_filters=0
    done
    if [[ $plain_filters -eq 1 ]]; then
        doc_args=("$@")
    fi
    if [[ $plain_filters -eq 1 ]]; then
        step "cargo test --workspace --doc${*:+ $*}"
        cargo test --workspace --doc "${doc_args[@]}"
    else
        step "cargo test --workspace --doc (skipped: runner options given)"
    fi

    step "cargo nextest run --workspace${*:+ $*}"
    cargo nextest run --workspace "$@"
else
    # Without nextest, `cargo test` runs the doctests too.
    step "cargo test --workspace${*:+ $*} (cargo-nextest not installed)"
    cargo test --workspace "$@"
fi
