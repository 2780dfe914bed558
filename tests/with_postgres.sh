#!/usr/bin/env bash
# Usage: tests/with_postgres.sh COMMAND ARGS...
#
# Runs COMMAND with EMBARGO_TEST_POSTGRES_URL pointing at a throwaway PostgreSQL
# server (superuser `postgres`, maintenance database `postgres`, unix socket only)
# that lives in a fresh /tmp/embargo-pg.XXXXXX directory and is stopped and removed
# when COMMAND ends, however it ends. Exits with COMMAND's exit code.
#
# - No PostgreSQL installed: prints a note and runs COMMAND unchanged (the
#   PostgreSQL test variants then skip).
# - EMBARGO_TEST_POSTGRES_URL already set: uses that server, starts nothing.
# - PostgreSQL installed but initdb or start fails: prints the log and fails, so
#   a broken install never turns into silently skipped tests.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

if [ -n "${EMBARGO_TEST_POSTGRES_URL:-}" ]; then
  echo "with_postgres: EMBARGO_TEST_POSTGRES_URL already set; using that server" >&2
  exec "$@"
fi

# pg_ctl and initdb: Debian's versioned directories, newest first, then PATH.
bindir=""
for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k5,5 -V -r); do
  if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then
    bindir="$d"
    break
  fi
done
if [ -z "$bindir" ] && command -v pg_ctl >/dev/null 2>&1; then
  d="$(dirname "$(command -v pg_ctl)")"
  if [ -x "$d/initdb" ]; then
    bindir="$d"
  fi
fi
if [ -z "$bindir" ]; then
  echo "with_postgres: PostgreSQL not installed: PostgreSQL tests will skip" >&2
  exec "$@"
fi

# postgres refuses to run as root: as root, run the server as the `postgres` user.
as_pg=()
if [ "$(id -u)" = 0 ]; then
  if ! id -u postgres >/dev/null 2>&1; then
    echo "with_postgres: running as root but there is no 'postgres' OS user to run the server" >&2
    exit 1
  fi
  runuser="$(command -v runuser || true)"
  for r in /usr/sbin/runuser /sbin/runuser; do
    if [ -z "$runuser" ] && [ -x "$r" ]; then
      runuser="$r"
    fi
  done
  if [ -z "$runuser" ]; then
    echo "with_postgres: running as root but runuser (util-linux) is missing" >&2
    exit 1
  fi
  as_pg=("$runuser" -u postgres --)
fi

pgdir=""
started=0

# shellcheck disable=SC2317  # invoked by traps
cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  if [ "$started" = 1 ]; then
    (cd "$pgdir" && "${as_pg[@]}" "$bindir/pg_ctl" -D "$datadir" -m immediate -w stop) >/dev/null 2>&1
    # Belt and braces: never leave a postmaster behind.
    if [ -f "$datadir/postmaster.pid" ]; then
      pid="$(head -n 1 "$datadir/postmaster.pid" 2>/dev/null)"
      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null
        sleep 0.2
      fi
    fi
  fi
  if [ -n "$pgdir" ]; then
    rm -rf "$pgdir"
  fi
  exit "$rc"
}
# INT/TERM before COMMAND runs: just exit (cleanup runs). While it runs: pass
# the signal on to it, wait for it to end, then exit 128+signal.
child=""
got_signal=0
# shellcheck disable=SC2317  # invoked by traps
on_signal() {
  got_signal=$2
  if [ -n "$child" ]; then
    kill -s "$1" "$child" 2>/dev/null || true
  else
    exit "$2"
  fi
}
trap cleanup EXIT
trap 'on_signal INT 130' INT
trap 'on_signal TERM 143' TERM

# Short, fixed prefix: the socket path (dir + "/.s.PGSQL.PORT") must stay < 107 chars.
pgdir="$(mktemp -d /tmp/embargo-pg.XXXXXX)"
datadir="$pgdir/data"
logfile="$pgdir/server.log"

fail() {
  echo "with_postgres: $1 (PostgreSQL is installed in $bindir but unusable)" >&2
  if [ -f "$2" ]; then
    echo "---- last lines of $2 ----" >&2
    tail -n 40 "$2" >&2
    echo "----" >&2
  fi
  exit 1
}

if [ "${#as_pg[@]}" -gt 0 ]; then
  chown postgres: "$pgdir"
fi

if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then
  locale_opt=--locale=C.UTF-8
else
  locale_opt=--locale=C
fi

# Run the PostgreSQL tools from inside $pgdir: the caller's working directory
# may not be readable by the postgres user.
if ! (cd "$pgdir" && "${as_pg[@]}" "$bindir/initdb" -D "$datadir" -A trust -U postgres \
      --no-sync -E UTF8 "$locale_opt") >"$pgdir/initdb.log" 2>&1; then
  fail "initdb failed" "$pgdir/initdb.log"
fi

# listen_addresses='' means no TCP socket: the port only names the unix socket,
# which lives in this run's private directory, so concurrent runs cannot collide.
# Still pick one that differs per process, for readable logs.
port=$((54329 + $$ % 1000))

started=1
if ! (cd "$pgdir" && "${as_pg[@]}" "$bindir/pg_ctl" -D "$datadir" -l "$logfile" -w -t 60 \
      -o "-p $port -k $pgdir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
      start) >"$pgdir/pg_ctl.log" 2>&1; then
  cat "$pgdir/pg_ctl.log" >&2
  fail "server did not start" "$logfile"
fi
if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -h "$pgdir" -p "$port" -U postgres -d postgres; then
  fail "server started but does not accept connections" "$logfile"
fi

export EMBARGO_TEST_POSTGRES_URL="postgresql://postgres@/postgres?host=$pgdir&port=$port"
echo "with_postgres: PostgreSQL $("$bindir/pg_ctl" --version | awk '{print $3}') at $EMBARGO_TEST_POSTGRES_URL" >&2

# In the background so that a TERM sent to this script reaches the trap (and is
# passed on) at once; `<&0` and `trap -` undo what bash does to background jobs
# (stdin from /dev/null, SIGINT ignored), so COMMAND behaves as in the foreground.
( trap - INT QUIT TERM; exec "$@" ) <&0 &
child=$!
rc=0
while :; do
  wait "$child" && rc=0 || rc=$?
  # wait returns early when a trapped signal arrives; keep waiting for COMMAND.
  kill -0 "$child" 2>/dev/null || break
done
child=""
if [ "$got_signal" != 0 ]; then
  exit "$got_signal"
fi
exit "$rc"
