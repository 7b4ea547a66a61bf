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

# shot NAME [REVISION]: the history with REVISION selected.
shot() {
  local name=$1 select=${2:-}
  retort_log "docs/screenshots/$name.png"
  RETORT_SCREENSHOT="$out/$name.png" RETORT_SCREENSHOT_SELECT="$select" \
    xvfb-run -a -s "-screen 0 1400x900x24" \
    "$RETORT_BUILD_DIR/app/retort" "$project" ||
    retort_die "the app did not write $out/$name.png"
}

# The merge revision: both lines of the branch joining, its source on the right.
shot history 0c8d4a6f1e93
