# shellcheck shell=bash
# A private, throw-away PostgreSQL cluster for tests and the demo.
# Source it from bash (after common.sh). Nothing runs on sourcing.
#
#   pgcluster_start        initdb + start in a fresh temp dir; exports the
#                          RETORT_TEST_* variables and PGPASSFILE; sets PGCLUSTER_DIR
#   pgcluster_stop [DIR]   pg_ctl stop -m fast, then remove the temp dir
#   pgcluster_env DIR      print the export lines of a running cluster
#
# Layout of the temp dir (mode 0700):
#   data/         PGDATA
#   .s.PGSQL.N    the unix socket (local connections: trust)
#   pgpass        the generated password of role "retort" (0600, invoking user)
#   server.log    the server log; cluster.env  the export lines
# TCP on 127.0.0.1 only, scram-sha-256. As root, initdb/pg_ctl/postgres run as
# the unprivileged "postgres" user, who then owns the dir.

PGCLUSTER_DIR=
PGCLUSTER_MARKER=.retort-pgcluster
# When set (run-tests.sh and run-demo.sh set it to their pid), the cluster is
# recorded as belonging to that process, and a later start reaps it once that
# process is gone (killed with SIGKILL, say, so its trap never ran).
PGCLUSTER_OWNER_PID=
PGCLUSTER_USER=retort

