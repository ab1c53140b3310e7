#!/usr/bin/env bash
# make bench: starts a throwaway server, then runs every scripts/bench/NN-*.sh
# against it, side by side with psql, and prints ratios with the raw figures.
# Figures are only comparable within one run (shared, noisy 2-core machines).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null && command -v script >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y time bsdutils; }
export PSQLUI="${PSQLUI:-$PWD/.build/release/psqlui}"
# The psql binary itself, not Debian's Perl pg_wrapper (+~20 ms a start).
export PSQL="${PSQL:-$(pg_config --bindir 2>/dev/null)/psql}"
[ -x "$PSQL" ] || PSQL=$(ls /usr/lib/postgresql/*/bin/psql | tail -1)
[ -x "$PSQLUI" ] || { echo "build first: swift build -c release" >&2; exit 1; }
exec scripts/test-cluster.sh bash -c '
  export PGHOST="$PSQLUI_TEST_PGHOST" PGPORT="$PSQLUI_TEST_PGPORT" PGUSER="$PSQLUI_TEST_PGUSER" PGDATABASE=postgres
  source scripts/bench/lib.sh
  for b in scripts/bench/[0-9]*.sh; do
    echo "== $(basename "$b")"
    bash "$b" || echo "!! $(basename "$b") failed"
  done
'
