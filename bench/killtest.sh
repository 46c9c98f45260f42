#!/usr/bin/env bash
# The kill -9 harness (doc/security-requirements.md S18, S19): drives the intake through the REST API from several clients, kills the
# application with SIGKILL at random moments (every other time the embedded PostgreSQL with it), restarts it, and
# checks that no acknowledged command and no event effect was lost or applied twice. The driver is
# src/test/java/org/tongxin/bench/KillTestDriver.java; doc/operations.md explains the checks.
#
# Prints exactly one line on standard output:
#   tongxin-killtest kills=K acknowledged=A lost=L duplicated=D
# and exits non-zero unless L and D are 0 and every other check (publications completed, due dates, audit chain)
# passed. Details: target/killtest/killtest.log (the driver) and target/killtest/application.log (the application).
#
# Settings (environment): KILLS (default 20), KILLTEST_CLIENTS (4), KILLTEST_PORT (8094), KILLTEST_SEED (random; the
# log names it, to repeat a run), KILLTEST_MIN_RUN_MS / KILLTEST_MAX_RUN_MS (0 / 5000: how long the application
# runs, once the clients have had one command each acknowledged after a restart, before the kill), KILLTEST_TIME_LIMIT_MIN (20:
# no further kill after it), KILLTEST_GRACE_S (600: then the watchdog ends the run, printing every thread's stack),
# KILLTEST_VERBOSE=1 (the driver's log on stderr too),
# KILLTEST_BUILD=1 (rebuild the jar and test classes first).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$PWD/target/killtest"
mkdir -p "$WORK"

find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  return 1
}
JDK=$(find_jdk) || { echo "killtest: no JDK 21 or newer under /usr/lib/jvm (or JAVA_HOME)" >&2; exit 2; }

if [ "${KILLTEST_BUILD:-0}" = 1 ] || [ ! -f target/tongxin.jar ] || [ ! -f target/test-classes/org/tongxin/bench/KillTestDriver.class ]; then
  ./mvnw -B -ntp -q package -DskipTests >"$WORK/build.log" 2>&1 || { echo "killtest: build failed, see $WORK/build.log" >&2; exit 2; }
fi

# The driver needs only JSON and JDBC: take Jackson and the PostgreSQL driver from the application's own jar.
LIB="$WORK/lib"
rm -rf "$LIB" && mkdir -p "$LIB"
(cd "$LIB" && "$JDK/bin/jar" tf "$OLDPWD/target/tongxin.jar" | grep -E '^BOOT-INF/lib/(jackson-|postgresql-)[^/]*\.jar$' \
  | xargs "$JDK/bin/jar" xf "$OLDPWD/target/tongxin.jar")

# If this script is interrupted, stop what the driver started (it records the application's pid; PostgreSQL's is in
# the data directory).
cleanup() {
  local pid
  for file in "$WORK/application.pid" "$WORK/data/postgres/postmaster.pid"; do
    [ -f "$file" ] && pid=$(head -1 "$file") && [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
}
trap 'cleanup; exit 130' INT TERM

# The driver bounds itself (KILLTEST_TIME_LIMIT_MIN, then a watchdog 10 minutes later); `timeout` is the bound of last
# resort, 15 minutes past the limit, should the driver's JVM itself stop answering.
LIMIT_MIN=${KILLTEST_TIME_LIMIT_MIN:-20}
set +e
KILLTEST_JAVA="$JDK/bin/java" KILLTEST_JAR="$PWD/target/tongxin.jar" KILLTEST_DIR="$WORK" \
  timeout --kill-after=30s "$((LIMIT_MIN + 15))m" \
  "$JDK/bin/java" -cp "target/test-classes:$LIB/BOOT-INF/lib/*" org.tongxin.bench.KillTestDriver
status=$?
set -e
if [ "$status" -ne 0 ]; then
  cleanup
  [ "$status" -ge 124 ] && echo "killtest: stopped by timeout after $((LIMIT_MIN + 15)) minutes" >&2
  for file in killtest.log application.log; do
    [ -f "$WORK/$file" ] && { echo "---- the last lines of $WORK/$file ----" >&2; tail -n 40 "$WORK/$file" >&2; }
  done
fi
exit $status
