# Walking-skeleton figures (issue #2): start-up and a 10,000-statement script.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
"$PSQL" -X -q -c "drop database if exists bench_skeleton" -c "create database bench_skeleton"
export PGDATABASE=bench_skeleton
"$PSQL" -X -q -c "create table t (id int primary key, name text, price numeric, at timestamptz)"
script=$(mktemp /tmp/psqlui-bench-XXXXXX.sql)
for i in $(seq 1 10000); do
  echo "insert into t values ($i, 'name $i', $i.25, '2024-01-01'::timestamptz + interval '$i minutes');"
done > "$script"
compare "startup: -c 'select 1' (target <= 2x)" -- "$PSQLUI" -X -c "select 1" -- "$PSQL" -X -c "select 1"
reset_table() { "$PSQL" -X -q -c "truncate t" >/dev/null; }
run_ours() { reset_table; "$PSQLUI" -X -q -f "$script"; }
run_theirs() { reset_table; "$PSQL" -X -q -f "$script"; }
export -f reset_table run_ours run_theirs
export PSQL PSQLUI script
compare "script: -f 10,000 INSERTs incl. truncate (target <= 1.1x)" -- bash -c run_ours -- bash -c run_theirs
rm -f "$script"
