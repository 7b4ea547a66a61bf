# shellcheck shell=bash
# Shared helpers for scripts/run-tests.sh and scripts/run-demo.sh.
# Source it from bash; it defines functions and a few variables, and runs nothing.

RETORT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Everything a fresh Debian 12 machine needs to build Retort, run its tests
# against a private PostgreSQL cluster and show the window headless, and to
# build and check its package (the man page, lintian, appstreamcli).
# libqt6sql6-psql holds the QPSQL plugin (qt6/plugins/sqldrivers/libqsqlpsql.so).
RETORT_DEB_PACKAGES=(
  build-essential cmake ninja-build
  qt6-base-dev libqt6sql6-psql libqscintilla2-qt6-dev libpq-dev
  postgresql postgresql-client
  python3 python3-alembic python3-psycopg2 python3-asyncpg python3-dateutil
  xvfb xauth
  help2man lintian appstream
  python3-jsonschema
  qtkeychain-qt6-dev gnome-keyring dbus-daemon
  libtomlplusplus-dev
)

retort_log() { printf '[retort] %s\n' "$*" >&2; }
retort_die() { printf '[retort] error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, through sudo otherwise.
retort_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    retort_die "need root to run: $* (no sudo found; run it as root, then rerun this script)"
  fi
}

retort_package_installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

