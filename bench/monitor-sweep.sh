#!/usr/bin/env bash
# Monitor sweep benchmark: health sweeps over BENCH_CLUSTERS simulated DC/OS clusters (10000) with
# oauth on, as the service runs them (embedded H2 file database, the DC/OS driver's monitor, each
# cluster's own service account), against a simulated DC/OS in its own JVM on 127.0.0.1. The
# service is a JVM of its own too (bench/monitor/.../MonitorSweepService.java), so it can be
# restarted while the clusters keep running. Sweeps measured, in order:
#   cold     first sweep on a fresh database: every cluster logs in, every health is new
#   warm     two later sweeps: tokens cached, nothing to write
#   restart  the service stopped by PID and started again on the same database: every cluster logs
#            in again (tokens live only in memory), nothing to write
# For each: wall time, CPU seconds and peak resident memory of the service process, the CPU seconds
# the clusters' JVM and all other processes took meanwhile, and the machine's 1-minute load average
# before and after. Prints a Markdown table.
#
#   bench/monitor-sweep.sh
#
# Knobs (environment): BENCH_CLUSTERS (10000), BENCH_CONCURRENCY polls in flight (32),
# BENCH_TIMEOUT_MS per request (5000), BENCH_HEAP for the service JVM (1g), BENCH_MAX_LOAD: wait
# (up to BENCH_LOAD_WAIT seconds, 180) for the 1-minute load average to drop to this before
# starting (3); BENCH_JFR: a directory where each service run leaves a Flight Recorder
# profile (first.jfr: cold and warm sweeps; restart.jfr); BENCH_SERVICE_OPTIONS: extra JVM options for
# the service (to try a flag). Every JVM stops itself after 10 minutes whatever happens.
# Not part of the test suite: timings depend on the machine and on whatever else runs on it.
set -o nounset -o errexit -o pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
clusters=${BENCH_CLUSTERS:-10000}
concurrency=${BENCH_CONCURRENCY:-32}
timeout_ms=${BENCH_TIMEOUT_MS:-5000}
heap=${BENCH_HEAP:-1g}
max_load=${BENCH_MAX_LOAD:-3}
load_wait=${BENCH_LOAD_WAIT:-180}
jfr=${BENCH_JFR:-}
service_options=${BENCH_SERVICE_OPTIONS:-}

die() { echo "monitor-sweep: $*" >&2; exit 1; }
is_count() { [[ $1 =~ ^[0-9]+$ ]] && [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]; }
is_count "$clusters" 1 50000 || die "BENCH_CLUSTERS must be 1..50000"
is_count "$concurrency" 1 1024 || die "BENCH_CONCURRENCY must be 1..1024"
is_count "$timeout_ms" 10 60000 || die "BENCH_TIMEOUT_MS must be 10..60000"
is_count "$max_load" 0 1000 || die "BENCH_MAX_LOAD must be a whole number"
is_count "$load_wait" 0 3600 || die "BENCH_LOAD_WAIT must be 0..3600 seconds"
[[ $heap =~ ^[0-9]+[mg]$ ]] || die "BENCH_HEAP must look like 512m or 1g"
if [ -n "$jfr" ]; then
  mkdir -p "$jfr" || die "cannot create BENCH_JFR=$jfr"
  jfr=$(cd "$jfr" && pwd)
  [[ $jfr =~ ^[^[:space:]]+$ ]] || die "BENCH_JFR must be a path without spaces"
fi

cd "$root"
# shellcheck source=scripts/select-jdk.sh
. scripts/select-jdk.sh
work=$(mktemp -d)
cloud_pid=""
service_pid=""
cleanup() {
  if [ -n "$service_pid" ]; then kill "$service_pid" 2>/dev/null || true; fi
  if [ -n "$cloud_pid" ]; then kill "$cloud_pid" 2>/dev/null || true; fi
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "monitor-sweep: building (tests skipped)" >&2
mvn -B -ntp -q install -DskipTests -pl magnetar-server -am > "$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; die "the build failed"; }
mvn -B -ntp -q -pl magnetar-server dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath" > "$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; die "cannot resolve the test classpath"; }
# A copy of the server's classes: other builds in this tree rewrite its target/ at any time.
cp -r magnetar-server/target/classes "$work/server-classes"
cp -r magnetar-server/target/test-classes "$work/server-test-classes"
classpath="$work/server-test-classes:$work/server-classes:$(cat "$work/classpath")"
javac -d "$work/classes" -cp "$classpath" bench/monitor/dev/magnetar/server/bench/MonitorSweepService.java
service_classpath="$work/classes:$classpath"

