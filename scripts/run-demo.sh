#!/usr/bin/env bash
# Opens Retort on a sample project against a private PostgreSQL cluster:
#   scripts/run-demo.sh            # migrations/analytics
#   scripts/run-demo.sh NAME|DIR   # migrations/NAME, or any dir with an alembic.ini
# Installs what is missing, builds the app, starts the cluster, creates an empty
# database for the project, runs build/app/retort PROJECT/alembic.ini with
# DATABASE_URL pointing at it (the password comes from PGPASSFILE), and stops
# the cluster when the window closes. Without a display it runs under xvfb-run.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"
# shellcheck source=lib/pgcluster.sh
. "$here/lib/pgcluster.sh"

arg=${1:-analytics}
if [ -f "$arg/alembic.ini" ]; then
  project=$(cd "$arg" && pwd)
elif [ -f "$RETORT_ROOT/migrations/$arg/alembic.ini" ]; then
  project=$RETORT_ROOT/migrations/$arg
else
  available=$(cd "$RETORT_ROOT/migrations" 2>/dev/null &&
              for d in */; do [ -f "$d/alembic.ini" ] && printf ' %s' "${d%/}"; done) || true
  retort_die "no alembic.ini in '$arg' nor in migrations/$arg (projects under migrations/:${available:- none})"
fi
ini=$project/alembic.ini

retort_install_traps pgcluster_stop
PGCLUSTER_OWNER_PID=$$
retort_ensure_packages
retort_export_alembic_python
retort_build --target retort
app=$RETORT_BUILD_DIR/app/retort
[ -x "$app" ] || retort_die "$app was not built"

pgcluster_start
# A database name from the project's folder name: lower case, [a-z0-9_].
db=$(basename "$project" | tr '[:upper:]' '[:lower:]' | tr -c 'a-z0-9_\n' '_')
db=${db:0:50}
"$RETORT_TEST_PG_BINDIR/createdb" -w -h 127.0.0.1 -p "$RETORT_TEST_PGPORT" -U "$RETORT_TEST_PGUSER" "$db" ||
  retort_die "could not create database $db"
export DATABASE_URL=postgresql://$RETORT_TEST_PGUSER@127.0.0.1:$RETORT_TEST_PGPORT/$db
retort_log "database $db created (empty); DATABASE_URL=$DATABASE_URL (password in $PGPASSFILE)"

cmd=("$app" "$ini")
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  retort_log "no DISPLAY or WAYLAND_DISPLAY: running headless under xvfb-run -a; the window is not visible. Ctrl-C stops it."
  cmd=(xvfb-run -a -s "-screen 0 1600x1000x24" "${cmd[@]}")
fi
retort_log "starting:$(printf " %q" "${cmd[@]}")"
retort_run_child "${cmd[@]}"
retort_log "retort exited with status $RETORT_CHILD_STATUS"
exit "$RETORT_CHILD_STATUS"
