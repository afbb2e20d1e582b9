# start_postgres: starts the newest installed PostgreSQL cluster (creating it when missing) on PGPORT (default 5432)
# and ensures the role minicode/minicode exists as a superuser for the tests.
start_postgres() {
  local ver port=${PGPORT:-5432}
  ver=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  [ -n "$ver" ] || return 1
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$ver main$"; then
    pg_createcluster "$ver" main -p "$port" >/dev/null
  fi
  pg_ctlcluster "$ver" main start 2>/dev/null || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
  pg_isready -q -h 127.0.0.1 -p "$port" || return 1
  # Test hosts each keep a pool and a LISTEN connection, and two-host tests double that: 100 clients is too few.
  if [ "$(su postgres -c "psql -p $port -tAc 'show max_connections'")" -lt 300 ]; then
    su postgres -c "psql -p $port -qc 'ALTER SYSTEM SET max_connections = 300'"
    pg_ctlcluster "$ver" main restart
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
    pg_isready -q -h 127.0.0.1 -p "$port" || return 1
  fi
  su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname='minicode'\"" | grep -q 1 ||
    su postgres -c "psql -p $port -qc \"CREATE ROLE minicode LOGIN SUPERUSER PASSWORD 'minicode'\""
  su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname='minicode'\"" | grep -q 1 ||
    su postgres -c "psql -p $port -qc \"CREATE DATABASE minicode OWNER minicode\""
}
