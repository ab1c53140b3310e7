# Start-up and scripts (issues #2, #13): `-X -c 'select 1'` as a whole process,
# time to the interactive prompt in a pty, and a 10,000-statement script, each
# against the psql binary (never Debian's pg_wrapper script).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
"$PSQL" -X -q -c "drop database if exists bench_skeleton" -c "create database bench_skeleton"
export PGDATABASE=bench_skeleton
"$PSQL" -X -q -c "create table t (id int primary key, name text, price numeric, at timestamptz)"
script=$(mktemp /tmp/psqlui-bench-XXXXXX.sql)
for i in $(seq 1 10000); do
  echo "insert into t values ($i, 'name $i', $i.25, '2024-01-01'::timestamptz + interval '$i minutes');"
done > "$script"
compare "startup: -X -c 'select 1' (target <= 1.5x wall, <= 16384 KiB)" -- "$PSQLUI" -X -c "select 1" -- "$PSQL" -X -c "select 1"
# The same without a connection: loading, linking and argument parsing alone (the
# part of start-up the server takes no share of; docs/PERFORMANCE.md).
compare "startup: --version, no connection (process start alone)" -- "$PSQLUI" --version -- "$PSQL" --version
compare_cpu "startup CPU: -X -c 'select 1'" -- "$PSQLUI" -X -c "select 1" -- "$PSQL" -X -c "select 1"
compare_cpu "startup CPU: --version" -- "$PSQLUI" --version -- "$PSQL" --version
compare_prompt "startup: to the interactive prompt, pty (target <= 1.5x)" "$PSQLUI -X" "$PSQL -X"
reset_table() { "$PSQL" -X -q -c "truncate t" >/dev/null; }
run_ours() { reset_table; "$PSQLUI" -X -q -f "$script"; }
run_theirs() { reset_table; "$PSQL" -X -q -f "$script"; }
export -f reset_table run_ours run_theirs
export PSQL PSQLUI script
compare "script: -f 10,000 INSERTs incl. truncate (target <= 1.0x)" -- bash -c run_ours -- bash -c run_theirs
rm -f "$script"
"$PSQL" -X -q -d postgres -c "drop database bench_skeleton" >/dev/null 2>&1 || true