# Highest installed server version, or RETORT_PG_BINDIR when set.
pgcluster_find_bindir() {
  if [ -n "${RETORT_PG_BINDIR:-}" ]; then
    [ -x "$RETORT_PG_BINDIR/initdb" ] || return 1
    printf '%s\n' "$RETORT_PG_BINDIR"
    return 0
  fi
  local d
  d=$(for b in /usr/lib/postgresql/*/bin; do [ -x "$b/initdb" ] && printf '%s\n' "$b"; done |
      sort -V | tail -n 1)
  [ -n "$d" ] || return 1
  printf '%s\n' "$d"
}

# Runs a command as the owner of the cluster: "postgres" when we are root,
# ourselves otherwise. The working directory is the cluster dir, which that
# user can always enter (our own cwd may be /root).
_pgcluster_as_owner() {
  local dir=$1 owner=$2
  shift 2
  if [ "$(id -u)" -eq 0 ] && [ "$owner" != root ]; then
    if command -v runuser >/dev/null 2>&1; then
      (cd "$dir" && runuser -u "$owner" -- "$@")
    else
      (cd "$dir" && setpriv --reuid="$owner" --regid="$owner" --init-groups -- "$@")
    fi
  else
    (cd "$dir" && "$@")
  fi
}

_pgcluster_password() {
  # 48 hex digits: nothing that needs escaping in a pgpass line or a URL.
  od -An -N24 -tx1 /dev/urandom | tr -d ' \n'
}

_pgcluster_port_free() {
  local port=$1 py=
  if [ -x /usr/bin/python3 ]; then
    py=/usr/bin/python3
  else
    py=$(command -v python3 2>/dev/null) || py=
  fi
  if [ -n "$py" ]; then
    "$py" - "$port" <<'EOF' 2>/dev/null
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.close()
EOF
    return
  fi
  # Without Python: a port nobody answers on is probably free; the start
  # below retries on a collision anyway.
  ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# A free loopback port below Linux's ephemeral range (32768+), so a client
# socket of some other program cannot take it between our probe and bind.
_pgcluster_free_port() {
  local i port
  for i in $(seq 1 100); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 12000))
    if _pgcluster_port_free "$port"; then
      printf '%s\n' "$port"
      return 0
    fi
  done
  return 1
}

# Stops clusters left behind by runs of ours that died without cleaning up:
# only dirs whose marker we own and whose recorded owner process is gone.
_pgcluster_reap_stale() {
  local base=$1 d pid
  for d in "$base"/retort-pg.*; do
    [ -O "$d/$PGCLUSTER_MARKER" ] || continue
    pid=$(cat "$d/$PGCLUSTER_MARKER" 2>/dev/null) || continue
    case $pid in '' | *[!0-9]*) continue ;; esac
    kill -0 "$pid" 2>/dev/null && continue
    retort_log "reaping a cluster left by process $pid, which is gone: $d"
    pgcluster_stop "$d" || true
  done
}

pgcluster_start() {
  local bindir owner base dir password port attempt started=
  bindir=$(pgcluster_find_bindir) ||
    retort_die "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (install postgresql)"

  owner=$(id -un)
  base=${TMPDIR:-/tmp}
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 ||
      retort_die "running as root but there is no 'postgres' user to run the server (install postgresql)"
    owner=postgres
    base=/tmp # postgres must be able to reach it; root's TMPDIR may not allow that
  fi
  base=${RETORT_PG_TMPDIR:-$base}
  _pgcluster_reap_stale "$base"

  dir=$(mktemp -d "$base/retort-pg.XXXXXXXX") || retort_die "cannot create a temp dir in $base"
  PGCLUSTER_DIR=$dir # from here on pgcluster_stop can clean up
  printf '%s\n' "$PGCLUSTER_OWNER_PID" >"$dir/$PGCLUSTER_MARKER"
  chmod 0700 "$dir"
  [ "$owner" = "$(id -un)" ] || chown "$owner:" "$dir"

  password=$(_pgcluster_password)
  [ ${#password} -eq 48 ] || retort_die "could not generate a password"
  (umask 077 && printf '%s\n' "$password" >"$dir/pwfile")
  [ "$owner" = "$(id -un)" ] || chown "$owner:" "$dir/pwfile"

  retort_log "initdb ($bindir) in $dir as $owner"
  if ! _pgcluster_as_owner "$dir" "$owner" "$bindir/initdb" -D "$dir/data" \
        -U "$PGCLUSTER_USER" --pwfile="$dir/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    rm -f "$dir/pwfile"
    retort_die "initdb failed"
  fi
  rm -f "$dir/pwfile"
  printf '%s\n' "$bindir" >"$dir/bindir"

  # pgpass: the password is read by libpq (psql, pg_dump, QtSql's QPSQL,
  # psycopg2) from here, and never appears on a command line or in a log.
  (umask 077 && printf '127.0.0.1:*:*:%s:%s\n' "$PGCLUSTER_USER" "$password" >"$dir/pgpass")
  chmod 0600 "$dir/pgpass"
  password=

  # Speed over durability: the cluster lives for one run.
  cat >>"$dir/data/postgresql.conf" <<EOF

# --- retort private test cluster ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
password_encryption = 'scram-sha-256'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
EOF

  for attempt in 1 2 3 4 5 6 7 8; do
    port=$(_pgcluster_free_port) || retort_die "found no free loopback port"
    rm -f "$dir/server.log"
    if _pgcluster_as_owner "$dir" "$owner" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
          -o "-p $port" -w -t 60 start >"$dir/pg_ctl.log" 2>&1; then
      started=1
      break
    fi
    if grep -qE 'could not bind|Address already in use|could not create any TCP/IP sockets' "$dir/server.log" 2>/dev/null; then
      retort_log "port $port was taken meanwhile (attempt $attempt); trying another"
      continue
    fi
    cat "$dir/pg_ctl.log" "$dir/server.log" >&2 2>/dev/null
    retort_die "the PostgreSQL server did not start"
  done
  [ -n "$started" ] || retort_die "the PostgreSQL server did not start: no port could be bound"

  local i
  for i in $(seq 1 120); do
    "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -U "$PGCLUSTER_USER" -d postgres && break
    [ "$i" -lt 120 ] || retort_die "the server on 127.0.0.1:$port never became ready (see $dir/server.log)"
    sleep 0.25
  done

  export PGPASSFILE=$dir/pgpass
  export RETORT_TEST_PGHOST=127.0.0.1
  export RETORT_TEST_PGPORT=$port
  export RETORT_TEST_PGUSER=$PGCLUSTER_USER
  export RETORT_TEST_PGSOCKET_DIR=$dir
  export RETORT_TEST_PG_BINDIR=$bindir
  export RETORT_TEST_DATABASE_URL=postgresql://$PGCLUSTER_USER@127.0.0.1:$port/postgres

  # Proves the scram path and the pgpass file before anything relies on them.
  "$bindir/psql" -X -w -q -At -h 127.0.0.1 -p "$port" -U "$PGCLUSTER_USER" -d postgres \
      -c 'select 1' >/dev/null ||
    retort_die "cannot log in over TCP with the password from $PGPASSFILE"

  {
    local v
    for v in PGPASSFILE RETORT_TEST_PGHOST RETORT_TEST_PGPORT RETORT_TEST_PGUSER \
             RETORT_TEST_PGSOCKET_DIR RETORT_TEST_PG_BINDIR RETORT_TEST_DATABASE_URL; do
      printf 'export %s=%q\n' "$v" "${!v}"
    done
  } >"$dir/cluster.env"
  retort_log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') ready on 127.0.0.1:$port (socket dir $dir)"
}

pgcluster_env() {
  local dir=${1:?usage: pgcluster_env DIR}
  [ -f "$dir/cluster.env" ] || retort_die "$dir holds no running retort cluster"
  cat "$dir/cluster.env"
}

# Stops the server (fast: open sessions are ended) and removes the dir.
# Safe to call twice, or for a cluster that never finished starting.
pgcluster_stop() {
  local dir=${1:-$PGCLUSTER_DIR} owner bindir pid
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  [ -f "$dir/$PGCLUSTER_MARKER" ] || { retort_log "$dir is not a retort cluster dir; leaving it"; return 1; }
  if [ -f "$dir/data/postmaster.pid" ]; then
    owner=$(stat -c %U "$dir/data")
    bindir=$(cat "$dir/bindir" 2>/dev/null) || bindir=$(pgcluster_find_bindir)
    if ! _pgcluster_as_owner "$dir" "$owner" "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
      pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null)
      retort_log "pg_ctl stop failed; killing postmaster ${pid:-?}"
      [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
    fi
  fi
  rm -rf "$dir"
  retort_log "cluster stopped, $dir removed"
  [ "$dir" != "$PGCLUSTER_DIR" ] || PGCLUSTER_DIR=
}
