#!/usr/bin/env bash
# Starts one throwaway PostgreSQL cluster for a test run, runs a command with
# PSQLUI_TEST_* variables pointing at it, and always removes the cluster.
#
#   scripts/test-cluster.sh COMMAND [ARGS...]
#
# The server runs as the `postgres` OS user when we are root (it refuses root),
# listens only on a private Unix socket, with fsync off. A template database
# `psqlui_template` holds the demo schema; tests copy it per test.
set -euo pipefail

BINDIR="${PG_BINDIR:-}"
if [ -z "$BINDIR" ]; then
  if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then BINDIR="$(pg_config --bindir)"; fi
  for d in /usr/lib/postgresql/*/bin; do [ -z "$BINDIR" ] && [ -x "$d/initdb" ] && BINDIR="$d"; done
  [ -z "$BINDIR" ] && BINDIR="$(dirname "$(command -v initdb)")"
fi
ROOT="$(mktemp -d /tmp/psqlui-test-XXXXXX)"
DATA="$ROOT/data"; SOCK="$ROOT/sock"; LOG="$ROOT/server.log"
mkdir -p "$DATA" "$SOCK"
AS=()
if [ "$(id -u)" = 0 ]; then
  chown -R postgres "$ROOT"; chmod 755 "$ROOT"
  AS=(runuser -u postgres --)
fi
cleanup() {
  "${AS[@]}" "$BINDIR/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$ROOT"
}
trap cleanup EXIT INT TERM HUP

"${AS[@]}" "$BINDIR/initdb" -N -D "$DATA" -E UTF8 --locale=C.UTF-8 -U postgres -A trust >"$ROOT/initdb.log" 2>&1 \
  || { cat "$ROOT/initdb.log"; exit 1; }
"${AS[@]}" "$BINDIR/pg_ctl" -D "$DATA" -w -l "$LOG" \
  -o "-k $SOCK -c listen_addresses='' -c fsync=off -c full_page_writes=off -c max_connections=200 -c log_statement=${PSQLUI_TEST_LOG_STATEMENT:-none}" \
  start >/dev/null

export PSQLUI_TEST_PGHOST="$SOCK" PSQLUI_TEST_PGPORT=5432 PSQLUI_TEST_PGUSER=postgres
export PSQLUI_TEST_SERVER_LOG="$LOG" PSQLUI_TEST_PGDATA="$DATA" PSQLUI_TEST_PG_BINDIR="$BINDIR"
export LC_ALL=C.UTF-8 LANG=C.UTF-8
"$@"
