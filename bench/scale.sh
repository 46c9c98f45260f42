#!/usr/bin/env bash
# bench/scale.sh — the queries people wait for, at the size of a city and of the nation.
#
# For each size in SIZES (default "10000 1000000" cases) the caseload is loaded in bulk (a synthetic country on the real
# county divisions: 350 cases per county, with their obligations, handovers, referrals, timeline and statistics), then
# timed through the application's own code, row-level security and audit records included: an agency's and a person's
# inbox, a case page's reads, a search by identity number (p99 of SAMPLES calls each), one run of the obligation clock's
# scan over a day's newly due obligations, and the monthly report of a district and of the city.
#
# Environment: SIZES (increasing, from 350 to 3000000), SAMPLES per query (400); the database as for every benchmark
# (bench/lib.sh). The million-case load takes about 15 GB of disk and most of an hour on a busy 2-core machine.
# Prints one line per size:
#   tongxin-scale cases=N inbox_agency_p99_ms=.. inbox_person_p99_ms=.. case_p99_ms=.. search_p99_ms=..
#                 overdue_scan_ms=.. stats_district_ms=.. stats_city_ms=..
# Details: target/bench/scale/scale.log, target/bench/scale/application.log. doc/performance.md explains it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init scale
bench_build
echo "bench: scale on $(bench_database), SIZES=${SIZES:-10000 1000000}, load average $(bench_load)" >&2
bench_java org.tongxin.bench.ScaleBenchmark
