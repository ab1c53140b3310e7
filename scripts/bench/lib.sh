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
