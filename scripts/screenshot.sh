#!/usr/bin/env bash
# Screenshots of the real application for the README, taken headless:
#   scripts/screenshot.sh            # writes docs/screenshots/*.png
# Builds the app if needed (BUILD_DIR, default build/), then runs it under
# xvfb-run on migrations/analytics with RETORT_SCREENSHOT, which makes the
# window grab itself once the project is shown and exit.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib/common.sh"

out=$RETORT_ROOT/docs/screenshots
project=$RETORT_ROOT/migrations/analytics/alembic.ini
command -v xvfb-run >/dev/null 2>&1 || retort_ensure_packages xvfb xauth
retort_build --target retort
mkdir -p "$out"

# shot NAME [REVISION [TAB]]: the history with REVISION selected and the
# detail pane's TAB (upgrade, downgrade, python, preview, schema; default python).
shot() {
  local name=$1 select=${2:-} tab=${3:-}
  retort_log "docs/screenshots/$name.png"
  RETORT_SCREENSHOT="$out/$name.png" RETORT_SCREENSHOT_SELECT="$select" RETORT_SCREENSHOT_TAB="$tab" \
    xvfb-run -a -s "-screen 0 1400x900x24" \
    "$RETORT_BUILD_DIR/app/retort" "$project" ||
    retort_die "the app did not write $out/$name.png"
}

# The SQL pane with databases on the graph: a private cluster (stopped on
# exit) with two databases stamped by the real alembic, "local" at the merge
# (the two newest revisions pending, hollow) and "staging" at the head, saved as connections for the shot (no password:
# libpq reads the cluster's PGPASSFILE). d2f6b8a0c417's downgrade drops a
# constraint and two columns: three destructive statements, marked.
retort_export_alembic_python
eval "$("$here/pg-cluster.sh" start)"
trap '"$here/pg-cluster.sh" stop "$RETORT_TEST_PGSOCKET_DIR" >/dev/null 2>&1 || true' EXIT
base="postgresql://$RETORT_TEST_PGUSER@$RETORT_TEST_PGHOST:$RETORT_TEST_PGPORT"
connections=
for pair in local:0c8d4a6f1e93 staging:9b52e1c8f3a6; do
  name=${pair%%:*} rev=${pair#*:}
  "$RETORT_TEST_PG_BINDIR/psql" -q -X -h "$RETORT_TEST_PGSOCKET_DIR" -p "$RETORT_TEST_PGPORT" \
    -U "$RETORT_TEST_PGUSER" -d postgres -c "CREATE DATABASE analytics_$name" ||
    retort_die "could not create analytics_$name"
  DATABASE_URL="$base/analytics_$name" "$RETORT_ALEMBIC_PYTHON" -m alembic -c "$project" stamp "$rev" \
    >/dev/null 2>&1 || retort_die "alembic stamp $rev failed on analytics_$name"
  connections+="$name=$base/analytics_$name;"
done
# The merge revision: both lines of the branch joining, its source on the right,
# the nodes applied or pending as the active database says.
RETORT_SCREENSHOT_CONNECTIONS=$connections shot history 0c8d4a6f1e93
RETORT_SCREENSHOT_CONNECTIONS=$connections shot sql d2f6b8a0c417 downgrade
# The Schema tab at the merge: replayed on a scratch cluster the app starts and removes.
RETORT_SCREENSHOT_CONNECTIONS=$connections shot schema 0c8d4a6f1e93 schema
