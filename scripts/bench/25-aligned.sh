# Aligned output of a long result (issue #11 item 13): psqlui sizes columns over the
# whole result like plain `psql -X`, keeping the first 1000 rows in memory and
# spooling the rest to an unlinked temporary file. Figures: time and peak RSS of
# 5M rows (target RSS <= 40 MiB) side by side with psql in the same run, and that
# both outputs are byte-identical.
# Run through scripts/bench.sh, or alone with PSQLUI/PSQL/PG* set:
#   PSQLUI=.build/release/psqlui PSQL=/usr/lib/postgresql/15/bin/psql bash scripts/bench/25-aligned.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PSQL="${PSQL:-/usr/lib/postgresql/15/bin/psql}"
PSQLUI="${PSQLUI:-$PWD/.build/release/psqlui}"
ROWS="${ALIGNED_ROWS:-5000000}"
QUERY="select g as id, md5(g::text) as hash, case when g = $((ROWS / 2)) then repeat('w', 40) else 'v' || (g % 1000) end as label from generate_series(1, $ROWS) g"

ours=$(mktemp); theirs=$(mktemp)
trap 'rm -f "$ours" "$theirs"' EXIT
"$PSQLUI" -X -c "$QUERY" >"$ours"
"$PSQL" -X -c "$QUERY" >"$theirs"
if cmp -s "$ours" "$theirs"; then same="byte-identical"; else same="DIFFERENT"; fi
rm -f "$ours" "$theirs"
echo "aligned $ROWS rows, psqlui vs psql -X output: $same"
compare "aligned $ROWS rows > /dev/null (target RSS <= 40960 KiB)" \
  -- "$PSQLUI" -X -c "$QUERY" \
  -- "$PSQL" -X -c "$QUERY"
compare "aligned $ROWS rows, FETCH_COUNT=1000 > /dev/null" \
  -- "$PSQLUI" -X -v FETCH_COUNT=1000 -c "$QUERY" \
  -- "$PSQL" -X -v FETCH_COUNT=1000 -c "$QUERY"
