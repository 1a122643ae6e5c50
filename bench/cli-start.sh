#!/usr/bin/env bash
# CLI start time: how long `./magnetar cluster-list` takes against a running server, before and after
# the client's start-up work, side by side in one run. Starts a private Magnetar (noauth, embedded H2
# in a temporary directory, instant simulated cloud) on 127.0.0.1 with a template and two clusters,
# then times with hyperfine:
#   - before: `java -jar magnetar.jar cluster-list` from a jar built at BENCH_BASELINE_REV (default
#     8be7cef, the last commit before the change), which is what the launcher ran then;
#   - after: `./magnetar cluster-list`, the launcher as it is (client main class, C1, serial GC, and on
#     JDK 25 its AOT cache), after one untimed run that creates the cache if it is missing;
#   - previous: the jar of BENCH_PREVIOUS_REV (default c0daa3f, before the client's own HTTP transport
#     and the rewritten picocli class files) run as the launcher ran it then, with its own AOT cache;
#   - two steps in between: the current jar's full main class with default JVM flags, and the client
#     main with the launcher's flags but without the AOT cache;
# and the launcher's first run after a build (the cache removed), which records and writes the cache.
# Prints a Markdown table (wall time mean ± σ, min, max, and the CPU time the command took, which
# other work on a shared machine inflates less) with the load average before and after.
#
#   bench/cli-start.sh
#
# Knobs (environment): BENCH_RUNS timed runs per command (20), BENCH_PORT (19631),
# BENCH_BASELINE_REV (8be7cef), BENCH_PREVIOUS_REV (c0daa3f). Each such jar is built once per revision
# from `git archive` into a temporary directory, and kept as ${TMPDIR:-/tmp}/magnetar-cli-baseline-REV.jar.
# Installs hyperfine, curl and python3 (to read hyperfine's JSON) with apt-get when missing. Traffic goes only to 127.0.0.1. Not part of
# the test suite.
set -o nounset -o errexit -o pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${BENCH_RUNS:-20}
port=${BENCH_PORT:-19631}
baseline_rev=${BENCH_BASELINE_REV:-8be7cef}
previous_rev=${BENCH_PREVIOUS_REV:-c0daa3f}
client_flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
host=127.0.0.1
base="http://$host:$port"

die() { echo "cli-start: $*" >&2; exit 1; }
say() { echo "cli-start: $*" >&2; }
load_average() { cut -d' ' -f1-3 /proc/loadavg; }

[[ $runs =~ ^[0-9]+$ ]] && [ "$runs" -ge 2 ] && [ "$runs" -le 500 ] || die "BENCH_RUNS must be 2..500"
[[ $port =~ ^[0-9]+$ ]] && [ "$port" -ge 1024 ] && [ "$port" -le 65535 ] || die "BENCH_PORT must be 1024..65535"

