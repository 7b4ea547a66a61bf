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

# shellcheck source=lib/screenshot.sh
. "$here/lib/screenshot.sh"

db=analytics
screenshot_prepare "$db"
export DATABASE_URL=postgresql://$RETORT_TEST_PGUSER@127.0.0.1:$RETORT_TEST_PGPORT/$db
(cd "$project" && "$RETORT_ALEMBIC_PYTHON" -m alembic upgrade heads >/dev/null 2>&1) ||
  retort_die "alembic could not upgrade $db to heads"

screenshot_run "$out/confirm.png" RETORT_SCREENSHOT_CONFIRM="$out/confirm.png" \
  RETORT_SCREENSHOT_SELECT=a91d0c6e5b27 RETORT_SCREENSHOT_CONFIRM_OP=downgrade