one_minute_load() { cut -d ' ' -f 1 /proc/loadavg; }
waited=0
until awk -v now="$(one_minute_load)" -v max="$max_load" 'BEGIN { exit !(now <= max) }'; do
  [ "$waited" -ge "$load_wait" ] && { echo "monitor-sweep: load still $(one_minute_load); going ahead" >&2; break; }
  echo "monitor-sweep: load average $(one_minute_load) > $max_load; waiting" >&2
  sleep 15
  waited=$((waited + 15))
done

java "-Xmx$heap" -cp "$service_classpath" dev.magnetar.server.bench.MonitorSweepService setup "$work" "$clusters"

# The clusters' JVM reads "stop" on its standard input; a FIFO held open on fd 3 carries it.
mkfifo "$work/cloud.in"
java -Xmx1g --enable-native-access=ALL-UNNAMED -cp "$classpath" "dev.magnetar.server.bench.MonitorSweepBench\$Cloud" "$clusters" \
  "$work/account.pub" < "$work/cloud.in" > "$work/cloud.out" &
cloud_pid=$!
exec 3> "$work/cloud.in"
# waits until FILE has a line matching PATTERN, as long as process PID lives
await_line() {
  local file=$1 pattern=$2 pid=$3
  until grep -q "$pattern" "$file" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || die "process $pid ended before printing '$pattern'"
    sleep 1
  done
}
await_line "$work/cloud.out" '^http://127\.0\.0\.1:' "$cloud_pid"
origin=$(head -n 1 "$work/cloud.out")

# runs the service with extra JVM options for the sweeps named, then stops it by PID as an
# operator would (SIGTERM)
serve() {
  local out=$1 options=$2
  shift 2
  # shellcheck disable=SC2086 # options are whitespace-separated JVM flags, or none
  java "-Xmx$heap" --enable-native-access=ALL-UNNAMED $options -cp "$service_classpath" dev.magnetar.server.bench.MonitorSweepService serve \
    "$work" "$origin" "$cloud_pid" "$concurrency" "$timeout_ms" "$@" > "$out" &
  service_pid=$!
  await_line "$out" '^swept$' "$service_pid"
  kill "$service_pid"
  wait "$service_pid" || [ $? -eq 143 ] || die "the service did not stop cleanly"
  service_pid=""
}
# with BENCH_JFR, a Flight Recorder profile of each service run: first.jfr (cold, warm, warm) and restart.jfr
profile() {
  echo "$service_options"
  [ -z "$jfr" ] || echo "-XX:StartFlightRecording:settings=profile,dumponexit=true,filename=$jfr/$1.jfr"
}
serve "$work/first.out" "$(profile first)" "cold (log in, health new)" "warm (tokens cached, unchanged)" \
  "warm (tokens cached, unchanged)"
serve "$work/restarted.out" "$(profile restart)" "restart (tokens kept, unchanged)"

echo stop >&3
exec 3>&-
wait "$cloud_pid"
cloud_pid=""

echo "| sweep | clusters | polled | unknown | changed | wall s | service CPU s | of which JIT s | service peak RSS MiB \
| heap peak MiB | clusters' JVM CPU s | other processes CPU s | load 1 min before → after |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
grep -h '^|' "$work/first.out" "$work/restarted.out"
echo
echo "Service CPU s by thread kind, per sweep:"
grep -h '^threads ' "$work/first.out" "$work/restarted.out" | sed 's/^threads /- /'
if grep -q '^unknown ' "$work/first.out" "$work/restarted.out"; then
  echo
  echo "Why clusters were UNKNOWN:"
  grep -h '^unknown ' "$work/first.out" "$work/restarted.out" | sed 's/^unknown /- /'
fi
echo
echo "Simulated DC/OS (separate JVM, all sweeps): $(sed -n 2p "$work/cloud.out")"
echo "Concurrency $concurrency, request timeout $timeout_ms ms, $(nproc) cores, $(java -version 2>&1 | head -n 1)," \
  "commit $(git rev-parse --short HEAD)."
