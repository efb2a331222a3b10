#!/bin/sh
# Backs up the dashboard's PostgreSQL database (docs/operations.md, docs/disaster-recovery.md).
#
#   scripts/backup.sh
#
# Writes $BACKUP_DIR/dashboard_<UTC time>.dump.gz: pg_dump's custom format (restorable table by
# table with pg_restore), compressed by gzip (pg_dump's own compression is turned off, so the data
# is compressed once and `gzip -t` can check the file), plus a .sha256 file beside it. The dump is
# written under a temporary name and checked with `pg_restore --list` before it gets its final
# name, so a failed run never leaves something that looks like a backup. The path of the new
# backup is the last line on stdout.
#
# Environment:
#   DATABASE_URL            the database (or DB_HOST/DB_PORT/DB_USER/DB_NAME/DB_PASSWORD, or PG*)
#   BACKUP_DIR              where backups go (default /backups/dashboard)
#   BACKUP_RETENTION_DAYS   delete local backups older than this many days (default 30; 0 keeps all)
#   BACKUP_S3_URI           optional s3://bucket/prefix/: upload each backup there with the aws CLI
#                           (credentials from its usual sources; expire old objects with a bucket
#                           lifecycle rule)
# Exit status: 0 done, 1 failed (the message says why).
set -eu
SCRIPT_NAME=backup
# shellcheck source-path=SCRIPTDIR source=backup-common.sh
. "$(dirname "$0")/backup-common.sh"

need pg_dump 'to dump the database'
need pg_restore 'to check the dump'
need gzip 'to compress the dump'
need sha256sum 'to write the checksum'

pg_connection
BACKUP_DIR=${BACKUP_DIR:-/backups/dashboard}
RETENTION_DAYS=${BACKUP_RETENTION_DAYS:-30}
case $RETENTION_DAYS in
  '' | *[!0-9]*) die "BACKUP_RETENTION_DAYS must be a whole number of days (got '$RETENTION_DAYS')" ;;
esac
if [ -n "${BACKUP_S3_URI:-}" ]; then
  case $BACKUP_S3_URI in s3://?*) ;; *) die "BACKUP_S3_URI must look like s3://bucket/prefix/ (got '$BACKUP_S3_URI')" ;; esac
  need aws 'to upload to BACKUP_S3_URI'
fi

mkdir -p "$BACKUP_DIR"
name="dashboard_$(date -u +%Y%m%dT%H%M%SZ).dump.gz"
final="$BACKUP_DIR/$name"
[ ! -e "$final" ] || die "$final exists already"
partial_dump="$BACKUP_DIR/.$name.dump.partial"
partial_gz="$BACKUP_DIR/.$name.partial"
trap 'rm -f "$partial_dump" "$partial_gz"' EXIT
trap 'exit 1' INT TERM

log "dumping $PG_SHOWN"
pg_run pg_dump --format=custom --compress=0 --no-owner --no-acl --file="$partial_dump" \
  || die "pg_dump failed"
pg_restore --list "$partial_dump" >/dev/null || die "the dump cannot be read back (pg_restore --list failed)"
gzip -c -6 "$partial_dump" >"$partial_gz" || die "gzip failed"
gzip -t "$partial_gz" || die "the compressed dump is corrupt"
mv "$partial_gz" "$final"
rm -f "$partial_dump"
(cd "$BACKUP_DIR" && sha256sum "$name" >"$name.sha256")
log "wrote $final ($(wc -c <"$final" | tr -d ' ') bytes)"

if [ -n "${BACKUP_S3_URI:-}" ]; then
  target="${BACKUP_S3_URI%/}/$name"
  log "uploading to $target"
  aws s3 cp --only-show-errors "$final" "$target" || die "upload to $target failed (the local backup is kept)"
  aws s3 cp --only-show-errors "$final.sha256" "$target.sha256" || die "upload of the checksum to $target.sha256 failed"
fi

if [ "$RETENTION_DAYS" -gt 0 ]; then
  find "$BACKUP_DIR" -maxdepth 1 -type f \( -name 'dashboard_*.dump.gz' -o -name 'dashboard_*.dump.gz.sha256' \) \
    -mtime +"$RETENTION_DAYS" -print | while IFS= read -r old; do
    rm -f "$old"
    log "removed $old (older than $RETENTION_DAYS days)"
  done
fi

printf '%s\n' "$final"
