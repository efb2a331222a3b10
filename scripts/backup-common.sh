# shellcheck shell=sh
# shellcheck disable=SC2034 # PG_SHOWN is read by the scripts that source this file
# Shared by backup.sh and restore.sh (sourced, not run): logging and the PostgreSQL connection.

log() { printf '%s %s: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$SCRIPT_NAME" "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}
need() { command -v "$1" >/dev/null 2>&1 || die "$1 is not installed (it is needed: $2)"; }

# Sets PG_TARGET (a URL for --dbname, or empty to let libpq read PG* variables) and PG_SHOWN (the
# same without a password, for logs). Sources, first match wins:
#  - DATABASE_URL (postgres:// or postgresql://), as the server reads it;
#  - the seed's DB_HOST, DB_PORT, DB_USER, DB_NAME, DB_PASSWORD;
#  - libpq's own PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD (or ~/.pgpass).
# A password in DATABASE_URL moves to PGPASSWORD, so it does not show in the process list (one
# with %-escapes stays in the URL: libpq decodes those, plain sh cannot).
pg_connection() {
  PG_TARGET=''
  if [ -n "${DATABASE_URL:-}" ]; then
    case $DATABASE_URL in
      postgres://* | postgresql://*) ;;
      *) die "DATABASE_URL must be a postgres:// or postgresql:// URL" ;;
    esac
    scheme=${DATABASE_URL%%://*}
    rest=${DATABASE_URL#*://}
    authority=${rest%%/*}
    path=${rest#"$authority"}
    userinfo=''
    hostport=$authority
    case $authority in *@*)
      userinfo=${authority%@*}
      hostport=${authority##*@}
      ;;
    esac
    user=$userinfo
    pass=''
    case $userinfo in *:*)
      user=${userinfo%%:*}
      pass=${userinfo#*:}
      ;;
    esac
    case $pass in
      '') PG_TARGET=$DATABASE_URL ;;
      *%*) PG_TARGET=$DATABASE_URL ;;
      *)
        PGPASSWORD=$pass
        export PGPASSWORD
        PG_TARGET="$scheme://${user:+$user@}$hostport$path"
        ;;
    esac
    PG_SHOWN="$scheme://${user:+$user@}$hostport$path"
  else
    if [ -n "${DB_HOST:-}" ]; then PGHOST=$DB_HOST && export PGHOST; fi
    if [ -n "${DB_PORT:-}" ]; then PGPORT=$DB_PORT && export PGPORT; fi
    if [ -n "${DB_USER:-}" ]; then PGUSER=$DB_USER && export PGUSER; fi
    if [ -n "${DB_NAME:-}" ]; then PGDATABASE=$DB_NAME && export PGDATABASE; fi
    if [ -n "${DB_PASSWORD:-}" ]; then PGPASSWORD=$DB_PASSWORD && export PGPASSWORD; fi
    [ -n "${PGDATABASE:-}" ] || die "no database given: set DATABASE_URL (or DB_NAME/PGDATABASE with the host and user)"
    PG_SHOWN="database ${PGDATABASE} on ${PGHOST:-the local socket}${PGPORT:+:$PGPORT} as ${PGUSER:-$(id -un)}"
  fi
}

# Runs a libpq client ($1) on the target, with the remaining arguments.
pg_run() {
  tool=$1
  shift
  if [ -n "$PG_TARGET" ]; then "$tool" --dbname="$PG_TARGET" "$@"; else "$tool" "$@"; fi
}
