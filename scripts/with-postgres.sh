#!/usr/bin/env bash
# with-postgres.sh CMD [ARG...]: run CMD with a throw-away PostgreSQL server.
#
# Creates a cluster with initdb in a temporary directory, starts it listening on 127.0.0.1
# only (on a free port; its Unix socket stays in the temporary directory), exports
#   EVENTCODER_TEST_PG=postgresql://postgres@127.0.0.1:PORT/postgres
# runs CMD, then stops the server and deletes the directory (also on failure or Ctrl-C).
# Exits with CMD's status.
#
# PostgreSQL refuses to run as root, so when run as root (as CI does) the server runs as
# the "postgres" system user (created by Debian's postgresql package; created here if
# absent). Authentication is "trust" for local connections: the cluster is for tests only.
#
# If EVENTCODER_TEST_PG is already set, CMD runs against that server and none is started.
# Server binaries: $PG_BIN, else /usr/lib/postgresql/15/bin, else the newest installed.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 CMD [ARG...]" >&2
  exit 2
fi

if [ -n "${EVENTCODER_TEST_PG:-}" ]; then
  exec "$@"
fi

if [ -z "${PG_BIN:-}" ]; then
  PG_BIN=/usr/lib/postgresql/15/bin
  if [ ! -x "$PG_BIN/initdb" ]; then
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  fi
fi
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "with-postgres.sh: PostgreSQL server binaries not found (install Debian's postgresql," \
       "or set PG_BIN to the directory holding initdb and pg_ctl)" >&2
  exit 1
fi

# As root, run the server as an unprivileged user.
as_server_user=()
if [ "$(id -u)" = 0 ]; then
  if ! id -u postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi
  as_server_user=(runuser -u postgres --)
fi

base="${TMPDIR:-/tmp}"
# The server user must be able to reach the directory (a TMPDIR under /root is not).
if [ ${#as_server_user[@]} -gt 0 ] && ! "${as_server_user[@]}" test -x "$base"; then base=/tmp; fi
dir=$(mktemp -d "$base/eventcoder-pg.XXXXXX")
chmod 755 "$dir"
if [ ${#as_server_user[@]} -gt 0 ]; then chown postgres "$dir"; fi
data="$dir/data"
log="$dir/server.log"

cleanup() {
  if [ -f "$data/postmaster.pid" ]; then
    "${as_server_user[@]}" "$PG_BIN/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"${as_server_user[@]}" "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 \
  --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2
  echo "with-postgres.sh: initdb failed" >&2
  exit 1
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

started=""
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  port=$((20000 + (RANDOM % 20000)))
  port_free "$port" || continue
  if "${as_server_user[@]}" "$PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 60 \
       -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null 2>&1; then
    started=yes
    break
  fi
done
if [ -z "$started" ]; then
  cat "$log" >&2 2>/dev/null || true
  echo "with-postgres.sh: could not start the PostgreSQL server" >&2
  exit 1
fi

export EVENTCODER_TEST_PG="postgresql://postgres@127.0.0.1:$port/postgres"
echo "with-postgres.sh: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') at $EVENTCODER_TEST_PG" >&2
set +e
"$@"
status=$?
set -e
exit $status
