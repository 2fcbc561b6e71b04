#!/usr/bin/env bash
# Throwaway PostgreSQL server for tests (data in a temp dir, fsync off, trust auth).
#
#   scripts/throwaway-postgres.sh start   # last stdout line: postgresql://postgres@127.0.0.1:PORT/vh_test
#   scripts/throwaway-postgres.sh stop    # stop the server and delete its temp dir
#
# The temp dir is recorded in $VH_PG_STATE (default /tmp/vh-pg-state); database
# name is $VH_PG_DB (default vh_test). Works as root (runs the server as the
# `postgres` user) or as an ordinary user. Needs Debian's postgresql package.
# Typical use:
#   export VH_TEST_DATABASE_URL=$(scripts/throwaway-postgres.sh start | tail -n1)
set -euo pipefail

STATE=${VH_PG_STATE:-/tmp/vh-pg-state}
DB=${VH_PG_DB:-vh_test}

log() { echo "throwaway-postgres: $*" >&2; }

pg_bin() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
    [ -x "$bin/initdb" ] || { log "no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql)"; exit 1; }
    echo "$bin"
}

# Run a server-side command as the postgres user when we are root (the server refuses root).
# cd / first: runuser keeps the cwd, which `postgres` may not be allowed to read.
as_pg() {
    if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

stop() {
    [ -f "$STATE" ] || { log "not running (no state file $STATE)"; return 0; }
    local dir
    dir=$(cat "$STATE")
    if [ -n "$dir" ] && [ -d "$dir/data" ]; then
        as_pg "$(pg_bin)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 ||
            log "pg_ctl stop failed (server already gone?)"
    fi
    case "$dir" in /*/vh-pg.*) rm -rf -- "$dir" ;; esac
    rm -f -- "$STATE"
    log "stopped"
}

start() {
    if [ -f "$STATE" ]; then
        local old
        old=$(cat "$STATE")
        if [ -f "$old/url" ] && as_pg "$(pg_bin)/pg_ctl" -D "$old/data" status >/dev/null 2>&1; then
            log "already running"
            cat "$old/url"
            return 0
        fi
        log "removing stale state $STATE"
        stop
    fi

    local bin dir port url
    bin=$(pg_bin)
    dir=$(mktemp -d "${TMPDIR:-/tmp}/vh-pg.XXXXXX")
    chmod 755 "$dir"
    # Clean up after ourselves if anything below fails.
    trap 'log "start failed; server log:"; cat "$dir/log" >&2 2>/dev/null || true;
          as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf -- "$dir"' ERR
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi

    as_pg "$bin/initdb" -A trust -U postgres -E UTF8 --locale=C -D "$dir/data" >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; false; }
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$DB"

    url="postgresql://postgres@127.0.0.1:$port/$DB"
    echo "$url" >"$dir/url"
    echo "$dir" >"$STATE"
    trap - ERR
    log "running in $dir (state: $STATE)"
    echo "$url"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
