#!/usr/bin/env bash
# Monitor sweep benchmark: one health sweep over BENCH_CLUSTERS simulated DC/OS clusters (10000)
# with oauth on, as the service runs it (embedded H2, the DC/OS driver's monitor, each cluster's
# own service account), against a simulated DC/OS in a second JVM on 127.0.0.1. Measures a cold
# sweep (every cluster logs in, every health is new) and a warm one (tokens cached, nothing to
# write): wall time, CPU seconds and peak resident memory of the service process. Prints a Markdown
# table; stops by itself (a watchdog ends each JVM after 10 minutes).
#
#   bench/monitor-sweep.sh
#
# Knobs (environment): BENCH_CLUSTERS (10000), BENCH_CONCURRENCY polls in flight (32),
# BENCH_TIMEOUT_MS per request (5000), BENCH_HEAP for the service JVM (1g).
# Not part of the test suite: timings depend on the machine and on whatever else runs on it.
set -o nounset -o errexit -o pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
clusters=${BENCH_CLUSTERS:-10000}
concurrency=${BENCH_CONCURRENCY:-32}
timeout_ms=${BENCH_TIMEOUT_MS:-5000}
heap=${BENCH_HEAP:-1g}

die() { echo "monitor-sweep: $*" >&2; exit 1; }
is_count() { [[ $1 =~ ^[0-9]+$ ]] && [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]; }
is_count "$clusters" 1 50000 || die "BENCH_CLUSTERS must be 1..50000"
is_count "$concurrency" 1 1024 || die "BENCH_CONCURRENCY must be 1..1024"
is_count "$timeout_ms" 10 60000 || die "BENCH_TIMEOUT_MS must be 10..60000"
[[ $heap =~ ^[0-9]+[mg]$ ]] || die "BENCH_HEAP must look like 512m or 1g"

cd "$root"
# shellcheck source=scripts/select-jdk.sh
. scripts/select-jdk.sh
classpath_file=$(mktemp)
build_log=$(mktemp)
trap 'rm -f "$classpath_file" "$build_log"' EXIT
echo "monitor-sweep: building (tests skipped)" >&2
mvn -B -ntp -q install -DskipTests -pl magnetar-server -am > "$build_log" 2>&1 \
  || { cat "$build_log" >&2; die "the build failed"; }
mvn -B -ntp -q -pl magnetar-server dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$classpath_file" > "$build_log" 2>&1 \
  || { cat "$build_log" >&2; die "cannot resolve the test classpath"; }
server=magnetar-server/target
java "-Xmx$heap" -cp "$server/test-classes:$server/classes:$(cat "$classpath_file")" \
  dev.magnetar.server.bench.MonitorSweepBench "$clusters" "$concurrency" "$timeout_ms"
