#!/usr/bin/env bash
# API throughput benchmark, two auth modes side by side in one run: starts two private Magnetars
# (embedded H2 in a temporary directory, instant simulated cloud) on 127.0.0.1, one with noauth and
# one with Keystone auth against the real Keystone on loopback (scripts/openstack-on-loopback.sh,
# started if it does not answer), stores BENCH_TEMPLATES cluster templates in each (in Keystone mode
# as alpha-member of project alpha, with a real token), and drives both with wrk, one after the
# other for each row: list, show and create of cluster templates at concurrency 1 and 16, for a
# fixed time after a warm-up; in Keystone mode also the list asked with If-None-Match (304). It also
# starts nginx on loopback serving the Keystone list's exact body as a static file, the HTTP limit of
# this machine for that body, and reports Magnetar's list rate as a share of it. Prints a Markdown
# table, the servers' resident memory idle and after load, and stops every process it started, by PID.
#
#   bench/api-throughput.sh
#
# Knobs (environment): BENCH_DURATION seconds per measured run (10), BENCH_WARMUP seconds of
# discarded warm-up before each (3), BENCH_TEMPLATES stored before the runs (100), BENCH_PORT (19611;
# the Keystone-mode server takes the next port, nginx the one after), BENCH_JFR=1 to record a Flight
# Recorder profile of each server (kept in BENCH_JFR_DIR, default /tmp/magnetar-bench-jfr),
# BENCH_JAR to measure another build's magnetar.jar (e.g. an older commit's, for a before/after);
# MAGNETAR_JAVA_OPTS passes JVM options to the servers as ./magnetar does (e.g. -Xmx256m). No other
# MAGNETAR_* setting reaches the servers: they run the defaults with an instant simulated cloud,
# plus the Keystone settings in Keystone mode. Traffic goes only to 127.0.0.1. Installs wrk, curl
# and nginx-light with apt-get when they are missing. Not part of the test suite: timings depend on
# the machine and on whatever else runs on it.
set -o nounset -o errexit -o pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
lua_script="$root/bench/wrk-magnetar.lua"
duration=${BENCH_DURATION:-10}
warmup=${BENCH_WARMUP:-3}
templates=${BENCH_TEMPLATES:-100}
port=${BENCH_PORT:-19611}
host=127.0.0.1
jfr=${BENCH_JFR:-0}
jfr_dir=${BENCH_JFR_DIR:-/tmp/magnetar-bench-jfr}
template_body='{"name":"%s","coe":"dcos","image_id":"dcos-centos-7.2","keypair_id":"testkey","external_network_id":"public","flavor_id":"m1.small"}'

die() { echo "api-throughput: $*" >&2; exit 1; }
say() { echo "api-throughput: $*" >&2; }

is_count() { [[ $1 =~ ^[0-9]+$ ]] && [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]; }
is_count "$duration" 1 120 || die "BENCH_DURATION must be 1..120 seconds"
is_count "$warmup" 0 60 || die "BENCH_WARMUP must be 0..60 seconds"
is_count "$templates" 1 1000 || die "BENCH_TEMPLATES must be 1..1000"
is_count "$port" 1024 65533 || die "BENCH_PORT must be 1024..65533"
keystone_port=$((port + 1))
nginx_port=$((port + 2))
base="http://$host:$port"
keystone_base="http://$host:$keystone_port"
nginx_base="http://$host:$nginx_port"

