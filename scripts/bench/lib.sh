# Helpers for benchmark scripts (sourced; bench.sh exports PSQLUI, PSQL and PG*).
# Every figure is a median of BENCH_RUNS alternating runs; wall and client CPU
# (user+sys) and peak memory come from /usr/bin/time (%e %U %S %M, KiB).
# PSQL is the psql binary itself, never a script wrapper such as Debian's pg_wrapper
# in /usr/bin (+~20 ms a start): a PSQL that starts with "#!" is replaced.
BENCH_RUNS="${BENCH_RUNS:-5}"
if [ -z "${PSQL:-}" ] || [ "$(head -c2 "$PSQL" 2>/dev/null)" = '#!' ]; then
  PSQL="$(pg_config --bindir 2>/dev/null)/psql"
  [ -x "$PSQL" ] || PSQL=$(ls /usr/lib/postgresql/*/bin/psql | tail -1)
  export PSQL
fi

# seconds_of CMD... : wall time of one run in seconds (stdout of CMD discarded).
seconds_of() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", (e - s) / 1e9 }'
}

# peak_kib CMD... : peak resident set size of one run, in KiB.
peak_kib() {
  /usr/bin/time -f %M -o /tmp/psqlui-bench-rss.$$ "$@" >/dev/null 2>&1 || true
  tail -1 /tmp/psqlui-bench-rss.$$
}

# measure CMD... : "WALL CPU RSS" of one run (seconds, seconds user+sys, KiB).
measure() {
  /usr/bin/time -f '%e %U %S %M' -o /tmp/psqlui-bench-m.$$ "$@" >/dev/null 2>&1 || true
  tail -1 /tmp/psqlui-bench-m.$$ | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
}

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# split_args A... -- B... : sets the arrays ours and theirs.
split_args() {
  ours=(); theirs=()
  local seen=0 a
  for a in "$@"; do
    if [ "$a" = "--" ] && [ $seen = 0 ]; then seen=1; continue; fi
    if [ $seen = 0 ]; then ours+=("$a"); else theirs+=("$a"); fi
  done
}

# compare NAME -- OURS_CMD... -- THEIRS_CMD... : alternating runs, prints
# "NAME: psqlui W s, CPU C s, R KiB / REF W s, CPU C s, R KiB = ratio wall X (CPU Y, RSS Z)".
# REF_LABEL (default psql) names the reference side. Wall times of sub-0.1 s runs
# come from date (ms resolution); /usr/bin/time's %e has only 10 ms.
compare() {
  local name="$1"; shift; shift
  split_args "$@"
  local ow=() tw=() oc=() tc=() orss=() trss=() m
  for _ in $(seq "$BENCH_RUNS"); do
    ow+=("$(seconds_of "${ours[@]}")"); tw+=("$(seconds_of "${theirs[@]}")")
    m=$(measure "${ours[@]}"); oc+=("$(echo "$m" | cut -d' ' -f2)"); orss+=("$(echo "$m" | cut -d' ' -f3)")
    m=$(measure "${theirs[@]}"); tc+=("$(echo "$m" | cut -d' ' -f2)"); trss+=("$(echo "$m" | cut -d' ' -f3)")
  done
  local a b c d e f
  a=$(printf '%s\n' "${ow[@]}" | median); b=$(printf '%s\n' "${oc[@]}" | median); c=$(printf '%s\n' "${orss[@]}" | median)
  d=$(printf '%s\n' "${tw[@]}" | median); e=$(printf '%s\n' "${tc[@]}" | median); f=$(printf '%s\n' "${trss[@]}" | median)
  awk -v n="$name" -v l="${REF_LABEL:-psql}" -v a="$a" -v b="$b" -v c="$c" -v d="$d" -v e="$e" -v f="$f" 'BEGIN {
    printf "%s: psqlui %.3f s, CPU %.2f s, %d KiB / %s %.3f s, CPU %.2f s, %d KiB = ratio wall %.2f (CPU %.2f, RSS %.2f)\n",
      n, a, b, c, l, d, e, f, (d > 0 ? a / d : 0), (e > 0 ? b / e : 0), (f > 0 ? c / f : 0) }'
}

# to_prompt CMD : seconds from start to the interactive prompt and out again
# (CMD runs in a pty via script(1) and reads "\q").
to_prompt() {
  local start end
  start=$(date +%s%N)
  printf '\\q\n' | script -qec "$1" /dev/null >/dev/null 2>&1 || true
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", (e - s) / 1e9 }'
}

# compare_prompt NAME OURS_CMDLINE THEIRS_CMDLINE : median time to the prompt.
compare_prompt() {
  local o=() t=()
  for _ in $(seq "$BENCH_RUNS"); do o+=("$(to_prompt "$2")"); t+=("$(to_prompt "$3")"); done
  local a b
  a=$(printf '%s\n' "${o[@]}" | median); b=$(printf '%s\n' "${t[@]}" | median)
  awk -v n="$1" -v a="$a" -v b="$b" -v l="${REF_LABEL:-psql}" \
    'BEGIN { printf "%s: psqlui %.3f s / %s %.3f s = ratio %.2f\n", n, a, l, b, (b > 0 ? a / b : 0) }'
}

# side_by_side NAME LABEL_A LABEL_B -- A... -- B... : alternating runs of two commands
# of the same program (e.g. two psqlui export formats); median time and peak RSS of
# each: "NAME: LABEL_A X s (RSS KiB) / LABEL_B Y s (RSS KiB) = ratio R".
side_by_side() {
  local name="$1" la="$2" lb="$3"; shift 4
  local a=() b=() seen=0
  for x in "$@"; do
    if [ "$x" = "--" ]; then seen=1; continue; fi
    if [ $seen = 0 ]; then a+=("$x"); else b+=("$x"); fi
  done
  local at=() bt=()
  for _ in $(seq "$BENCH_RUNS"); do at+=("$(seconds_of "${a[@]}")"); bt+=("$(seconds_of "${b[@]}")"); done
  awk -v n="$name" -v la="$la" -v lb="$lb" -v a="$(printf '%s\n' "${at[@]}" | median)" -v b="$(printf '%s\n' "${bt[@]}" | median)" \
      -v ra="$(peak_kib "${a[@]}")" -v rb="$(peak_kib "${b[@]}")" \
    'BEGIN { printf "%s: %s %.3f s (%d KiB) / %s %.3f s (%d KiB) = ratio %.2f\n", n, la, a, ra, lb, b, rb, (b > 0 ? a / b : 0) }'
}

# task_ms CMD... : CPU time (user+sys, ms) of one run from `perf stat` (task-clock),
# finer than /usr/bin/time's 10 ms; empty when perf is missing.
task_ms() {
  command -v perf >/dev/null || return 0
  perf stat -x, -e task-clock -o /tmp/psqlui-bench-tc.$$ "$@" >/dev/null 2>&1 || true
  awk -F, '/task-clock/ { printf "%.2f", $1 }' /tmp/psqlui-bench-tc.$$
}

# compare_cpu NAME -- OURS_CMD... -- THEIRS_CMD... : median CPU milliseconds of
# alternating runs (start-up figures: on a shared machine the wall time of a 10 ms
# process is mostly waiting for a core; its CPU time is not).
compare_cpu() {
  command -v perf >/dev/null || { echo "$1: perf not installed, skipped"; return 0; }
  local name="$1"; shift; shift
  split_args "$@"
  local o=() t=()
  for _ in $(seq "$BENCH_RUNS"); do o+=("$(task_ms "${ours[@]}")"); t+=("$(task_ms "${theirs[@]}")"); done
  awk -v n="$name" -v l="${REF_LABEL:-psql}" -v a="$(printf '%s\n' "${o[@]}" | median)" -v b="$(printf '%s\n' "${t[@]}" | median)" \
    'BEGIN { printf "%s: psqlui %.1f ms CPU / %s %.1f ms CPU = ratio %.2f\n", n, a, l, b, (b > 0 ? a / b : 0) }'
}
