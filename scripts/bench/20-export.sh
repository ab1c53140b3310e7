# Export figures (issues #4, #13): psqlui's exports against the floor, the server
# formatting rows itself (`psql -X -c '\copy (…) to stdout …'`), and against psql's
# own --csv; json/ndjson against psqlui's own csv; peak memory of an export from
# 100k to 5M rows (it streams, so it must stay flat).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PGBENCH="${PGBENCH:-$(pg_config --bindir 2>/dev/null)/pgbench}"
[ -x "$PGBENCH" ] || PGBENCH=$(ls /usr/lib/postgresql/*/bin/pgbench | tail -1)
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

REF_LABEL='\copy csv header'
compare "csv 1M pgbench_accounts > /dev/null vs floor (target <= 1.1x wall, <= 1.5x CPU)" \
  -- "$PSQLUI" -X --csv -c "select * from pgbench_accounts" \
  -- "$PSQL" -X -c '\copy (select * from pgbench_accounts) to stdout csv header'
REF_LABEL='\copy text'
compare "tsv 1M pgbench_accounts > /dev/null vs floor (target <= 1.05x wall)" \
  -- "$PSQLUI" -X --format tsv -c "select * from pgbench_accounts" \
  -- "$PSQL" -X -c '\copy (select * from pgbench_accounts) to stdout'
REF_LABEL='\copy csv header'
compare "csv 1M mixed > /dev/null vs floor (target <= 1.05x wall)" \
  -- "$PSQLUI" -X --csv -c "select * from mixed" \
  -- "$PSQL" -X -c '\copy (select * from mixed) to stdout csv header'
REF_LABEL='\copy text'
compare "tsv 1M mixed > /dev/null vs floor" \
  -- "$PSQLUI" -X --format tsv -c "select * from mixed" \
  -- "$PSQL" -X -c '\copy (select * from mixed) to stdout'
# The fast path against the ordinary one (single-row mode): a statement in
# parentheses keeps the ordinary path (CopyRoute takes none that starts with "(").
REF_LABEL='ordinary path'
compare "csv 1M mixed: COPY fast path vs ordinary path" \
  -- "$PSQLUI" -X --csv -c "select * from mixed" \
  -- "$PSQLUI" -X --csv -c "(select * from mixed)"
compare "tsv 1M mixed: COPY fast path vs ordinary path" \
  -- "$PSQLUI" -X --format tsv -c "select * from mixed" \
  -- "$PSQLUI" -X --format tsv -c "(select * from mixed)"
compare "csv 1M pgbench_accounts: COPY fast path vs ordinary path" \
  -- "$PSQLUI" -X --csv -c "select * from pgbench_accounts" \
  -- "$PSQLUI" -X --csv -c "(select * from pgbench_accounts)"
REF_LABEL='psql --csv'
compare "csv 1M pgbench_accounts > /dev/null vs psql --csv" \
  -- "$PSQLUI" -X --csv -c "select * from pgbench_accounts" \
  -- "$PSQL" -X --csv -c "select * from pgbench_accounts"
REF_LABEL='own csv'
compare "json 1M mixed vs own csv (target <= 1.3x)" \
  -- "$PSQLUI" -X --format json -c "select * from mixed" \
  -- "$PSQLUI" -X --csv -c "select * from mixed"
compare "ndjson 1M mixed vs own csv (target <= 1.3x)" \
  -- "$PSQLUI" -X --format ndjson -c "select * from mixed" \
  -- "$PSQLUI" -X --csv -c "select * from mixed"
# A json fast path would send COPY (SELECT row_to_json(q) FROM (…) q) and unescape
# COPY text on the way: its floor (no unescaping at all) must beat the ordinary path
# for it to be worth taking (docs/PERFORMANCE.md).
REF_LABEL='server row_to_json \copy'
compare "ndjson 1M mixed vs the json fast path's floor (below 1.0: no fast path)" \
  -- "$PSQLUI" -X --format ndjson -c "select * from mixed" \
  -- "$PSQL" -X -c '\copy (select row_to_json(q) from (select * from mixed) q) to stdout'
aligned_ours() { "$PSQLUI" -X -c "select * from pgbench_accounts" | cat >/dev/null; }
aligned_theirs() { "$PSQL" -X -c "select * from pgbench_accounts" | cat >/dev/null; }
export -f aligned_ours aligned_theirs
export PSQL PSQLUI
REF_LABEL=psql
compare "aligned 1M pgbench_accounts | cat" -- bash -c aligned_ours -- bash -c aligned_theirs
rss() { peak_kib "$PSQLUI" -X "$@"; }
q5m="select m.* from mixed m, generate_series(1, 5)"
echo "peak RSS of exports, 100k / 1M / 5M rows (target <= 20480 KiB, flat):" \
  "csv $(rss --csv -c "select * from mixed limit 100000") / $(rss --csv -c "select * from mixed") / $(rss --csv -c "$q5m") KiB;" \
  "tsv $(rss --format tsv -c "select * from mixed limit 100000") / $(rss --format tsv -c "select * from mixed") / $(rss --format tsv -c "$q5m") KiB;" \
  "ndjson $(rss --format ndjson -c "select * from mixed limit 100000") / $(rss --format ndjson -c "select * from mixed") / $(rss --format ndjson -c "$q5m") KiB;" \
  "floor \\copy csv $(peak_kib "$PSQL" -X -c "\\copy ($q5m) to stdout csv header") KiB at 5M"
"$PSQL" -X -q -d postgres -c "drop database bench_export" >/dev/null 2>&1 || true
