#!/bin/sh
# Restores a backup made by scripts/backup.sh (docs/disaster-recovery.md).
#
#   scripts/restore.sh [--clean] FILE.dump.gz | s3://bucket/key.dump.gz | --latest
#
# The target is DATABASE_URL (or DB_HOST/DB_PORT/DB_USER/DB_NAME/DB_PASSWORD, or PG*). It must be
# an empty database (create it with `createdb`), unless --clean is given: then the objects in the
# dump are dropped and recreated, and everything else in the database is left alone. Stop the
# servers first; they migrate the schema themselves when they start again.
#
# Before touching the database the script checks the .sha256 file when there is one, the gzip
# stream, and that pg_restore can read the dump. The restore runs in one transaction with
# --exit-on-error: it either completes or changes nothing.
#
#   --latest   the newest dashboard_*.dump.gz in BACKUP_DIR (default /backups/dashboard)
# Exit status: 0 restored, 1 failed, 2 bad usage.
set -eu
SCRIPT_NAME=restore
# shellcheck source-path=SCRIPTDIR source=backup-common.sh
. "$(dirname "$0")/backup-common.sh"

usage() {
  printf 'usage: %s [--clean] FILE.dump.gz | s3://bucket/key.dump.gz | --latest\n' "$0" >&2
  exit 2
}

clean=0
source=''
while [ $# -gt 0 ]; do
  case $1 in
    --clean) clean=1 ;;
    --latest)
      dir=${BACKUP_DIR:-/backups/dashboard}
      # Names carry a sortable UTC time stamp, so the last in order is the newest.
      source=$(find "$dir" -maxdepth 1 -type f -name 'dashboard_*.dump.gz' 2>/dev/null | sort | tail -n 1)
      [ -n "$source" ] || die "no dashboard_*.dump.gz in $dir"
      ;;
    -h | --help) usage ;;
    -*) log "unknown option $1" && usage ;;
    *)
      [ -z "$source" ] || usage
      source=$1
      ;;
  esac
  shift
done
[ -n "$source" ] || usage

need pg_restore 'to restore the dump'
need psql 'to check the target database'
need gzip 'to decompress the dump'
pg_connection

work=$(mktemp -d "${TMPDIR:-/tmp}/dashboard-restore.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM

case $source in
  s3://*)
    need aws 'to download from S3'
    log "downloading $source"
    aws s3 cp --only-show-errors "$source" "$work/backup.dump.gz" || die "download of $source failed"
    if aws s3 cp --only-show-errors "$source.sha256" "$work/backup.dump.gz.sha256.orig" 2>/dev/null; then
      sed "s#  .*#  backup.dump.gz#" "$work/backup.dump.gz.sha256.orig" >"$work/backup.dump.gz.sha256"
    fi
    file="$work/backup.dump.gz"
    ;;
  *)
    [ -f "$source" ] || die "$source does not exist"
    file=$source
    if [ -f "$source.sha256" ]; then
      sed "s#  .*#  backup.dump.gz#" "$source.sha256" >"$work/backup.dump.gz.sha256"
      ln -s "$(cd "$(dirname "$source")" && pwd)/$(basename "$source")" "$work/backup.dump.gz"
    fi
    ;;
esac

if [ -f "$work/backup.dump.gz.sha256" ]; then
  need sha256sum 'to verify the checksum'
  (cd "$work" && sha256sum -c backup.dump.gz.sha256 >/dev/null) || die "$source does not match its .sha256 checksum"
  log "checksum ok"
fi
gzip -t "$file" || die "$source is not a valid gzip file"
gzip -dc "$file" >"$work/backup.dump" || die "cannot decompress $source"
pg_restore --list "$work/backup.dump" >/dev/null || die "$source does not hold a pg_dump custom-format dump"

tables=$(pg_run psql -X -A -t -v ON_ERROR_STOP=1 -c \
  "select count(*) from pg_catalog.pg_tables where schemaname not in ('pg_catalog', 'information_schema')") \
  || die "cannot connect to $PG_SHOWN"
if [ "$tables" != 0 ] && [ "$clean" = 0 ]; then
  die "$PG_SHOWN is not empty ($tables tables): restore into a new database, or pass --clean to replace the objects in the dump"
fi

log "restoring $source into $PG_SHOWN"
set -- --no-owner --no-acl --exit-on-error --single-transaction
[ "$clean" = 0 ] || set -- "$@" --clean --if-exists
pg_run pg_restore "$@" "$work/backup.dump" || die "pg_restore failed; the database is unchanged (single transaction)"
log "restored $source"
