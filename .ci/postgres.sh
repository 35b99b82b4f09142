#!/usr/bin/env bash
# Start (or reuse) a local PostgreSQL server for the storage tests and print a fresh database URL.
# Idempotent and safe beside other CI runs on this machine: a running cluster is reused, each run
# gets its own database. Prints nothing (and exits non-zero) when no server can be had.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
    pg_createcluster "$version" main >&2 || true   # another run may have created it meanwhile
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
    pg_ctlcluster "$version" main start >&2 || true  # or another run started it meanwhile
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
for _ in $(seq 30); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$port"
password=$(python3 -c "import secrets; print(secrets.token_hex(16))")
role="skyrack_ci_$$_$(date +%s)"
runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 >&2 <<SQL
CREATE ROLE $role LOGIN PASSWORD '$password';
CREATE DATABASE $role OWNER $role;
SQL
echo "postgresql://$role:$password@127.0.0.1:$port/$role"
