# What the dialog screenshots share (sourced after common.sh and pgcluster.sh):
# screenshot_prepare DB starts a private cluster (stopped on exit) with an empty
# database DB, and sets `app` (RETORT_APP, else the built binary), `out`
# (docs/screenshots) and `project` (migrations/analytics).
# screenshot_run FILE VAR=VALUE...: the app on the project under xvfb-run with
# those variables and settings of its own, dying unless it wrote FILE.

screenshot_prepare() {
  local db=$1
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
  "$RETORT_TEST_PG_BINDIR/createdb" -w -h 127.0.0.1 -p "$RETORT_TEST_PGPORT" -U "$RETORT_TEST_PGUSER" "$db" ||
    retort_die "could not create database $db"
}

screenshot_run() {
  local file=$1 settings status=0
  shift
  # Neither read nor change the user's settings (saved connections, geometry).
  settings=$(mktemp -d)
  retort_log "${file#"$RETORT_ROOT"/}"
  env XDG_CONFIG_HOME="$settings" "$@" \
    xvfb-run -a -s "-screen 0 1400x900x24" "$app" "$project/alembic.ini" || status=$?
  rm -rf "$settings"
  [ "$status" -eq 0 ] || retort_die "the app did not write $file (status $status)"
}