# Installs whichever of the given Debian packages are missing (all of
# RETORT_DEB_PACKAGES when none are given). apt-get update runs once, and only
# when something has to be installed.
retort_ensure_packages() {
  local pkgs=("$@") missing=() p
  [ ${#pkgs[@]} -gt 0 ] || pkgs=("${RETORT_DEB_PACKAGES[@]}")
  command -v dpkg-query >/dev/null 2>&1 ||
    retort_die "dpkg-query not found: these scripts expect Debian 12 (or a close relative)"
  for p in "${pkgs[@]}"; do
    retort_package_installed "$p" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    retort_log "Debian packages: all ${#pkgs[@]} present"
    return 0
  fi
  retort_log "Debian packages missing: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    retort_die "not root and no sudo: install them as root with
  apt-get update && apt-get install -y ${missing[*]}
then rerun this script"
  fi
  retort_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q ||
    retort_die "apt-get update failed"
  retort_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" ||
    retort_die "apt-get install failed for: ${missing[*]}"
}

# Prints the absolute path of the first interpreter among /usr/bin/python3,
# python3 and python that can really import alembic (the name alone proves
# nothing: a pyenv or venv python3 may come first on PATH without it).
# Arguments replace the list of candidates.
retort_find_alembic_python() {
  local cand path cands=("$@")
  [ ${#cands[@]} -gt 0 ] || cands=(/usr/bin/python3 python3 python)
  for cand in "${cands[@]}"; do
    path=$(command -v "$cand" 2>/dev/null) || continue
    if "$path" -c 'import alembic' >/dev/null 2>&1; then
      printf '%s\n' "$path"
      return 0
    fi
  done
  return 1
}

retort_export_alembic_python() {
  RETORT_ALEMBIC_PYTHON=$(retort_find_alembic_python) ||
    retort_die "no Python that can 'import alembic' among /usr/bin/python3, python3, python (install python3-alembic)"
  export RETORT_ALEMBIC_PYTHON
  retort_log "alembic Python: $RETORT_ALEMBIC_PYTHON"
}

# Configures (Ninja, RelWithDebInfo) and builds into BUILD_DIR (default build/).
# Extra arguments go to `cmake --build`, e.g. --target retort.
retort_build() {
  RETORT_BUILD_DIR=${BUILD_DIR:-$RETORT_ROOT/build}
  case $RETORT_BUILD_DIR in /*) ;; *) RETORT_BUILD_DIR=$PWD/$RETORT_BUILD_DIR ;; esac
  local jobs=${JOBS:-2}
  if [ -f "$RETORT_BUILD_DIR/CMakeCache.txt" ] &&
     ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' "$RETORT_BUILD_DIR/CMakeCache.txt"; then
    retort_die "$RETORT_BUILD_DIR was configured with another generator; remove it or set BUILD_DIR"
  fi
  retort_log "configuring in $RETORT_BUILD_DIR"
  cmake -S "$RETORT_ROOT" -B "$RETORT_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null ||
    retort_die "cmake configure failed"
  retort_log "building with -j$jobs"
  cmake --build "$RETORT_BUILD_DIR" -j "$jobs" "$@" || retort_die "build failed"
}

# The SARIF 2.1.0 JSON schema (2.1.0-rtm.5, as SchemaStore keeps it) that
# tests/risk/tst_lint validates `lint --format sarif` against, with Debian's
# python3-jsonschema. Neither Debian nor PyPI-free npm ships it alone: the npm
# package @microsoft/jest-sarif carries it as lib/schemas/sarif-2.1.0-rtm.5.json.
# Fetched once into the build directory with `npm pack` (no dependencies, no
# scripts run), checked against its SHA-256, exported as RETORT_SARIF_SCHEMA.
# npm comes from Debian (nodejs npm) when there is none on PATH.
RETORT_SARIF_NPM_PACKAGE=@microsoft/jest-sarif@1.0.0-beta.0
RETORT_SARIF_SCHEMA_SHA256=2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8
retort_ensure_sarif_schema() {
  local dir=$RETORT_BUILD_DIR/sarif-schema tarball
  local schema=$dir/package/lib/schemas/sarif-2.1.0-rtm.5.json
  if [ ! -f "$schema" ]; then
    command -v npm >/dev/null 2>&1 || retort_ensure_packages nodejs npm
    retort_log "fetching the SARIF 2.1.0 schema: npm pack $RETORT_SARIF_NPM_PACKAGE"
    rm -rf "$dir" && mkdir -p "$dir" || retort_die "cannot create $dir"
    tarball=$(cd "$dir" && npm pack --silent "$RETORT_SARIF_NPM_PACKAGE") ||
      retort_die "npm pack $RETORT_SARIF_NPM_PACKAGE failed: tests/risk/tst_lint needs the SARIF schema it ships"
    tar -xzf "$dir/$tarball" -C "$dir" package/lib/schemas/sarif-2.1.0-rtm.5.json ||
      retort_die "$RETORT_SARIF_NPM_PACKAGE holds no lib/schemas/sarif-2.1.0-rtm.5.json"
  fi
  echo "$RETORT_SARIF_SCHEMA_SHA256  $schema" | sha256sum --check --quiet - >/dev/null ||
    retort_die "$schema is not the SARIF 2.1.0-rtm.5 schema expected (SHA-256 differs): remove $dir and retry"
  export RETORT_SARIF_SCHEMA=$schema
  retort_log "SARIF schema: $RETORT_SARIF_SCHEMA"
}

# Runs a command in its own session and process group and waits for it, so a
# signal to this script can end the whole tree (ctest and its tests, or
# xvfb-run, Xvfb and the app) before the cluster is stopped.
# Sets RETORT_CHILD_STATUS.
RETORT_CHILD_PID=
retort_run_child() {
  setsid "$@" &
  RETORT_CHILD_PID=$!
  RETORT_CHILD_STATUS=0
  wait "$RETORT_CHILD_PID" || RETORT_CHILD_STATUS=$?
  RETORT_CHILD_PID=
}

retort_kill_child() {
  local pid=$RETORT_CHILD_PID
  [ -n "$pid" ] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do
    kill -0 -- "-$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  retort_log "child group $pid ignored SIGTERM for 5 s; sending SIGKILL"
  kill -KILL -- "-$pid" 2>/dev/null || true
}

# Installs traps: on INT/TERM end the child group and exit 130/143; on EXIT
# call the given cleanup function, keeping the exit status.
retort_install_traps() {
  RETORT_CLEANUP_FN=$1
  trap 'retort_log "interrupted"; retort_kill_child; exit 130' INT
  trap 'retort_log "terminated"; retort_kill_child; exit 143' TERM
  trap '_retort_on_exit $?' EXIT
}

_retort_on_exit() {
  trap - INT TERM
  retort_kill_child
  "$RETORT_CLEANUP_FN"
  exit "$1"
}
