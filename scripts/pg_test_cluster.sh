#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS cluster for the store and server tests, in a directory of
# its own, listening only on a Unix socket inside that directory (no TCP port, nothing shared
# with a system cluster). PostgreSQL refuses to run as root, so as root the cluster runs as the
# unprivileged `postgres` user that Debian's postgresql package creates.
#
#   scripts/pg_test_cluster.sh start DIR   initialise and start; prints the URL to test against
#   scripts/pg_test_cluster.sh stop DIR    stop the cluster and remove DIR
#
# Use locally:
#   dir=$(mktemp -d); export GUARANTOR_TEST_POSTGRESQL_URL=$(scripts/pg_test_cluster.sh start "$dir")
#   (cd build/release && ctest -R 'store|server')
#   scripts/pg_test_cluster.sh stop "$dir"
set -euo pipefail
PG_BIN=${GUARANTOR_PG_BIN:-/usr/lib/postgresql/15/bin}
DATABASE=guarantor_test
USER_NAME=guarantor

usage() { echo "usage: scripts/pg_test_cluster.sh start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2

# Runs a PostgreSQL program as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    [ -x "$PG_BIN/initdb" ] || { echo "pg_test_cluster: $PG_BIN/initdb not found; run scripts/setup.sh" >&2; exit 1; }
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    # Trust authentication is safe here: the only way in is the socket inside DIR.
    as_owner "$PG_BIN/initdb" -D "$dir/data" -U "$USER_NAME" --auth=trust --no-sync --encoding=UTF8 --locale=C.UTF-8 \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c max_connections=200" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$PG_BIN/psql" -h "$dir" -U "$USER_NAME" -d postgres -q -v ON_ERROR_STOP=1 \
      -c "CREATE DATABASE $DATABASE" >/dev/null
    # PostGIS once, in public, before the tests run in parallel (each test works in a schema
    # of its own with public on its search path).
    as_owner "$PG_BIN/psql" -h "$dir" -U "$USER_NAME" -d "$DATABASE" -q -v ON_ERROR_STOP=1 \
      -c "CREATE EXTENSION postgis" >/dev/null
    echo "postgresql://$USER_NAME@/$DATABASE?host=$dir"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) usage ;;
esac
