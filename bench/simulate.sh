#!/usr/bin/env bash
# bench/simulate.sh — the what-if simulation at the size of a city and of the nation.
#
# Starts the application (City A's agencies, no demo caseload), then runs a year of City A (CITY_CASES, default 3000
# cases under correction, its districts and agencies from the directory and its policy model in force) and a year at
# national size (NATIONAL_CASES, default 700000, a synthetic country of counties of 250 cases on the national baseline)
# through the simulation engine: the policy's steps, the ledger's rules (org.tongxin.obligation.LedgerRules) and the
# working calendar, in memory on a simulated clock (doc/simulation.md). SEED (default 20261207) fixes the caseload.
# Checks that each run simulated the whole year and that City A twice with one seed gives the same result. One line per run:
#   tongxin-simulate cases=N simulated_days=D seconds=S obligations=O
# Goals: City A < 10 s, national < 10 minutes. The database as for every benchmark (bench/lib.sh); the national run
# needs about 2 GB of heap (BENCH_JVM_OPTS=-Xmx4g by default). Details: target/bench/simulate/simulate.log.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init simulate
BENCH_JVM_OPTS=${BENCH_JVM_OPTS:--Xmx4g}
bench_build
echo "bench: simulate on $(bench_database), CITY_CASES=${CITY_CASES:-3000} NATIONAL_CASES=${NATIONAL_CASES:-700000}, load average $(bench_load)" >&2
bench_java org.tongxin.bench.SimulateBenchmark
