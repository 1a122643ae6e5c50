#!/usr/bin/env bash
# Starts the local PostgreSQL and MariaDB servers if they are installed but not running, so the
# store tests run on all three engines instead of skipping. Touches nothing that already runs.
set -u

wait_for() { # name, probe command...
  local name=$1; shift
  for _ in $(seq 1 60); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "ensure-databases: $name did not come up within 60 s" >&2
  return 1
}

if command -v pg_isready >/dev/null 2>&1; then
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    echo "ensure-databases: starting PostgreSQL"
    version=$(find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -V | tail -1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
    wait_for PostgreSQL pg_isready -q -h 127.0.0.1 -p 5432 || exit 1
  fi
else
  echo "ensure-databases: PostgreSQL is not installed" >&2
fi

if command -v mariadb-admin >/dev/null 2>&1; then
  if ! mariadb-admin -h 127.0.0.1 -u root ping >/dev/null 2>&1; then
    echo "ensure-databases: starting MariaDB"
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
    wait_for MariaDB mariadb-admin -h 127.0.0.1 -u root ping || exit 1
  fi
else
  echo "ensure-databases: MariaDB is not installed" >&2
fi
