# Parquet export figures (issue #14): a 1M-row export of a mixed-type table to a
# file, beside psqlui's own csv export of the same query in the same run (time and
# peak RSS of both), with zstd, and peak RSS at 100k vs 1M rows (the writer streams
# row groups of bounded size, so memory must not grow with the row count).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
"$PSQL" -X -q -c "drop database if exists bench_parquet" -c "create database bench_parquet"
export PGDATABASE=bench_parquet
"$PSQL" -X -q <<'SQL'
create table mixed as
select g as id,
       'name ' || g as name,
       (g * 1.25)::numeric(12,2) as price,
       g % 2 = 0 as flag,
       timestamptz '2024-01-01' + g * interval '1 minute' as at,
       case when g % 5 = 0 then null else jsonb_build_object('k', g) end as doc,
       case when g % 3 = 0 then null else md5(g::text) end as note,
       array[g, g + 1] as pair
from generate_series(1, 1000000) g;
vacuum analyze mixed;
SQL
out=$(mktemp -d /tmp/psqlui-bench-parquet-XXXXXX)

side_by_side "1M mixed to a file" parquet csv \
  -- "$PSQLUI" -X --format parquet -o "$out/m.parquet" -c "select * from mixed" \
  -- "$PSQLUI" -X --csv -o "$out/m.csv" -c "select * from mixed"
zstd_export() { printf 'select * from mixed\n:export parquet compression=zstd > %s\n' "$out/z.parquet" | "$PSQLUI" -X; }
export -f zstd_export
export PSQLUI out
side_by_side "1M mixed to a file" "parquet compression=zstd" csv \
  -- bash -c zstd_export \
  -- "$PSQLUI" -X --csv -o "$out/m.csv" -c "select * from mixed"
"$PSQLUI" -X --format parquet -o "$out/m.parquet" -c "select * from mixed"
zstd_export
echo "file sizes: parquet $(stat -c %s "$out/m.parquet") B, parquet+zstd $(stat -c %s "$out/z.parquet" 2>/dev/null || echo '?') B, csv $(stat -c %s "$out/m.csv") B"
rss100k=$(peak_kib "$PSQLUI" -X --format parquet -o "$out/s.parquet" -c "select * from mixed limit 100000")
rss1m=$(peak_kib "$PSQLUI" -X --format parquet -o "$out/s.parquet" -c "select * from mixed")
echo "peak RSS parquet export: 100k rows ${rss100k} KiB / 1M rows ${rss1m} KiB"
rm -rf "$out"
"$PSQL" -X -q -c "\\c postgres" -c "drop database bench_parquet" >/dev/null 2>&1 || true
