#!/usr/bin/env bash
# A screenshot of the real connection form for the README, taken headless:
#   scripts/screenshot-connections.sh   # writes docs/screenshots/connections.png
# Starts a private PostgreSQL cluster, stamps a database of migrations/analytics
# with the real alembic, then runs the app under xvfb-run with
# RETORT_SCREENSHOT_FORM: it saves a "staging" connection for the project (its
# password in the cluster's PGPASSFILE), opens Database > Connections…,
# presses Test, grabs the dialog and exits. Builds the app unless RETORT_APP
# names a binary.
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
url=postgresql+psycopg2://$RETORT_TEST_PGUSER@127.0.0.1:$RETORT_TEST_PGPORT/$db
(cd "$project" && DATABASE_URL=$url "$RETORT_ALEMBIC_PYTHON" -m alembic stamp heads >/dev/null 2>&1) ||
  retort_die "alembic could not stamp $db"

# Neither read nor change the user's settings (saved connections, geometry).
settings=$(mktemp -d)
retort_log "docs/screenshots/connections.png"
status=0
XDG_CONFIG_HOME=$settings RETORT_SCREENSHOT_FORM="$out/connections.png" \
  RETORT_SCREENSHOT_FORM_CONNECTIONS="staging:staging=$url?sslmode=prefer&application_name=retort&connect_timeout=5" \
  xvfb-run -a -s "-screen 0 1400x900x24" "$app" "$project/alembic.ini" || status=$?
rm -rf "$settings"
[ "$status" -eq 0 ] || retort_die "the app did not write $out/connections.png (status $status)"
