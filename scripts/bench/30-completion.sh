#!/usr/bin/env bash
# Completion on 10,000 tables × 10 columns: metadata load after connect (< 1 s),
# completion p50/p99 over varied requests (in-process, hidden --bench-completion),
# time to the prompt on 10k tables vs an empty database (≤ 1.2×), cache memory.
# Receives PSQLUI (release binary), PSQL and PG* of the bench's server.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
: "${PSQLUI:?}" "${PSQL:?}"
"$PSQL" -qX -d postgres -c "set client_min_messages = warning" -c "drop database if exists bench_completion_big" -c "drop database if exists bench_completion_empty" \
  -c "create database bench_completion_big" -c "create database bench_completion_empty" >/dev/null
"$PSQL" -qX -d bench_completion_big -f "$HERE/30-completion-data.sql" >/dev/null

"$PSQLUI" -X -d bench_completion_big --bench-completion 3000 | sed 's/^/completion: /'

# Time to the prompt and back out (a pty via script(1); the prompt never waits for metadata).
to_prompt() {
  local db=$1 start end
  start=$(date +%s.%N)
  printf '\\q\n' | script -qec "$PSQLUI -X -d $db" /dev/null >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
big=(); empty=()
for i in 1 2 3 4 5; do big+=("$(to_prompt bench_completion_big)"); empty+=("$(to_prompt bench_completion_empty)"); done
median() { printf '%s\n' "$@" | sort -n | sed -n 3p; }
b=$(median "${big[@]}"); e=$(median "${empty[@]}")
echo "completion time to prompt: psqlui 10k tables $b s / empty db $e s = ratio $(echo "scale=2; $b / $e" | bc)"
rss=$(/usr/bin/time -f %M "$PSQLUI" -X -d bench_completion_big --bench-completion 10 2>&1 >/dev/null | tail -1)
echo "completion peak RSS with 10k-table cache: ${rss} KB"
echo "completion: another session's DDL (changes the catalog: last)"
PSQLUI_BENCH_DDL=1 "$PSQLUI" -X -d bench_completion_big --bench-completion 10 | grep DDL | sed 's/^/completion: /'
"$PSQL" -qX -d postgres -c "drop database bench_completion_big" -c "drop database bench_completion_empty" >/dev/null
