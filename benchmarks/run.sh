#!/usr/bin/env bash
# Builds the benchmark module and runs every benchmark on H2 and PostgreSQL, printing one table
# (also written to benchmarks/target/bench-results.md). Needs PostgreSQL 15 installed locally (as on the dev
# machines); without it, or with HERALD_BENCH_NO_PG=1, the PostgreSQL part is skipped and says so.
# All traffic goes to 127.0.0.1. About two hours on 2 cores: the history and purge phases bulk-load a million rows per
# database, and the soak runs 10 minutes per database (HERALD_BENCH_HISTORY_ROWS=200000 and HERALD_BENCH_SOAK_MINUTES=3
# for a shorter run).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${HERALD_BENCH_NO_PG:-}" != "1" ]] && command -v pg_ctlcluster >/dev/null; then
  if ! pg_lsclusters -h 2>/dev/null | grep -q online; then
    pg_ctlcluster --skip-systemctl-redirect 15 main start
  fi
  for _ in $(seq 1 30); do su postgres -c "pg_isready -q" && break; sleep 1; done
  su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'herald') THEN
    CREATE ROLE herald LOGIN PASSWORD 'herald';
  END IF;
END $$;
SQL
  su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'herald_bench'\"" | grep -q 1 \
    || su postgres -c "createdb -O herald herald_bench"
  # The benchmark drops every table of the database's current schema at the start of the PostgreSQL part: every run
  # starts empty (use a database of its own, as herald_bench here).
  export HERALD_BENCH_PG_URL="${HERALD_BENCH_PG_URL:-jdbc:postgresql://localhost:5432/herald_bench?user=herald&password=herald}"
fi

mvn -B -q -Pbench package -DskipTests
exec java -jar benchmarks/target/herald-benchmarks.jar
