#!/usr/bin/env bash
# API throughput benchmark: starts a private Magnetar (embedded H2 in a temporary directory,
# instant simulated cloud, noauth) on 127.0.0.1, stores BENCH_TEMPLATES cluster templates, and
# drives it with wrk: list, show and create of cluster templates, each at concurrency 1 and 16,
# for a fixed time after a warm-up. Prints a Markdown table (req/s, p50, p99, errors) and the
# server's resident memory idle and after load, then stops the server it started.
#
#   bench/api-throughput.sh
#
# Knobs (environment): BENCH_DURATION seconds per measured run (10), BENCH_WARMUP seconds of
# discarded warm-up before each (3), BENCH_TEMPLATES stored before the runs (100), BENCH_PORT (19611);
# MAGNETAR_JAVA_OPTS passes JVM options to the server as ./magnetar does (e.g. -Xmx256m). No other
# MAGNETAR_* setting reaches the server: it always runs the defaults with an instant simulated cloud.
# Traffic goes only to 127.0.0.1. Installs wrk and curl with apt-get when they are missing.
# Not part of the test suite: timings depend on the machine and on whatever else runs on it.
set -o nounset -o errexit -o pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
lua_script="$root/bench/wrk-magnetar.lua"
duration=${BENCH_DURATION:-10}
warmup=${BENCH_WARMUP:-3}
templates=${BENCH_TEMPLATES:-100}
port=${BENCH_PORT:-19611}
host=127.0.0.1
base="http://$host:$port"
template_body='{"name":"%s","coe":"dcos","image_id":"dcos-centos-7.2","keypair_id":"testkey","external_network_id":"public","flavor_id":"m1.small"}'

die() { echo "api-throughput: $*" >&2; exit 1; }
say() { echo "api-throughput: $*" >&2; }

is_count() { [[ $1 =~ ^[0-9]+$ ]] && [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]; }
is_count "$duration" 1 120 || die "BENCH_DURATION must be 1..120 seconds"
is_count "$warmup" 0 60 || die "BENCH_WARMUP must be 0..60 seconds"
is_count "$templates" 1 1000 || die "BENCH_TEMPLATES must be 1..1000"
is_count "$port" 1024 65535 || die "BENCH_PORT must be 1024..65535"

