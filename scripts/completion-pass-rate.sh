#!/usr/bin/env bash
# Pass rates of psqlui's completion on case sets derived from pgcli's and psql's own
# completion tests (issue 12). Their files stay outside the repository:
#
#   scripts/completion-pass-rate.sh THIRDPARTY_DIR
#
# THIRDPARTY_DIR holds
#   pgcli/        a pgcli checkout (its tests/ are run, with pytest)
#   venv/         a Python environment with pgcli installed and pytest
#                 (python3 -m venv venv && venv/bin/pip install pytest ./pgcli)
#   a PostgreSQL source tree (its src/bin/psql: t/010_tab_completion.pl, tab-complete.c)
# and prints, per set, passed/total; the failures go to files named in the output.
# The cases run against their own databases in a throwaway cluster (scripts/test-cluster.sh)
# unless PGHOST is set. PSQLUI names the binary (default .build/debug/psqlui).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
THIRD="$(cd "${1:?usage: $0 THIRDPARTY_DIR}" && pwd)"
export PSQLUI="${PSQLUI:-$ROOT/.build/debug/psqlui}"
if [ -z "${PGHOST:-}" ] && [ -z "${PSQLUI_PASS_RATE_IN_CLUSTER:-}" ]; then
  exec env PSQLUI_PASS_RATE_IN_CLUSTER=1 "$ROOT/scripts/test-cluster.sh" "$0" "$@"
fi
if [ -n "${PSQLUI_TEST_PGHOST:-}" ]; then
  export PGHOST="$PSQLUI_TEST_PGHOST" PGPORT="$PSQLUI_TEST_PGPORT" PGUSER="$PSQLUI_TEST_PGUSER"
  export PSQL="${PSQL:-$PSQLUI_TEST_PG_BINDIR/psql}"
fi
export PSQL="${PSQL:-psql}"
WORK="$(mktemp -d /tmp/psqlui-pass-rate-XXXXXX)"
export PYTHONPATH="$HERE/completion-pass-rate"
echo "work folder (failures): $WORK"

PSQL_SRC="$(find "$THIRD" -maxdepth 5 -type d -path "*/src/bin/psql" 2>/dev/null | head -1 || true)"
if [ -n "$PSQL_SRC" ]; then
  python3 "$HERE/completion-pass-rate/psql_cases.py" "$PSQL_SRC" passrate "$WORK"
else
  echo "no src/bin/psql under $THIRD: psql's sets skipped"
fi

if [ -x "$THIRD/venv/bin/python" ] && [ -d "$THIRD/pgcli/tests" ]; then
  for t in test_smart_completion_public_schema_only.py test_smart_completion_multiple_schemata.py; do
    out="$WORK/pgcli-$t.txt"
    (cd "$THIRD/pgcli/tests" && PASSRATE_LOG="$WORK/pgcli-$t.failures.txt" \
      "$THIRD/venv/bin/python" -m pytest -q -p pgcli_plugin -p no:cacheprovider --tb=no "$t" >"$out" 2>&1) || true
    summary="$(tail -1 "$out")"
    passed="$(grep -oE '[0-9]+ passed' <<<"$summary" | grep -oE '[0-9]+' || echo 0)"
    failed="$(grep -oE '[0-9]+ failed' <<<"$summary" | grep -oE '[0-9]+' || echo 0)"
    errors="$(grep -oE '[0-9]+ error' <<<"$summary" | grep -oE '[0-9]+' || echo 0)"
    total=$((passed + failed + errors))
    echo "pgcli $t: $passed/$total pass ($(awk -v p="$passed" -v t="$total" 'BEGIN { printf "%.1f", t ? 100 * p / t : 0 }')%), failures in $WORK/pgcli-$t.failures.txt"
  done
else
  echo "no venv/ or pgcli/tests under $THIRD: pgcli's sets skipped"
fi
