# Shared by the benchmarks under bench/ (sourced, not run). Each benchmark is a shell script that builds what it needs,
# then runs a Java driver from src/test/java/org/tongxin/bench with the application and its test helpers on the class
# path. The driver starts the application itself, on the database the environment names:
#
#   TONGXIN_DB_URL, TONGXIN_DB_USER, TONGXIN_DB_PASSWORD, TONGXIN_DB_ADMIN_USER, TONGXIN_DB_ADMIN_PASSWORD,
#   TONGXIN_DATA_KEY_FILE   an external PostgreSQL, exactly as in production (doc/operations.md); the benchmark
#                           writes into it, so give it a database of its own
#   (all unset)             the embedded PostgreSQL, in target/bench/<name>/data, made afresh for every run
#
# and prints its figures as one `key=value` line at the end of standard output (everything else goes to
# target/bench/<name>/*.log). It exits 0 when its own correctness checks passed, 1 when one failed, 2 when it could not
# run. Settings common to every benchmark:
#
#   BENCH_BUILD=0     skip the build (the classes in target/ are current)
#   BENCH_KEEP_DATA=1 start from the embedded database the previous run left (faster; default: made afresh)
#   PROFILE=1         record a Java Flight Recording of the measured stretches (not start-up or warm-up) into
#                     target/bench/<name>/, with a summary of the CPU samples per method beside it
#   BENCH_JVM_OPTS    further options for the JVM that runs the driver and the application

# bench_init NAME: the benchmark's work directory, the JDK, and a clean exit on Ctrl-C.
bench_init() {
  BENCH_NAME="$1"
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  BENCH_ROOT="$PWD"
  BENCH_DIR="$BENCH_ROOT/target/bench/$BENCH_NAME"
  mkdir -p "$BENCH_DIR"
  BENCH_JDK=$(bench_find_jdk) || bench_fail "no JDK 21 or newer under /usr/lib/jvm (or JAVA_HOME)"
}

# bench_find_jdk: the first JDK >= 21 (JAVA_HOME first, then /usr/lib/jvm), as .ci/run finds it.
bench_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  return 1
}

# bench_fail MESSAGE: the benchmark cannot run (exit 2).
bench_fail() {
  echo "bench: $*" >&2
  exit 2
}

# bench_build: compiles the application and the drivers (unless BENCH_BUILD=0) and writes the class path once.
bench_build() {
  local log="$BENCH_DIR/build.log"
  if [ "${BENCH_BUILD:-1}" != 0 ] || [ ! -d target/test-classes/org/tongxin/bench ]; then
    echo "bench: compiling (./mvnw test-compile; log in ${log#"$BENCH_ROOT"/})" >&2
    ./mvnw -B -ntp -q test-compile >"$log" 2>&1 || { tail -30 "$log" >&2; bench_fail "build failed, see $log"; }
  fi
  local classpath="$BENCH_ROOT/target/bench/classpath.txt"
  if [ ! -s "$classpath" ] || [ pom.xml -nt "$classpath" ]; then
    ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath" >>"$log" 2>&1 \
      || { tail -30 "$log" >&2; bench_fail "could not resolve the class path, see $log"; }
  fi
  BENCH_CLASSPATH="$BENCH_ROOT/target/test-classes:$BENCH_ROOT/target/classes:$(cat "$classpath")"
}

# bench_database: which database the run uses, for the log.
bench_database() {
  if [ -n "${TONGXIN_DB_URL:-}" ]; then
    echo "external PostgreSQL ${TONGXIN_DB_URL%%\?*}"
  else
    echo "embedded PostgreSQL in target/bench/$BENCH_NAME/data"
  fi
}

# bench_load: the one-minute load average (the machine is shared: say it next to every figure).
bench_load() {
  cut -d' ' -f1 /proc/loadavg
}

# bench_java MAIN [ARGS...]: runs a driver with the work directory in BENCH_DIR; its exit status is the benchmark's.
bench_java() {
  local main="$1"
  shift
  local opts=(-XX:+UseG1GC -Dfile.encoding=UTF-8 "-Dtongxin.bench.dir=$BENCH_DIR" "-Dtongxin.bench.name=$BENCH_NAME")
  # shellcheck disable=SC2086
  "$BENCH_JDK/bin/java" "${opts[@]}" ${BENCH_JVM_OPTS:-} -cp "$BENCH_CLASSPATH" "$main" "$@"
}