install_missing_tools() {
  local missing=() sudo=()
  command -v hyperfine > /dev/null 2>&1 || missing+=(hyperfine)
  command -v curl > /dev/null 2>&1 || missing+=(curl)
  command -v python3 > /dev/null 2>&1 || missing+=(python3)
  [ "${#missing[@]}" -eq 0 ] && return 0
  command -v apt-get > /dev/null 2>&1 || die "missing ${missing[*]} and no apt-get to install them"
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  say "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

server_pid=""
work=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2> /dev/null; then
    kill -TERM "$server_pid" 2> /dev/null || true
    for _ in $(seq 60); do
      kill -0 "$server_pid" 2> /dev/null || break
      sleep 0.5
    done
    kill -0 "$server_pid" 2> /dev/null && kill -KILL "$server_pid" 2> /dev/null
    wait "$server_pid" 2> /dev/null || true
  fi
  [ -z "$work" ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The jar of a revision ($1), built once and kept.
jar_of() {
  local rev jar tree
  rev=$(git -C "$root" rev-parse --short "$1")
  jar="${TMPDIR:-/tmp}/magnetar-cli-baseline-$rev.jar"
  if [ ! -f "$jar" ]; then
    say "building the jar of $rev (once)"
    tree="$work/build-$rev"
    mkdir -p "$tree"
    git -C "$root" archive "$rev" | tar -x -C "$tree"
    (cd "$tree" && mvn -B -q -ntp -DskipTests package -pl magnetar-server -am) >&2
    cp "$tree/magnetar-server/target/magnetar.jar" "$jar.tmp.$$"
    mv -f "$jar.tmp.$$" "$jar"
  fi
  echo "$jar"
}

# An AOT cache for a jar's client main class, recorded from one cluster-list as the launcher does.
client_cache_of() {
  local jar=$1 cache
  cache=$work/$(basename "$1" .jar).aot
  "$JAVA_HOME/bin/java" "${client_flags[@]}" -XX:AOTMode=record -XX:AOTConfiguration="$cache.conf" -Xlog:aot*=off \
    -Xlog:cds*=off -cp "$jar" dev.magnetar.cli.MagnetarCli --url "$base" cluster-list > /dev/null 2>&1
  "$JAVA_HOME/bin/java" "${client_flags[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$cache.conf" -XX:AOTCache="$cache" \
    -Xlog:aot*=off -Xlog:cds*=off -cp "$jar" > /dev/null 2>&1
  echo "$cache"
}

start_server() {
  (exec 3<> "/dev/tcp/$host/$port") 2> /dev/null && die "port $port on $host is already in use (set BENCH_PORT)"
  (
    cd "$work"
    while read -r name; do unset "$name"; done < <(compgen -e | grep '^MAGNETAR_' || true)
    export MAGNETAR_SIMULATION_SPEED=instant
    exec "$JAVA_HOME/bin/java" -jar "$work/server.jar" serve --host "$host" --port "$port" --data-dir "$work/data"
  ) > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 240); do
    kill -0 "$server_pid" 2> /dev/null || { cat "$work/server.log" >&2; die "server exited during start-up"; }
    curl -fsS -o /dev/null "$base/" 2> /dev/null && return 0
    sleep 0.5
  done
  die "server not answering on $base after 120 s"
}

post() { # path, JSON body; prints the uuid
  curl -fsS -H 'Content-Type: application/json' -d "$2" "$base$1" | grep -o '"uuid":"[0-9a-f-]*"' | head -n 1 | cut -d'"' -f4
}

main() {
  install_missing_tools
  # shellcheck source-path=SCRIPTDIR/.. source=scripts/select-jdk.sh
  . "$root/scripts/select-jdk.sh"
  work=$(mktemp -d "${TMPDIR:-/tmp}/magnetar-cli-bench.XXXXXX")
  local before_jar previous_jar previous_cache jar cache template
  before_jar=$(jar_of "$baseline_rev")
  previous_jar=$(jar_of "$previous_rev")
  "$root/magnetar" --version > /dev/null # builds magnetar.jar when it is missing or stale
  jar="$root/magnetar-server/target/magnetar.jar"
  cache="$root/magnetar-server/target/magnetar-client.aot"
  cp "$jar" "$work/server.jar"
  start_server
  template=$(post /v1/clustertemplates '{"name":"bench","coe":"dcos","image_id":"dcos-centos-7.2","keypair_id":"testkey","external_network_id":"public","flavor_id":"m1.small"}')
  post /v1/clusters "{\"name\":\"one\",\"cluster_template_id\":\"$template\",\"node_count\":1}" > /dev/null
  post /v1/clusters "{\"name\":\"two\",\"cluster_template_id\":\"$template\",\"node_count\":2}" > /dev/null

  local load_before load_after first_ms t0
  load_before=$(load_average)
  # The first client command after a build: it records its classes, then the cache is written.
  rm -f "$cache"
  t0=$(date +%s%N)
  "$root/magnetar" --url "$base" cluster-list > /dev/null 2>&1
  first_ms=$((($(date +%s%N) - t0) / 1000000))
  [ -f "$cache" ] || say "no AOT cache was written (JDK older than 25?)"

  local java="$JAVA_HOME/bin/java"
  previous_cache=$(client_cache_of "$previous_jar")
  hyperfine --style basic --warmup 3 --runs "$runs" --export-json "$work/times.json" \
    -n "before: java -jar magnetar.jar ($baseline_rev)" "$java -jar $before_jar --url $base cluster-list" \
    -n "previous: $previous_rev as ./magnetar ran it (client main, C1, serial GC, AOT cache)" \
    "$java ${client_flags[*]} -XX:AOTCache=$previous_cache -cp $previous_jar dev.magnetar.cli.MagnetarCli --url $base cluster-list" \
    -n "now, full main class, default JVM flags" "$java -jar $jar --url $base cluster-list" \
    -n "now, client main class, C1 + serial GC, no AOT cache" \
    "$java ${client_flags[*]} -cp $jar dev.magnetar.cli.MagnetarCli --url $base cluster-list" \
    -n "after: ./magnetar (client main, C1, serial GC, AOT cache)" "$root/magnetar --url $base cluster-list" >&2
  load_after=$(load_average)

  echo "CLI start time — $(date -u '+%Y-%m-%d %H:%M UTC'), commit" \
    "$(git -C "$root" describe --always --dirty 2> /dev/null || echo unknown), $(nproc) cores," \
    "$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1), $(hyperfine --version);" \
    "\`cluster-list\` of 2 clusters against a local noauth server; $runs runs each after 3 warm-ups;" \
    "load average before $load_before, after $load_after."
  echo
  echo "| command | wall mean ± σ | wall min | wall max | CPU (user + system) mean |"
  echo "| --- | --- | --- | --- | --- |"
  python3 - "$work/times.json" << 'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("| %s | %.2f ± %.2f s | %.2f s | %.2f s | %.2f s |" % (r["command"], r["mean"], r["stddev"], r["min"],
          r["max"], r["user"] + r["system"]))
PY
  echo
  echo "The launcher's first client command after a build (records its classes, then writes the AOT" \
    "cache): $first_ms ms, once."
}

main "$@"
