#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine:
# installs what is missing, builds (Ninja, RelWithDebInfo, build/ or $BUILD_DIR),
# starts a private PostgreSQL cluster, runs ctest against it, stops the cluster
# (also on failure, Ctrl-C or SIGTERM) and exits with ctest's status.
# Extra arguments go to ctest, e.g.  scripts/run-tests.sh -R support
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"
# shellcheck source=lib/pgcluster.sh
. "$here/lib/pgcluster.sh"

retort_install_traps pgcluster_stop
PGCLUSTER_OWNER_PID=$$
t0=$SECONDS

retort_ensure_packages
retort_export_alembic_python
t1=$SECONDS
retort_build
retort_ensure_sarif_schema
t2=$SECONDS
pgcluster_start
t3=$SECONDS

retort_log "ctest --output-on-failure --no-tests=error $*"
cd "$RETORT_BUILD_DIR"
retort_run_child ctest --output-on-failure --no-tests=error "$@"
t4=$SECONDS

retort_log "times: packages $((t1 - t0))s, build $((t2 - t1))s, cluster $((t3 - t2))s, ctest $((t4 - t3))s"
retort_log "ctest exit status: $RETORT_CHILD_STATUS"
exit "$RETORT_CHILD_STATUS"
