#!/usr/bin/env bash
# A private PostgreSQL cluster by hand, for running single tests outside
# scripts/run-tests.sh:
#
#   eval "$(scripts/pg-cluster.sh start)"   # starts it, exports its variables
#   ctest --test-dir build-mine -R support  # or run a test binary directly
#   scripts/pg-cluster.sh stop "$RETORT_TEST_PGSOCKET_DIR"
#
#   scripts/pg-cluster.sh env DIR           # the export lines again
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"
# shellcheck source=lib/pgcluster.sh
. "$here/lib/pgcluster.sh"

usage() {
  echo "usage: $0 start | stop DIR | env DIR" >&2
  exit 2
}

case ${1:-} in
  start)
    [ $# -eq 1 ] || usage
    trap '[ $? -eq 0 ] || pgcluster_stop' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    pgcluster_start
    if py=$(retort_find_alembic_python); then
      printf 'export RETORT_ALEMBIC_PYTHON=%q\n' "$py" >>"$PGCLUSTER_DIR/cluster.env"
    else
      retort_log "warning: no Python that can import alembic; RETORT_ALEMBIC_PYTHON not set"
    fi
    pgcluster_env "$PGCLUSTER_DIR"
    retort_log "stop it with: $0 stop $PGCLUSTER_DIR"
    ;;
  stop)
    [ $# -eq 2 ] || usage
    pgcluster_stop "$2"
    ;;
  env)
    [ $# -eq 2 ] || usage
    pgcluster_env "$2"
    ;;
  *) usage ;;
esac
