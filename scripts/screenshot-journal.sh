#!/usr/bin/env bash
# A screenshot of the real run journal for the README, taken headless:
#   scripts/screenshot-journal.sh   # writes docs/screenshots/journal.png
# Starts a private PostgreSQL cluster, runs real upgrades, a downgrade and a
# failing upgrade of migrations/analytics with the built binary (recorded in a
# journal folder of its own), then runs the app under xvfb-run with
# RETORT_SCREENSHOT_JOURNAL: it saves a "local" connection for the project,
# opens Database > Run Journal…, grabs the dialog once the history is read and
# exits. Builds the app unless RETORT_APP names a binary.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"
# shellcheck source=lib/pgcluster.sh
. "$here/lib/pgcluster.sh"
# shellcheck source=lib/screenshot.sh
. "$here/lib/screenshot.sh"

db=analytics
screenshot_prepare "$db"
journal=$(mktemp -d)
trap 'rm -rf "$journal"' EXIT
url=postgresql://$RETORT_TEST_PGUSER@127.0.0.1:$RETORT_TEST_PGPORT/$db
run() { RETORT_JOURNAL_DIR=$journal "$app" -c "$project/alembic.ini" --url "$url" "$@" >/dev/null 2>&1; }
run upgrade +2 || retort_die "the first upgrade failed"
run upgrade heads || retort_die "upgrade heads failed"
run downgrade -1 || retort_die "the downgrade failed"
# a run that fails: the statement timeout stops a step while another session holds its table
"$RETORT_TEST_PG_BINDIR/psql" -w -h 127.0.0.1 -p "$RETORT_TEST_PGPORT" -U "$RETORT_TEST_PGUSER" -d "$db" -q \
  -c "BEGIN; LOCK TABLE audit_logs IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(20); COMMIT;" >/dev/null 2>&1 &
sleep 1
run upgrade heads --lock-timeout 500 || true
wait || true

screenshot_run "$out/journal.png" RETORT_JOURNAL_DIR="$journal" RETORT_SCREENSHOT_JOURNAL="$out/journal.png" \
  RETORT_SCREENSHOT_FORM_CONNECTIONS="local:local=$url"
