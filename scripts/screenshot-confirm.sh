#!/usr/bin/env bash
# A screenshot of the real confirmation dialog for the README, taken headless:
#   scripts/screenshot-confirm.sh      # writes docs/screenshots/confirm.png
# Starts a private PostgreSQL cluster, brings a database of migrations/analytics
# to its head with the real alembic, then runs the app under xvfb-run with
# RETORT_SCREENSHOT_CONFIRM: it opens "Downgrade to Here" on the branch point,
# takes a real pg_dump backup from the dialog, ticks "I reviewed the SQL",
# grabs the dialog and exits. Builds the app unless RETORT_APP names a binary.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"
# shellcheck source=lib/pgcluster.sh
. "$here/lib/pgcluster.sh"

out=$RETORT_ROOT/docs/screenshots
project=$RETORT_ROOT/migrations/analytics
retort_install_traps pgcluster_stop
PGCLUSTER_OWNER_PID=$$
command -v xvfb-run >/dev/null 2>&1 || retort_ensure_packages xvfb xauth
retort_export_alembic_python
if [ -n "${RETORT_APP:-}" ]; then
  app=$RETORT_APP
else
  retort_build --target retort
  app=$RETORT_BUILD_DIR/app/retort
fi
[ -x "$app" ] || retort_die "$app was not built"
mkdir -p "$out"

pgcluster_start
db=analytics
"$RETORT_TEST_PG_BINDIR/createdb" -w -h 127.0.0.1 -p "$RETORT_TEST_PGPORT" -U "$RETORT_TEST_PGUSER" "$db" ||
  retort_die "could not create database $db"
export DATABASE_URL=postgresql://$RETORT_TEST_PGUSER@127.0.0.1:$RETORT_TEST_PGPORT/$db
(cd "$project" && "$RETORT_ALEMBIC_PYTHON" -m alembic upgrade heads >/dev/null 2>&1) ||
  retort_die "alembic could not upgrade $db to heads"

# Neither read nor change the user's settings (saved connections, geometry).
settings=$(mktemp -d)
retort_log "docs/screenshots/confirm.png"
status=0
XDG_CONFIG_HOME=$settings RETORT_SCREENSHOT_CONFIRM="$out/confirm.png" RETORT_SCREENSHOT_SELECT=a91d0c6e5b27 \
  RETORT_SCREENSHOT_CONFIRM_OP=downgrade \
  xvfb-run -a -s "-screen 0 1400x900x24" "$app" "$project/alembic.ini" || status=$?
rm -rf "$settings"
[ "$status" -eq 0 ] || retort_die "the app did not write $out/confirm.png (status $status)"
