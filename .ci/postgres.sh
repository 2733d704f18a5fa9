#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests, from Debian's packages.
#
#   source .ci/postgres.sh
#   trap postgres_stop EXIT
#   postgres_start            # exports B12CDS_TEST_POSTGRES
#
# postgres_start installs Debian's `postgresql` package when initdb/pg_ctl are missing (without letting it create and
# start the packaged "main" cluster), creates a cluster in a temporary folder owned by the postgres user (initdb
# refuses to run as root), starts it on 127.0.0.1 only, on a free port from 54329 up, with trust authentication over
# loopback, and creates an empty database. postgres_stop stops the server and removes the folder; it is idempotent.

B12CDS_PG_DIR=""
B12CDS_PG_BIN=""

# The folder of initdb/pg_ctl: on PATH, else the newest /usr/lib/postgresql/<version>/bin.
postgres_bin_dir() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    echo "$dir"
  fi
}

postgres_install() {
  echo "postgres.sh: initdb/pg_ctl not found; installing Debian's postgresql package" >&2
  if [ "$(id -u)" != 0 ]; then
    echo "postgres.sh: installing needs root (apt-get install postgresql)" >&2
    return 1
  fi
  # Only the binaries are wanted: no packaged cluster created and started on port 5432.
  mkdir -p /etc/postgresql-common
  if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
  fi
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confold postgresql >&2
  # Had createcluster.conf been there already, the package created and started its cluster: there was no server
  # before (no binaries), so stop whatever it started; the cluster stays registered, stopped.
  if command -v pg_lsclusters >/dev/null 2>&1; then
    pg_lsclusters -h 2>/dev/null | awk '$4 == "online" {print $1, $2}' | while read -r version name; do
      pg_ctlcluster "$version" "$name" stop >&2 || true
    done
  fi
}

# Runs a command as the cluster's owner: the postgres user when we are root, else ourselves.
postgres_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# The first port from $1 up to 54399 that nothing listens on.
postgres_free_port() {
  local port
  for port in $(seq "$1" 54399); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "postgres.sh: no free port in $1-54399" >&2
  return 1
}

postgres_start() {
  B12CDS_PG_BIN=$(postgres_bin_dir)
  if [ -z "$B12CDS_PG_BIN" ]; then
    postgres_install || return 1
    B12CDS_PG_BIN=$(postgres_bin_dir)
    if [ -z "$B12CDS_PG_BIN" ]; then
      echo "postgres.sh: initdb/pg_ctl still not found after installing postgresql" >&2
      return 1
    fi
  fi

  B12CDS_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/b12cds-pg.XXXXXX")
  chmod 755 "$B12CDS_PG_DIR"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$B12CDS_PG_DIR"
  fi

  # Trust is safe here: the server listens on 127.0.0.1 only (and on a socket in its own folder), and lives for one run.
  postgres_as_owner "$B12CDS_PG_BIN/initdb" -D "$B12CDS_PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale >"$B12CDS_PG_DIR/initdb.log" 2>&1 \
    || { cat "$B12CDS_PG_DIR/initdb.log" >&2; postgres_stop; return 1; }

  # Another run on this machine may take the port between the check and the start: then the next one is tried.
  # Durability settings are off: the cluster is thrown away, and the tests run faster.
  local port=54328 attempt started=""
  for attempt in 1 2 3 4 5; do
    port=$(postgres_free_port $((port + 1))) || break
    if postgres_as_owner "$B12CDS_PG_BIN/pg_ctl" -D "$B12CDS_PG_DIR/data" -l "$B12CDS_PG_DIR/server.log" -w -t 60 \
      -o "-p $port -k $B12CDS_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
      started=1
      break
    fi
  done
  if [ -z "$started" ]; then
    cat "$B12CDS_PG_DIR/server.log" >&2 || true
    postgres_stop
    return 1
  fi
  postgres_as_owner "$B12CDS_PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres b12cds_test \
    || { postgres_stop; return 1; }

  export B12CDS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=b12cds_test"
  echo "postgres.sh: PostgreSQL $("$B12CDS_PG_BIN/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port (B12CDS_TEST_POSTGRES)" >&2
}

postgres_stop() {
  if [ -n "$B12CDS_PG_DIR" ] && [ -d "$B12CDS_PG_DIR" ]; then
    if [ -f "$B12CDS_PG_DIR/data/postmaster.pid" ]; then
      postgres_as_owner "$B12CDS_PG_BIN/pg_ctl" -D "$B12CDS_PG_DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
        || postgres_as_owner "$B12CDS_PG_BIN/pg_ctl" -D "$B12CDS_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$B12CDS_PG_DIR"
  fi
  B12CDS_PG_DIR=""
  unset B12CDS_TEST_POSTGRES
}