install_missing_tools() {
  local missing=() sudo=()
  command -v wrk > /dev/null 2>&1 || missing+=(wrk)
  command -v curl > /dev/null 2>&1 || missing+=(curl)
  [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  [ "${#missing[@]}" -eq 0 ] && return 0
  command -v apt-get > /dev/null 2>&1 || die "missing ${missing[*]} and no apt-get to install them"
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  say "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

pids=() # every process we started, stopped by PID on exit
work=""
stop_pid() {
  local pid=$1
  if kill -0 "$pid" 2> /dev/null; then
    kill -TERM "$pid" 2> /dev/null || true
    for _ in $(seq 60); do
      kill -0 "$pid" 2> /dev/null || break
      sleep 0.5
    done
    kill -0 "$pid" 2> /dev/null && kill -KILL "$pid" 2> /dev/null
  fi
  wait "$pid" 2> /dev/null || true
}
# Stops the servers and nginx (by PID); the servers then write their flight recordings, if any.
stop_all() {
  local pid
  for pid in "${pids[@]}"; do stop_pid "$pid"; done
  pids=()
}
cleanup() {
  stop_all
  [ -z "$work" ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# CPU accounting in clock ticks, to tell how much of the machine other processes took while we measured.
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
process_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk -v own="$2" '{ print own ? $12 + $13 : $14 + $15 }'; }
rss_mib() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
load_average() { cut -d' ' -f1-3 /proc/loadavg; }
port_free() { ! (exec 3<> "/dev/tcp/$host/$1") 2> /dev/null; }

# Keystone: the loopback cloud the integration tests use, started (it is idempotent) unless it answers.
keystone_env() {
  if ! curl -fsS -o /dev/null --max-time 30 "http://$host:5000/v3"; then
    say "starting Keystone on loopback (scripts/openstack-on-loopback.sh start)"
    "$root/scripts/openstack-on-loopback.sh" start >&2
  fi
  eval "$("$root/scripts/openstack-on-loopback.sh" env)"
  # Kept under names of our own: the servers start with every MAGNETAR_* variable unset.
  service_user=$MAGNETAR_SERVICE_USERNAME service_password=$MAGNETAR_SERVICE_PASSWORD
  service_project=$MAGNETAR_SERVICE_PROJECT password_suffix=$MAGNETAR_TEST_PASSWORD_SUFFIX
}

# Prints a project-scoped token of user $1 (password $2) in project $3, issued by Keystone.
issue_token() {
  local body
  body=$(printf '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s","domain":{"name":"Default"},"password":"%s"}}},"scope":{"project":{"name":"%s","domain":{"name":"Default"}}}}}' "$1" "$2" "$3")
  curl -fsS --max-time 120 -D - -o /dev/null -H 'Content-Type: application/json' -d "$body" \
    "$OS_AUTH_URL/auth/tokens" | awk 'tolower($1) == "x-subject-token:" { print $2 }' | tr -d '\r'
}

# Starts a server from the private copy of the jar (a rebuild in the tree while we measure must not
# change the code under test) on port $2 in auth mode $1, with no MAGNETAR_* settings but instant
# simulation (and Keystone's in keystone mode); sets started_pid.
start_server() {
  local mode=$1 server_port=$2 java_opts=()
  port_free "$server_port" || die "port $server_port on $host is already in use (set BENCH_PORT)"
  read -r -a java_opts <<< "${MAGNETAR_JAVA_OPTS:-}" # JVM options, as ./magnetar takes them
  if [ "$jfr" = 1 ]; then
    mkdir -p "$jfr_dir"
    java_opts+=("-XX:StartFlightRecording=filename=$jfr_dir/$mode.jfr,settings=profile,dumponexit=true")
  fi
  (
    cd "$work"
    while read -r name; do unset "$name"; done < <(compgen -e | grep '^MAGNETAR_' || true)
    export MAGNETAR_SIMULATION_SPEED=instant
    if [ "$mode" = keystone ]; then
      export MAGNETAR_API_AUTH=keystone MAGNETAR_KEYSTONE_AUTH_URL="$OS_AUTH_URL"
      export MAGNETAR_KEYSTONE_USERNAME="$service_user" MAGNETAR_KEYSTONE_PASSWORD="$service_password"
      export MAGNETAR_KEYSTONE_PROJECT="$service_project"
      # keystonemiddleware's default token cache time. With Magnetar's default of 60 s, a Keystone
      # slowed by the tests sharing it (30 s per validation has been seen here) could not renew the
      # validation before it ran out, and the run would measure Keystone instead.
      export MAGNETAR_KEYSTONE_TOKEN_CACHE_MAX_AGE_SECONDS=300
    fi
    exec "$JAVA_HOME/bin/java" "${java_opts[@]}" -jar "$work/magnetar.jar" serve \
      --host "$host" --port "$server_port" --data-dir "$work/data-$mode"
  ) > "$work/server-$mode.log" 2>&1 &
  started_pid=$!
  pids+=("$started_pid")
}

await_server() { # pid, base url
  for _ in $(seq 240); do
    kill -0 "$1" 2> /dev/null || { cat "$work"/server-*.log >&2; die "a server exited during start-up"; }
    curl -fsS -o /dev/null "$2/" 2> /dev/null && return 0
    sleep 0.5
  done
  die "server not answering on $2 after 120 s"
}

# nginx on loopback with a configuration and pid file of its own, serving $work/static; sets started_pid.
start_nginx() {
  port_free "$nginx_port" || die "port $nginx_port on $host is already in use (set BENCH_PORT)"
  mkdir -p "$work/nginx"
  # Started as root, nginx's workers run as an unprivileged user: let it reach the body, nothing else.
  chmod 711 "$work"
  chmod -R a+rX "$work/static"
  cat > "$work/nginx/nginx.conf" << NGINX
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  keepalive_requests 1000000;
  sendfile on;
  server {
    listen $host:$nginx_port;
    root $work/static;
    default_type application/json;
  }
}
NGINX
  /usr/sbin/nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" > "$work/nginx/stdout.log" 2>&1 &
  started_pid=$!
  pids+=("$started_pid")
  for _ in $(seq 40); do
    curl -fsS -o /dev/null "$nginx_base/v1/clustertemplates" 2> /dev/null && return 0
    sleep 0.25
  done
  cat "$work/nginx/error.log" "$work/nginx/stdout.log" >&2
  die "nginx not answering on $nginx_base"
}

# CPU ticks of nginx's master and its workers.
nginx_ticks() {
  local total child
  total=$(process_ticks "$1" 1)
  for child in $(pgrep -P "$1" || true); do
    total=$((total + $(process_ticks "$child" 1)))
  done
  echo "$total"
}

# Creates one template named $1 on server $2 (with token $3, if any) and prints its uuid.
create_template() {
  local response status auth=()
  [ -z "${3:-}" ] || auth=(-H "X-Auth-Token: $3")
  # shellcheck disable=SC2059  # the format is our constant template body
  response=$(curl -sS -w '\n%{http_code}' "${auth[@]}" -H 'Content-Type: application/json' \
    -d "$(printf "$template_body" "$1")" "$2/v1/clustertemplates")
  status=${response##*$'\n'}
  [ "$status" = 201 ] || die "creating template $1 answered $status: ${response%$'\n'*}"
  grep -o '"uuid":"[0-9a-f-]*"' <<< "$response" | head -n 1 | cut -d'"' -f4
}

# Runs wrk against $3 with concurrency $2 in mode $4 (run name $5), with any further arguments
# passed to wrk (e.g. -H lines); prints "requests req/s p50 p99 errors".
measure() {
  local label=$1 connections=$2 url=$3 mode=$4 run=$5 line
  shift 5
  # One wrk thread keeps up with 16 connections at these rates and leaves the cores to the server.
  local args=(-t 1 -c "$connections" --timeout 10s -H 'Accept: application/json' "$@" -s "$lua_script")
  if [ "$warmup" -gt 0 ]; then
    wrk "${args[@]}" -d "${warmup}s" "$url" -- "$mode" "$run-warmup" > "$work/wrk-$run-warmup.log"
  fi
  wrk "${args[@]}" -d "${duration}s" "$url" -- "$mode" "$run" > "$work/wrk-$run.log"
  line=$(sed -n 's/^RESULT //p' "$work/wrk-$run.log")
  [ -n "$line" ] || { cat "$work/wrk-$run.log" >&2; die "wrk printed no result for $label c=$connections"; }
  # wrk counts a request still waiting when the run ends as neither done nor failed.
  [ "${line%% *}" != 0 ] || die "$label c=$connections: no request was answered in ${duration} s"
  say "$label c=$connections: $line (requests req/s p50_ms p99_ms errors); load $(load_average)"
  echo "$line"
}

ms() { awk -v v="$1" 'BEGIN { if (v < 10) printf "%.2f ms", v; else if (v < 100) printf "%.1f ms", v; else printf "%.0f ms", v }'; }

share() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f %%", 100 * a / b; else print "n/a" }'; }

main() {
  install_missing_tools
  # shellcheck source-path=SCRIPTDIR/.. source=scripts/select-jdk.sh
  . "$root/scripts/select-jdk.sh"
  work=$(mktemp -d "${TMPDIR:-/tmp}/magnetar-bench.XXXXXX")
  keystone_env
  local token
  token=$(issue_token alpha-member "alpha-member$password_suffix" alpha)
  [ -n "$token" ] || die "Keystone issued no token for alpha-member"

  if [ -n "${BENCH_JAR:-}" ]; then
    cp "$BENCH_JAR" "$work/magnetar.jar"
  else
    "$root/magnetar" --version > /dev/null # builds magnetar.jar when it is missing or stale
    cp "$root/magnetar-server/target/magnetar.jar" "$work/magnetar.jar"
  fi
  local load_before noauth_pid keystone_pid nginx_pid started_pid
  load_before=$(load_average)
  start_server noauth "$port"
  noauth_pid=$started_pid
  start_server keystone "$keystone_port"
  keystone_pid=$started_pid
  await_server "$noauth_pid" "$base"
  await_server "$keystone_pid" "$keystone_base"
  say "servers: noauth pid $noauth_pid on $base, keystone pid $keystone_pid on $keystone_base;" \
    "storing $templates templates in each"
  local show_uuid="" keystone_show_uuid="" uuid i
  for i in $(seq "$templates"); do
    uuid=$(create_template "seed-$i" "$base")
    if [ "$i" -eq $(((templates + 1) / 2)) ]; then show_uuid=$uuid; fi
    uuid=$(create_template "seed-$i" "$keystone_base" "$token")
    if [ "$i" -eq $(((templates + 1) / 2)) ]; then keystone_show_uuid=$uuid; fi
  done
  local list_bytes keystone_list_bytes static_bytes listed etag
  list_bytes=$(curl -fsS -o "$work/list.json" -w '%{size_download}' "$base/v1/clustertemplates")
  listed=$(grep -o '"uuid":"' "$work/list.json" | wc -l)
  [ "$listed" -eq "$templates" ] || die "the noauth list returned $listed templates, expected $templates"
  mkdir -p "$work/static/v1"
  keystone_list_bytes=$(curl -fsS -H "X-Auth-Token: $token" -D "$work/list-keystone.headers" \
    -o "$work/static/v1/clustertemplates" -w '%{size_download}' "$keystone_base/v1/clustertemplates")
  listed=$(grep -o '"uuid":"' "$work/static/v1/clustertemplates" | wc -l)
  [ "$listed" -eq "$templates" ] || die "the keystone list returned $listed templates, expected $templates"
  etag=$(awk 'tolower($1) == "etag:" { print $2 }' "$work/list-keystone.headers" | tr -d '\r')
  [ -n "$etag" ] || say "the keystone list came without an ETag: no If-None-Match rows"
  start_nginx
  nginx_pid=$started_pid
  static_bytes=$(curl -fsS -o /dev/null -w '%{size_download}' "$nginx_base/v1/clustertemplates")
  [ "$static_bytes" = "$keystone_list_bytes" ] || die "nginx served $static_bytes bytes, expected $keystone_list_bytes"
  sleep 5
  local rss_idle rss_idle_keystone
  rss_idle=$(rss_mib "$noauth_pid")
  rss_idle_keystone=$(rss_mib "$keystone_pid")

  local rows=() errors_total=0 spec label path mode connections result method rps p50 p99 errors
  local busy0 total0 busy1 total1 servers0 servers1 nginx0 nginx1 wrk0 wrk1 others noauth_cells keystone_cells
  local static_c1="" static_c16="" keystone_c1="" keystone_c16=""
  read -r busy0 total0 < <(machine_ticks)
  servers0=$(($(process_ticks "$noauth_pid" 1) + $(process_ticks "$keystone_pid" 1)))
  nginx0=$(nginx_ticks "$nginx_pid")
  wrk0=$(process_ticks $$ 0) # our reaped descendants: every wrk run
  local specs=("list|/v1/clustertemplates|get" "show|/v1/clustertemplates/{uuid}|get"
    "create|/v1/clustertemplates|create")
  for spec in "${specs[@]}"; do
    IFS='|' read -r label path mode <<< "$spec"
    method=GET
    [ "$mode" = create ] && method=POST
    for connections in 1 16; do
      result=$(measure "$label noauth" "$connections" "$base${path/\{uuid\}/$show_uuid}" "$mode" \
        "$label-noauth-c$connections")
      read -r _ rps p50 p99 errors <<< "$result"
      noauth_cells="$rps | $(ms "$p50") | $(ms "$p99") | $errors"
      errors_total=$((errors_total + errors))
      result=$(measure "$label keystone" "$connections" "$keystone_base${path/\{uuid\}/$keystone_show_uuid}" "$mode" \
        "$label-keystone-c$connections" -H "X-Auth-Token: $token")
      read -r _ rps p50 p99 errors <<< "$result"
      keystone_cells="$rps | $(ms "$p50") | $(ms "$p99") | $errors"
      errors_total=$((errors_total + errors))
      rows+=("| $method $path | $connections | $noauth_cells | $keystone_cells |")
      if [ "$label" = list ]; then
        if [ "$connections" = 1 ]; then keystone_c1=$rps; else keystone_c16=$rps; fi
        if [ -n "$etag" ]; then
          result=$(measure "list 304" "$connections" "$keystone_base$path" get "list-304-c$connections" \
            -H "X-Auth-Token: $token" -H "If-None-Match: $etag")
          read -r _ rps p50 p99 errors <<< "$result"
          errors_total=$((errors_total + errors))
          rows+=("| GET $path with If-None-Match (304) | $connections | | | | | $rps | $(ms "$p50") | $(ms "$p99") | $errors |")
        fi
        result=$(measure "list nginx" "$connections" "$nginx_base$path" get "list-nginx-c$connections")
        read -r _ rps p50 p99 errors <<< "$result"
        errors_total=$((errors_total + errors))
        if [ "$connections" = 1 ]; then static_c1=$rps; else static_c16=$rps; fi
        rows+=("| the keystone list's body from nginx (static file) | $connections | | | | | $rps | $(ms "$p50") | $(ms "$p99") | $errors |")
      fi
    done
  done
  read -r busy1 total1 < <(machine_ticks)
  servers1=$(($(process_ticks "$noauth_pid" 1) + $(process_ticks "$keystone_pid" 1)))
  nginx1=$(nginx_ticks "$nginx_pid")
  wrk1=$(process_ticks $$ 0)
  others=$(awk -v b=$((busy1 - busy0 - (servers1 - servers0) - (nginx1 - nginx0) - (wrk1 - wrk0))) \
    -v t=$((total1 - total0)) -v n="$(nproc)" 'BEGIN { printf "%.2f", (t > 0 ? n * b / t : 0) }')
  local rss_after rss_after_keystone rss_gc rss_gc_keystone load_after
  rss_after=$(rss_mib "$noauth_pid")
  rss_after_keystone=$(rss_mib "$keystone_pid")
  load_after=$(load_average)
  # How much of that is garbage the JVM has not handed back: G1 returns free heap after a full GC.
  "$JAVA_HOME/bin/jcmd" "$noauth_pid" GC.run > /dev/null
  "$JAVA_HOME/bin/jcmd" "$keystone_pid" GC.run > /dev/null
  sleep 2
  rss_gc=$(rss_mib "$noauth_pid")
  rss_gc_keystone=$(rss_mib "$keystone_pid")
  stop_all

  echo "Magnetar API throughput — $(date -u '+%Y-%m-%d %H:%M UTC')," \
    "${BENCH_JAR:+jar $BENCH_JAR, }commit $(git -C "$root" describe --always --dirty 2> /dev/null || echo unknown)," \
    "$(nproc) cores, $(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
    "$(. /etc/os-release && echo "$PRETTY_NAME"), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)," \
    "$(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2), $(/usr/sbin/nginx -v 2>&1 | cut -d' ' -f3)"
  echo "Embedded H2, instant simulated cloud; $templates templates stored in each server (list response" \
    "$list_bytes bytes noauth, $keystone_list_bytes bytes keystone); wrk ${duration} s per row after" \
    "${warmup} s warm-up; load average before $load_before, after $load_after; other processes used" \
    "$others of the $(nproc) cores while we measured. Keystone mode: a token of alpha-member (project" \
    "alpha, role member) issued by the loopback Keystone, validated by the server and then cached" \
    "(token_cache_max_age_seconds = 300, renewed in the background after 150 s)."
  echo
  echo "| request | concurrency | noauth req/s | p50 | p99 | errors | keystone req/s | p50 | p99 | errors |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${rows[@]}"
  echo
  echo "The keystone-mode list as a share of nginx serving the same body: $(share "$keystone_c1" "$static_c1")" \
    "at concurrency 1, $(share "$keystone_c16" "$static_c16") at 16."
  echo "Server resident memory (VmRSS; JVM options: ${MAGNETAR_JAVA_OPTS:-none, default heap sizing}):" \
    "noauth $rss_idle MiB idle after storing the templates, $rss_after MiB right after load, $rss_gc MiB" \
    "after a full GC (jcmd GC.run); keystone $rss_idle_keystone, $rss_after_keystone and $rss_gc_keystone MiB."
  [ "$jfr" != 1 ] || echo "Flight recordings: $jfr_dir/noauth.jfr and $jfr_dir/keystone.jfr"
  [ "$errors_total" -eq 0 ] || die "$errors_total requests failed (see the errors columns)"
}

main "$@"
