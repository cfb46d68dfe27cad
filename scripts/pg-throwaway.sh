#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL 15 cluster on 127.0.0.1:${PGPORT:-54329} for tests.
# Usage: scripts/pg-throwaway.sh start|stop   — prints the admin URL on start.
set -euo pipefail
PGPORT=${PGPORT:-54329}
DIR=${PG_THROWAWAY_DIR:-/tmp/emarge-pg-$PGPORT}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$BIN" ] || { echo "PostgreSQL n'est pas installé (apt-get install postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-start}" in
  start)
    if [ ! -f "$DIR/PG_VERSION" ]; then
      mkdir -p "$DIR"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
      as_pg "$BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
      cat >> "$DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$DIR'
max_connections = 300
fsync = on
shared_buffers = 256MB
CONF
    fi
    as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w status >/dev/null 2>&1 || as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w start >/dev/null
    echo "postgres://postgres@127.0.0.1:$PGPORT/postgres"
    ;;
  stop)
    as_pg "$BIN/pg_ctl" -D "$DIR" -m fast stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
