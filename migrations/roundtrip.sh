#!/bin/sh
# Up/down consistency check for one sample project against a scratch database:
#   upgrade heads, downgrade base, upgrade heads again, downgrade base again,
# and compare pg_dump --schema-only of the empty database with the one left
# behind by each downgrade.  The alembic_version table is ignored (alembic
# keeps it, empty, after an online downgrade to base).
#
# usage: migrations/roundtrip.sh PROJECT_DIR [ADMIN_URL [DB_NAME]]
#   e.g. eval "$(scripts/pg-cluster.sh start)"; migrations/roundtrip.sh migrations/jobs
# ADMIN_URL defaults to the private cluster's $RETORT_TEST_DATABASE_URL, DB_NAME to
# retort_roundtrip. Needs an interpreter that can import alembic (PYTHON, else
# $RETORT_ALEMBIC_PYTHON, else /usr/bin/python3) and psql/pg_dump (PGBIN, else
# $RETORT_TEST_PG_BINDIR, else /usr/lib/postgresql/15/bin).
set -eu

project=$1
admin_url=${2:-${RETORT_TEST_DATABASE_URL:?give ADMIN_URL or start a cluster with scripts/pg-cluster.sh}}
db=${3:-retort_roundtrip}
python=${PYTHON:-${RETORT_ALEMBIC_PYTHON:-/usr/bin/python3}}
pgbin=${PGBIN:-${RETORT_TEST_PG_BINDIR:-/usr/lib/postgresql/15/bin}}
db_url="${admin_url%/*}/$db"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dump() {
    "$pgbin/pg_dump" --schema-only --no-owner --exclude-table=alembic_version "$db_url" \
        | grep -v '^\\restrict' | grep -v '^\\unrestrict' > "$work/$1.sql"
}

"$pgbin/psql" -q -v ON_ERROR_STOP=1 "$admin_url" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
dump empty

cd "$project"
export DATABASE_URL="$db_url"
"$python" -m alembic -c alembic.ini upgrade heads
dump up1
"$python" -m alembic -c alembic.ini downgrade base
dump down1
"$python" -m alembic -c alembic.ini upgrade heads
dump up2
"$python" -m alembic -c alembic.ini downgrade base
dump down2

status=0
diff -u "$work/empty.sql" "$work/down1.sql" || status=1
diff -u "$work/empty.sql" "$work/down2.sql" || status=1
diff -u "$work/up1.sql" "$work/up2.sql" || status=1
if cmp -s "$work/empty.sql" "$work/up1.sql"; then
    echo "upgrade changed nothing?" >&2
    status=1
fi
rows=$("$pgbin/psql" -XAt "$db_url" -c "SELECT count(*) FROM alembic_version")
[ "$rows" = 0 ] || { echo "alembic_version still has $rows row(s)" >&2; status=1; }
[ $status = 0 ] && echo "round trip OK: $project ($(grep -c '^CREATE' "$work/up1.sql") CREATE statements in the upgraded schema)"
exit $status
