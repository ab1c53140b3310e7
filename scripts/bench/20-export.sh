# Export figures (issue #4): csv/json/ndjson/aligned over 1M rows, against psql and
# against psqlui's own csv; peak memory of an export at 100k vs 1M rows (it streams,
# so it should not grow with the row count).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PGBENCH="${PGBENCH:-$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | tail -1)}"
"$PSQL" -X -q -c "drop database if exists bench_export" -c "create database bench_export"
export PGDATABASE=bench_export
"$PGBENCH" -i -s 10 -q bench_export >/dev/null 2>&1
"$PSQL" -X -q <<'SQL'
create table mixed as
select g as id,
       'name ' || g || case when g % 7 = 0 then ', with "quotes"' else '' end as name,
       (g * 1.25)::numeric(12,2) as price,
       g % 2 = 0 as flag,
       timestamptz '2024-01-01' + g * interval '1 minute' as at,
       case when g % 5 = 0 then null else jsonb_build_object('k', g, 'tags', jsonb_build_array('a', g % 10)) end as doc,
       case when g % 3 = 0 then null else md5(g::text) end as note
from generate_series(1, 1000000) g;
vacuum analyze mixed;
SQL

# own_compare NAME -- A... -- B... : like compare, but both sides are psqlui.
own_compare() {
  local name="$1"; shift; shift
  local a=() b=() seen=0
  for x in "$@"; do
    if [ "$x" = "--" ]; then seen=1; continue; fi
    if [ $seen = 0 ]; then a+=("$x"); else b+=("$x"); fi
  done
  local at=() bt=()
  for _ in $(seq "$BENCH_RUNS"); do at+=("$(seconds_of "${a[@]}")"); bt+=("$(seconds_of "${b[@]}")"); done
  local am bm
  am=$(printf '%s\n' "${at[@]}" | median); bm=$(printf '%s\n' "${bt[@]}" | median)
  awk -v n="$name" -v a="$am" -v b="$bm" -v r="$(peak_kib "${a[@]}")" \
    'BEGIN { printf "%s: psqlui %.3f s (%d KiB) / own csv %.3f s = ratio %.2f\n", n, a, r, b, (b > 0 ? a / b : 0) }'
}

compare "csv 1M pgbench_accounts > /dev/null (target <= 1.0x)" \
  -- "$PSQLUI" -X --csv -c "select * from pgbench_accounts" \
  -- "$PSQL" -X --csv -c "select * from pgbench_accounts"
compare "csv 1M mixed > /dev/null" \
  -- "$PSQLUI" -X --csv -c "select * from mixed" \
  -- "$PSQL" -X --csv -c "select * from mixed"
own_compare "json 1M mixed vs own csv" \
  -- "$PSQLUI" -X --format json -c "select * from mixed" \
  -- "$PSQLUI" -X --csv -c "select * from mixed"
own_compare "ndjson 1M mixed vs own csv" \
  -- "$PSQLUI" -X --format ndjson -c "select * from mixed" \
  -- "$PSQLUI" -X --csv -c "select * from mixed"
aligned_ours() { "$PSQLUI" -X -c "select * from pgbench_accounts" | cat >/dev/null; }
aligned_theirs() { "$PSQL" -X -c "select * from pgbench_accounts" | cat >/dev/null; }
export -f aligned_ours aligned_theirs
export PSQL PSQLUI
compare "aligned 1M pgbench_accounts | cat" -- bash -c aligned_ours -- bash -c aligned_theirs
rss100k=$(peak_kib "$PSQLUI" -X --csv -c "select * from mixed limit 100000")
rss1m=$(peak_kib "$PSQLUI" -X --csv -c "select * from mixed")
echo "peak RSS csv export: 100k rows ${rss100k} KiB / 1M rows ${rss1m} KiB"
"$PSQL" -X -q -c "\\c postgres" -c "drop database bench_export" >/dev/null 2>&1 || true
