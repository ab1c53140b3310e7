# Issue 9 item 7: a minified dump — 100,000 INSERTs on ONE line — must run in flat
# memory (target peak RSS <= 64 MiB), side by side with psql in the same run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
STATEMENTS="${STATEMENTS:-100000}"
"$PSQL" -X -q -c "drop database if exists bench_one_line" -c "create database bench_one_line"
export PGDATABASE=bench_one_line
"$PSQL" -X -q -c "create table t (id int, name text)"
script=$(mktemp /tmp/psqlui-bench-XXXXXX.sql)
awk -v n="$STATEMENTS" 'BEGIN { for (i = 1; i <= n; i++) printf "insert into t values (%d, '\''n%d'\'');", i, i; printf "\n" }' > "$script"
run_ours() { "$PSQL" -X -q -c "truncate t" >/dev/null; "$PSQLUI" -X -q -f "$script"; }
run_theirs() { "$PSQL" -X -q -c "truncate t" >/dev/null; "$PSQL" -X -q -f "$script"; }
export -f run_ours run_theirs
export PSQL PSQLUI script
compare "one line of $STATEMENTS INSERTs incl. truncate (target <= 64 MiB peak RSS)" -- bash -c run_ours -- bash -c run_theirs
rm -f "$script"
"$PSQL" -X -q -d postgres -c "drop database bench_one_line"
