#!/usr/bin/env bash
# Completion at scale (issue 12): 100,000 tables × 10 columns plus the demo-like
# 10k schema's stems. Prints, against the issue's targets:
#   metadata ready after connect, cold (no cache on disk)      target < 3 s
#   metadata ready after connect, warm (cache on disk, same)   target < 0.3 s
#   one completion in-process, p50/p99 over 3000 varied requests (and per request, warm)   target p99 < 10 ms
#   memory of the loaded cache (RSS growth)                    target < 400 MiB
#   DDL by another session offered after the next prompt       target < 2 s
#   time to the prompt, 100k tables vs an empty database       target ≤ 1.2×
# Receives PSQLUI (release binary), PSQL and PG* of the bench's server.
# Building the 100k tables takes 7-25 minutes (CPU-bound); BENCH_COMPLETION_DB names
# an existing database of them to reuse instead (it is then kept).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/lib.sh"
: "${PSQLUI:?}" "${PSQL:?}"
DB="${BENCH_COMPLETION_DB:-}"
if [ -z "$DB" ]; then
  DB=bench_completion_100k
  "$PSQL" -qX -d postgres -c "set client_min_messages = warning" -c "drop database if exists $DB" -c "create database $DB" >/dev/null
  "$PSQL" -qX -d "$DB" -v tables=100000 -f "$HERE/30-completion-data-big.sql" >/dev/null
  DROP_DB=1
fi
"$PSQL" -qX -d postgres -c "set client_min_messages = warning" -c "drop database if exists bench_completion_empty" \
  -c "create database bench_completion_empty" >/dev/null
CACHE="$(mktemp -d /tmp/psqlui-bench-cache-XXXXXX)"
trap 'rm -rf "$CACHE"' EXIT

echo "completion scale: cold (no cache on disk)"
XDG_CACHE_HOME="$CACHE" "$PSQLUI" -X -d "$DB" --bench-completion 3000 | sed 's/^/completion scale cold: /'
echo "completion scale: warm (cache on disk, catalog unchanged)"
XDG_CACHE_HOME="$CACHE" PSQLUI_BENCH_PER_REQUEST=1 "$PSQLUI" -X -d "$DB" --bench-completion 3000 | sed 's/^/completion scale warm: /'
ls -l "$CACHE"/psqlui/catalog | sed 's/^/completion scale cache file: /'

# Time to the prompt and back out (a pty via script(1); the prompt never waits for metadata).
to_prompt() {
  local db=$1 start end
  start=$(date +%s%N)
  printf '\\q\n' | XDG_CACHE_HOME="$CACHE" script -qec "$PSQLUI -X -d $db" /dev/null >/dev/null
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", (e - s) / 1e9 }'
}
big=(); empty=()
for _ in $(seq "$BENCH_RUNS"); do big+=("$(to_prompt "$DB")"); empty+=("$(to_prompt bench_completion_empty)"); done
b=$(printf '%s\n' "${big[@]}" | median); e=$(printf '%s\n' "${empty[@]}" | median)
echo "completion scale time to prompt: psqlui 100k tables $b s / empty db $e s = ratio $(awk -v b="$b" -v e="$e" 'BEGIN { printf "%.2f", b / e }')"
rss=$(XDG_CACHE_HOME="$CACHE" /usr/bin/time -f %M "$PSQLUI" -X -d "$DB" --bench-completion 10 2>&1 >/dev/null | tail -1)
echo "completion scale peak RSS (warm, 100k tables): ${rss} KiB"
echo "completion scale: another session's DDL (changes the catalog: last)"
XDG_CACHE_HOME="$CACHE" PSQLUI_BENCH_DDL=1 "$PSQLUI" -X -d "$DB" --bench-completion 10 | grep DDL | sed 's/^/completion scale: /'
"$PSQL" -qX -d postgres -c "drop database bench_completion_empty" >/dev/null
if [ "${DROP_DB:-}" = 1 ]; then "$PSQL" -qX -d postgres -c "drop database $DB" >/dev/null; fi