install_missing_tools() {
  local missing=() sudo=()
  command -v wrk > /dev/null 2>&1 || missing+=(wrk)
  command -v curl > /dev/null 2>&1 || missing+=(curl)
  [ "${#missing[@]}" -eq 0 ] && return 0
  command -v apt-get > /dev/null 2>&1 || die "missing ${missing[*]} and no apt-get to install them"
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  say "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

server_pid=""
work=""
stop_server() {
  [ -n "$server_pid" ] || return 0
  if kill -0 "$server_pid" 2> /dev/null; then
    kill -TERM "$server_pid" 2> /dev/null || true
    for _ in $(seq 60); do
      kill -0 "$server_pid" 2> /dev/null || break
      sleep 0.5
    done
    kill -0 "$server_pid" 2> /dev/null && kill -KILL "$server_pid" 2> /dev/null
  fi
  wait "$server_pid" 2> /dev/null || true
  server_pid=""
}
cleanup() {
  stop_server
  [ -z "$work" ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# CPU accounting in clock ticks, to tell how much of the machine other processes took while we measured.
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
process_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk -v own="$2" '{ print own ? $12 + $13 : $14 + $15 }'; }
rss_mib() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$server_pid/status"; }
load_average() { cut -d' ' -f1-3 /proc/loadavg; }

# Starts the server from a private copy of the jar (a rebuild in the tree while we measure must not
# change the code under test) with no MAGNETAR_* settings but instant simulation, in $work.
start_server() {
  "$root/magnetar" --version > /dev/null   # builds magnetar.jar when it is missing or stale
  cp "$root/magnetar-server/target/magnetar.jar" "$work/magnetar.jar"
  if (exec 3<> "/dev/tcp/$host/$port") 2> /dev/null; then
    die "port $port on $host is already in use (set BENCH_PORT)"
  fi
  local java_opts=()
  read -r -a java_opts <<< "${MAGNETAR_JAVA_OPTS:-}"   # JVM options, as ./magnetar takes them
  (
    cd "$work"
    while read -r name; do unset "$name"; done < <(compgen -e | grep '^MAGNETAR_' || true)
    export MAGNETAR_SIMULATION_SPEED=instant
    exec "$JAVA_HOME/bin/java" "${java_opts[@]}" -jar "$work/magnetar.jar" serve \
      --host "$host" --port "$port" --data-dir "$work/data"
  ) > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 240); do
    kill -0 "$server_pid" 2> /dev/null || { cat "$work/server.log" >&2; die "server exited during start-up"; }
    curl -fsS -o /dev/null "$base/" 2> /dev/null && return 0
    sleep 0.5
  done
  die "server not answering on $base after 120 s"
}

# Creates one template named $1 and prints its uuid.
create_template() {
  local response status
  # shellcheck disable=SC2059  # the format is our constant template body
  response=$(curl -sS -w '\n%{http_code}' -H 'Content-Type: application/json' \
    -d "$(printf "$template_body" "$1")" "$base/v1/clustertemplates")
  status=${response##*$'\n'}
  [ "$status" = 201 ] || die "creating template $1 answered $status: ${response%$'\n'*}"
  grep -o '"uuid":"[0-9a-f-]*"' <<< "$response" | head -n 1 | cut -d'"' -f4
}

# Runs wrk against $3 with concurrency $2 in mode $4; prints "requests req/s p50 p99 errors".
measure() {
  local label=$1 connections=$2 url=$3 mode=$4 run=$5 line
  # One wrk thread keeps up with 16 connections at these rates and leaves the cores to the server.
  local args=(-t 1 -c "$connections" --timeout 10s -H 'Accept: application/json' -s "$lua_script")
  if [ "$warmup" -gt 0 ]; then
    wrk "${args[@]}" -d "${warmup}s" "$url" -- "$mode" "$run-warmup" > "$work/wrk-$run-warmup.log"
  fi
  wrk "${args[@]}" -d "${duration}s" "$url" -- "$mode" "$run" > "$work/wrk-$run.log"
  line=$(sed -n 's/^RESULT //p' "$work/wrk-$run.log")
  [ -n "$line" ] || { cat "$work/wrk-$run.log" >&2; die "wrk printed no result for $label c=$connections"; }
  say "$label c=$connections: $line (requests req/s p50_ms p99_ms errors); load $(load_average)"
  echo "$line"
}

ms() { awk -v v="$1" 'BEGIN { if (v < 10) printf "%.2f ms", v; else if (v < 100) printf "%.1f ms", v; else printf "%.0f ms", v }'; }

main() {
  install_missing_tools
  # shellcheck source-path=SCRIPTDIR/.. source=scripts/select-jdk.sh
  . "$root/scripts/select-jdk.sh"
  work=$(mktemp -d "${TMPDIR:-/tmp}/magnetar-bench.XXXXXX")
  local load_before load_after rss_idle rss_after rss_after_gc list_bytes listed show_uuid="" uuid i
  load_before=$(load_average)
  start_server
  say "server pid $server_pid on $base; storing $templates templates"
  for i in $(seq "$templates"); do
    uuid=$(create_template "seed-$i")
    if [ "$i" -eq $(((templates + 1) / 2)) ]; then show_uuid=$uuid; fi
  done
  list_bytes=$(curl -fsS -o "$work/list.json" -w '%{size_download}' "$base/v1/clustertemplates")
  listed=$(grep -o '"uuid":"' "$work/list.json" | wc -l)
  [ "$listed" -eq "$templates" ] || die "the list returned $listed templates, expected $templates"
  sleep 5
  rss_idle=$(rss_mib)

  local rows=() errors_total=0 spec label path mode connections result
  local busy0 total0 busy1 total1 server0 server1 wrk0 wrk1 others
  read -r busy0 total0 < <(machine_ticks)
  server0=$(process_ticks "$server_pid" 1)
  wrk0=$(process_ticks $$ 0)   # our reaped descendants: every wrk run
  local specs=("list|/v1/clustertemplates|get" "show|/v1/clustertemplates/$show_uuid|get" "create|/v1/clustertemplates|create")
  for spec in "${specs[@]}"; do
    IFS='|' read -r label path mode <<< "$spec"
    for connections in 1 16; do
      result=$(measure "$label" "$connections" "$base$path" "$mode" "$label-c$connections")
      read -r _ rps p50 p99 errors <<< "$result"
      errors_total=$((errors_total + errors))
      local method=GET
      [ "$mode" = create ] && method=POST
      local shown_path=${path/$show_uuid/\{uuid\}}
      rows+=("| $method $shown_path | $connections | $rps | $(ms "$p50") | $(ms "$p99") | $errors |")
    done
  done
  read -r busy1 total1 < <(machine_ticks)
  server1=$(process_ticks "$server_pid" 1)
  wrk1=$(process_ticks $$ 0)
  others=$(awk -v b=$((busy1 - busy0 - (server1 - server0) - (wrk1 - wrk0))) -v t=$((total1 - total0)) \
    -v n="$(nproc)" 'BEGIN { printf "%.2f", (t > 0 ? n * b / t : 0) }')
  rss_after=$(rss_mib)
  load_after=$(load_average)
  # How much of that is garbage the JVM has not handed back: G1 returns free heap after a full GC.
  "$JAVA_HOME/bin/jcmd" "$server_pid" GC.run > /dev/null
  sleep 2
  rss_after_gc=$(rss_mib)
  stop_server

  echo "Magnetar API throughput — $(date -u '+%Y-%m-%d %H:%M UTC')," \
    "commit $(git -C "$root" describe --always --dirty 2> /dev/null || echo unknown), $(nproc) cores," \
    "$(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
    "$(. /etc/os-release && echo "$PRETTY_NAME"), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)," \
    "$(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2)"
  echo "Embedded H2, instant simulated cloud, noauth; $templates templates stored (list response $list_bytes bytes);" \
    "wrk ${duration} s per row after ${warmup} s warm-up; load average before $load_before, after $load_after;" \
    "other processes used $others of the $(nproc) cores while we measured."
  echo
  echo "| request | concurrency | req/s | p50 | p99 | errors |"
  echo "| --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Server resident memory (VmRSS; JVM options: ${MAGNETAR_JAVA_OPTS:-none, default heap sizing}):" \
    "$rss_idle MiB idle after storing the templates," \
    "$rss_after MiB right after load, $rss_after_gc MiB after a full GC (jcmd GC.run)."
  [ "$errors_total" -eq 0 ] || die "$errors_total requests failed (see the errors column)"
}

main "$@"
