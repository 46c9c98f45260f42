#!/usr/bin/env bash
# bench/lifecycle.sh — complete lives of a case through the application's own services, and what the database could do.
#
# Drives CASES (default 1000) lives on THREADS (default 2) threads, as the City A demo accounts on a moved clock:
# assessment entrusted and answered, decision, legal documents delivered and receipted, reporting in, registration,
# team, plan, announcement, a report every 14 days and a visit every 28 (City A's ordinary supervision), one leave
# approved and returned, the expiry warned, termination and the decision organ's notice receipted. Checks that every
# case ended TERMINATED with nothing left open, then runs `pgbench -N -c THREADS` for 30 s on the same server (its
# tables in the benchmark's database, dropped afterwards) for comparison. Prints one line:
#   tongxin-lifecycle cases=N threads=T seconds=S cases_per_s=X obligations=O commits_per_s=C pgbench_tps=P
# The database as for every benchmark (bench/lib.sh). Details: target/bench/lifecycle/lifecycle.log.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init lifecycle
PGBENCH=${PGBENCH:-$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1 || true)}
[ -n "$PGBENCH" ] && [ -x "$PGBENCH" ] || bench_fail "pgbench not found (Debian: apt-get install postgresql-client)"
export PGBENCH
bench_build
echo "bench: lifecycle on $(bench_database), CASES=${CASES:-1000} THREADS=${THREADS:-2}, load average $(bench_load)" >&2
bench_java org.tongxin.bench.LifecycleBenchmark
