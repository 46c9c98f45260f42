#!/usr/bin/env bash
# bench/http.sh — the inbox under concurrent clients, against a trivial authenticated call, in one run.
#
# Starts the application with the City A demo on a loopback port (127.0.0.1 only), logs in the county agency officers
# of 城东区, and lets wrk hammer, in turns, GET /api/v1/ping (a constant behind the same security chain and token),
# GET /api/v1/inbox (the same token) and the /inbox page (their sessions). Checks that every answer was 200 and that
# every inbox request wrote its audit record. Bounded in time: ROUNDS x 3 x SECONDS plus the warm-up.
#
# Environment: CLIENTS (default 8), ROUNDS (3), SECONDS per address and round (5), WARMUP seconds per address (10);
# the database as for every benchmark (bench/lib.sh; an external one gets the City A demo loaded into it).
# Prints one line:
#   tongxin-http clients=C api_rps=.. page_rps=.. trivial_rps=.. api_ratio=.. page_ratio=.. api_p99_ms=..
# Details: target/bench/http/http.log (the driver), target/bench/http/application.log. doc/performance.md explains it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init http
command -v wrk >/dev/null || bench_fail "wrk is missing (apt-get install wrk)"
bench_build
echo "bench: http on $(bench_database), CLIENTS=${CLIENTS:-8}, load average $(bench_load)" >&2
bench_java org.tongxin.bench.HttpBenchmark
