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

# shellcheck source=lib/screenshot.sh
. "$here/lib/screenshot.sh"

db=analytics
screenshot_prepare "$db"
url=postgresql+psycopg2://$RETORT_TEST_PGUSER@127.0.0.1:$RETORT_TEST_PGPORT/$db
(cd "$project" && DATABASE_URL=$url "$RETORT_ALEMBIC_PYTHON" -m alembic stamp heads >/dev/null 2>&1) ||
  retort_die "alembic could not stamp $db"

screenshot_run "$out/connections.png" RETORT_SCREENSHOT_FORM="$out/connections.png" \
  RETORT_SCREENSHOT_FORM_CONNECTIONS="staging:staging=$url?sslmode=prefer&application_name=retort&connect_timeout=5"
