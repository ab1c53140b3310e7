#!/usr/bin/env bash
# Runs PostgreSQL 15's own psql regression scripts through psql and psqlui on
# identical fresh databases and reports how many statements give identical output
# (stdout and stderr together, as pg_regress captures them; the program-name
# prefix `psqlui:` vs `psql:` is the only difference allowed).
#
#   scripts/psql-regress.sh DIR        # DIR holds psql.sql and psql_crosstab.sql
#
# The files are PostgreSQL's (src/test/regress/sql/ in the REL_15_STABLE source)
# and are not part of this repository; this script fetches nothing. Get them, e.g.:
#   git clone --depth 1 --branch REL_15_STABLE https://github.com/postgres/postgres pg15
#   scripts/psql-regress.sh pg15/src/test/regress/sql
# (or copy the two files from any public copy of the PostgreSQL 15 source tree).
#
# Without PGHOST set it starts its own throwaway cluster (scripts/test-cluster.sh).
# Environment: PSQLUI (default .build/debug/psqlui), PSQL (default
# /usr/lib/postgresql/15/bin/psql), REGRESS_OUT (where outputs and diffs go,
# default a temporary folder that is kept and printed).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
DIR="${1:-}"
if [ -z "$DIR" ] || [ ! -f "$DIR/psql.sql" ] || [ ! -f "$DIR/psql_crosstab.sql" ]; then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
DIR="$(cd "$DIR" && pwd)"
if [ -z "${PGHOST:-}" ] && [ -z "${PSQLUI_TEST_PGHOST:-}" ]; then
  exec "$ROOT/scripts/test-cluster.sh" "$0" "$@"
fi
export PGHOST="${PGHOST:-$PSQLUI_TEST_PGHOST}" PGPORT="${PGPORT:-${PSQLUI_TEST_PGPORT:-5432}}" PGUSER="${PGUSER:-${PSQLUI_TEST_PGUSER:-postgres}}"
PSQL="${PSQL:-/usr/lib/postgresql/15/bin/psql}"
PSQLUI="${PSQLUI:-$ROOT/.build/debug/psqlui}"
OUT="${REGRESS_OUT:-$(mktemp -d /tmp/psql-regress-XXXXXX)}"
mkdir -p "$OUT"
# pg_regress's environment and psql options.
export PGTZ=PST8PDT PGDATESTYLE="Postgres, MDY" LC_ALL=C.UTF-8 LANG=C.UTF-8
unset PAGER PSQL_PAGER PSQLUI_PAGER
OPTS=(-X -q -v HIDE_TABLEAM=on -v HIDE_TOAST_COMPRESSION=on)

run_one() { # NAME PROGRAM DB INPUT OUTPUT
  local prog="$2" db="$3" input="$4" output="$5"
  "$PSQL" -X -q -d postgres -c "drop database if exists $db" -c "create database $db template template0" >/dev/null 2>&1
  # Roles are cluster-wide: the scripts create and drop regress_* roles.
  "$PSQL" -X -q -d postgres -At -c "select 'drop role if exists ' || quote_ident(rolname) || ';' from pg_roles where rolname like 'regress\_%'" \
    | "$PSQL" -X -q -d postgres >/dev/null 2>&1 || true
  (cd "$DIR" && timeout 300 "$prog" "${OPTS[@]}" -d "$db" <"$input" >"$output" 2>&1) || true
}

total_same=0; total_all=0
for name in psql psql_crosstab; do
  python3 "$HERE/regress/mark_statements.py" "$DIR/$name.sql" >"$OUT/$name.marked.sql"
  run_one "$name" "$PSQL" regression "$OUT/$name.marked.sql" "$OUT/$name.psql.out"
  run_one "$name" "$PSQLUI" regression "$OUT/$name.marked.sql" "$OUT/$name.psqlui.out"
  read -r same all < <(python3 "$HERE/regress/compare_statements.py" "$DIR/$name.sql" "$OUT/$name.psql.out" "$OUT/$name.psqlui.out" "$OUT/$name.diff")
  echo "$name.sql: $same / $all statements identical (differences: $OUT/$name.diff)"
  total_same=$((total_same + same)); total_all=$((total_all + all))
done
echo "total: $total_same / $total_all statements identical"
