#!/usr/bin/env bash
# Point-in-time recovery, proven (doc/security-requirements.md S22; the procedure for operators is in doc/operations.md, "Backups"):
# with Debian's PostgreSQL 15, a primary with WAL archiving takes a base backup (pg_basebackup), then changes are made,
# a named restore point is set and the time noted, and a "mistake" follows (rows deleted and added). The base backup
# and the archived WAL are then restored twice into a second cluster on another port, once to the time and once to the
# restore point; each restored cluster must hold every change before that point and none after it.
#
# Runs as root (each PostgreSQL server as the postgres user) or as the postgres user. Leaves nothing behind.
# Environment: PITR_PG_BIN (default /usr/lib/postgresql/15/bin), PITR_PORT (8097) and PITR_RESTORE_PORT (8098).
# Prints one line per proof; exits non-zero on the first thing that does not hold.
set -euo pipefail

PG_BIN=${PITR_PG_BIN:-/usr/lib/postgresql/15/bin}
PORT=${PITR_PORT:-8097}
RESTORE_PORT=${PITR_RESTORE_PORT:-8098}
[ -x "$PG_BIN/pg_ctl" ] || { echo "pitr: no PostgreSQL binaries in $PG_BIN (apt-get install postgresql)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/tongxin-pitr-XXXXXX)
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$WORK"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
PRIMARY="$WORK/primary" ARCHIVE="$WORK/archive" BASE="$WORK/base" RESTORED="$WORK/restored"

cleanup() {
  for dir in "$RESTORED" "$PRIMARY"; do
    [ -f "$dir/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

sql() { # sql PORT STATEMENT: one value, unaligned (sockets in the work directory only)
  as_pg "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$WORK" -p "$1" -d postgres -c "$2"
}
fail() { echo "pitr: FAILED: $*" >&2; exit 1; }

# 1. A primary that archives every WAL segment (the operator's archive_command, with a local directory as the store).
as_pg mkdir -p "$ARCHIVE"
as_pg "$PG_BIN/initdb" -D "$PRIMARY" -A trust -U postgres -E UTF8 --locale=C >"$WORK/initdb.log"
cat >>"$PRIMARY/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$WORK'
port = $PORT
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $ARCHIVE/%f && cp %p $ARCHIVE/%f'
CONF
as_pg "$PG_BIN/pg_ctl" -D "$PRIMARY" -l "$WORK/primary.log" -w start >/dev/null
sql "$PORT" "CREATE TABLE case_probe (id int PRIMARY KEY, note text NOT NULL)"
sql "$PORT" "INSERT INTO case_probe VALUES (1, 'before the base backup')"

# 2. The base backup: compressed tar, with the WAL needed to make it consistent.
as_pg "$PG_BIN/pg_basebackup" -h "$WORK" -p "$PORT" -U postgres -D "$BASE" -Ft -z -X stream -c fast
echo "pitr: base backup taken ($(du -sh "$BASE" | cut -f1))"

# 3. Changes after the backup, a named restore point and its time, then the mistake.
sql "$PORT" "INSERT INTO case_probe VALUES (2, 'after the backup, before the point')"
sql "$PORT" "UPDATE case_probe SET note = 'changed after the backup' WHERE id = 1"
sql "$PORT" "SELECT pg_create_restore_point('before-the-mistake')" >/dev/null
TARGET_TIME=$(sql "$PORT" "SELECT clock_timestamp()")
sql "$PORT" "SELECT pg_sleep(0.2)" >/dev/null
sql "$PORT" "DELETE FROM case_probe WHERE id = 1"
sql "$PORT" "INSERT INTO case_probe VALUES (3, 'after the point: the mistake')"
# Close the current segment and wait until the archive has it.
SEGMENT=$(sql "$PORT" "SELECT pg_walfile_name(pg_switch_wal())")
for _ in $(seq 1 60); do [ -f "$ARCHIVE/$SEGMENT" ] && break; sleep 0.5; done
[ -f "$ARCHIVE/$SEGMENT" ] || fail "WAL segment $SEGMENT was not archived"
[ "$(sql "$PORT" "SELECT string_agg(id::text, ',' ORDER BY id) FROM case_probe")" = "2,3" ] || fail "the primary is not as changed"
echo "pitr: changes made, restore point 'before-the-mistake' at $TARGET_TIME, WAL archived up to $SEGMENT"

# 4. Restore into a second cluster on another port, to a target; promote at the target.
restore() { # restore SETTING VALUE
  rm -rf "$RESTORED"
  as_pg mkdir -m 700 "$RESTORED"
  as_pg tar -xzf "$BASE/base.tar.gz" -C "$RESTORED"
  as_pg tar -xzf "$BASE/pg_wal.tar.gz" -C "$RESTORED/pg_wal"
  cat >>"$RESTORED/postgresql.auto.conf" <<CONF
port = $RESTORE_PORT
archive_mode = off
restore_command = 'cp $ARCHIVE/%f %p'
$1 = '$2'
recovery_target_action = 'promote'
CONF
  as_pg touch "$RESTORED/recovery.signal"
  as_pg "$PG_BIN/pg_ctl" -D "$RESTORED" -l "$WORK/restored.log" -w -t 120 start >/dev/null
  for _ in $(seq 1 120); do [ "$(sql "$RESTORE_PORT" "SELECT pg_is_in_recovery()")" = f ] && break; sleep 0.5; done
  [ "$(sql "$RESTORE_PORT" "SELECT pg_is_in_recovery()")" = f ] || fail "recovery to $1 did not finish"
  local rows note
  rows=$(sql "$RESTORE_PORT" "SELECT string_agg(id::text, ',' ORDER BY id) FROM case_probe")
  note=$(sql "$RESTORE_PORT" "SELECT note FROM case_probe WHERE id = 1")
  [ "$rows" = "1,2" ] || fail "restored to $1: rows $rows, expected 1,2 (the changes before the point, none after)"
  [ "$note" = "changed after the backup" ] || fail "restored to $1: row 1 reads '$note'"
  as_pg "$PG_BIN/pg_ctl" -D "$RESTORED" -m fast -w stop >/dev/null
  echo "pitr: restored to $1 = $2 on port $RESTORE_PORT: the changes before it are there (rows 1,2, row 1 updated), the ones after are not"
}
restore recovery_target_time "$TARGET_TIME"
restore recovery_target_name before-the-mistake
echo "pitr: PASSED"
