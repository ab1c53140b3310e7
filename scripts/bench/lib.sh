# Helpers for benchmark scripts (sourced). Every figure is a median of N
# alternating runs; peak memory comes from /usr/bin/time -f %M (KiB).
BENCH_RUNS="${BENCH_RUNS:-5}"

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
  /usr/bin/time -f %M -o /tmp/psqlui-bench-rss "$@" >/dev/null 2>&1 || true
  tail -1 /tmp/psqlui-bench-rss
}

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# compare NAME -- OURS_CMD... -- THEIRS_CMD... : alternating runs, prints
# "NAME: psqlui X s (RSS KiB) / psql Y s (RSS KiB) = ratio R".
compare() {
  local name="$1"; shift; shift
  local ours=() theirs=() seen=0
  for a in "$@"; do
    if [ "$a" = "--" ]; then seen=1; continue; fi
    if [ $seen = 0 ]; then ours+=("$a"); else theirs+=("$a"); fi
  done
  local o=() t=()
  for _ in $(seq "$BENCH_RUNS"); do
    o+=("$(seconds_of "${ours[@]}")")
    t+=("$(seconds_of "${theirs[@]}")")
  done
  local om tm orss trss
  om=$(printf '%s\n' "${o[@]}" | median)
  tm=$(printf '%s\n' "${t[@]}" | median)
  orss=$(peak_kib "${ours[@]}")
  trss=$(peak_kib "${theirs[@]}")
  awk -v n="$name" -v o="$om" -v t="$tm" -v orss="$orss" -v trss="$trss" \
    'BEGIN { printf "%s: psqlui %.3f s (%d KiB) / psql %.3f s (%d KiB) = ratio %.2f\n", n, o, orss, t, trss, (t > 0 ? o / t : 0) }'
}
