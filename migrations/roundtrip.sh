#!/bin/sh
# Up/down consistency check for one sample project against a scratch database:
#   upgrade heads, downgrade base, upgrade heads again, downgrade base again,
# and compare pg_dump --schema-only of the empty database with the one left
# behind by each downgrade.  The alembic_version table is ignored (alembic
# keeps it, empty, after an online downgrade to base).
#
# usage: migrations/roundtrip.sh PROJECT_DIR ADMIN_URL DB_NAME
#   e.g. migrations/roundtrip.sh migrations/jobs \
#            postgresql://retort@127.0.0.1:54329/postgres retort_jobs
# Needs an interpreter that can import alembic (PYTHON, default /usr/bin/python3)
# and psql/pg_dump on PATH or in PGBIN.
set -eu

project=$1
admin_url=$2
db=$3
python=${PYTHON:-/usr/bin/python3}
pgbin=${PGBIN:-/usr/lib/postgresql/15/bin}
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
