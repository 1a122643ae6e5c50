#!/usr/bin/env bash
# Cluster create/delete throughput benchmark: starts a private `serve` on 127.0.0.1 with the instant
# simulated cloud and noauth, stores one DC/OS cluster template, then sends BENCH_CLUSTERS concurrent
# cluster creates (BENCH_CONNECTIONS keep-alive connections) and, once they have settled, as many
# concurrent deletes (bench/cluster_load.py). For each phase it prints: accept rate, time until all
# settled, p50/p99 of "request answered -> settled status visible in the API", a template read's
# latency meanwhile, CPU of the server (by kind of thread), of the database and of everything else,
# the database's share, and the 1-minute load average. Runs on the embedded default (H2 file database)
# and on PostgreSQL (a scratch database on 127.0.0.1:5432, user postgres, dropped afterwards).
#
#   bench/cluster-creates.sh
#
# Knobs (environment):
#   BENCH_CLUSTERS      creates per run, then as many deletes (1000)
#   BENCH_CONNECTIONS   client connections sending them (16)
#   BENCH_DATABASES     which of "h2 postgres" to run, in order (both)
#   BENCH_JAR           the build to measure (default: this tree's, built by ./magnetar when stale)
#   BENCH_RUNS          how many times to run the whole set, for the spread (1)
#   BENCH_REFERENCE_JAR another build's magnetar.jar (e.g. main's) run first under the same
#                       conditions, for a side-by-side comparison in one run (none)
#   BENCH_REFERENCE_DATABASES  the databases the reference runs on (those of BENCH_DATABASES)
#   BENCH_REFERENCE_SEED  non-empty: the reference starts with this build's spare keys too (for a
#                       reference that keeps spares itself, main since V7, and whose schema is this
#                       build's: the seed is this build's database); otherwise it starts without
#   BENCH_SEED          a seed directory kept from an earlier invocation (its "seed/data", with a
#                       spares.txt saying what making them cost), instead of making one
#   BENCH_JFR           a directory to keep each server's Flight Recorder profile in (none; a
#                       profile is always recorded, with JFR's low-overhead "default" settings, to
#                       count the database's share of the server's CPU samples)
#   BENCH_MAX_LOAD / BENCH_LOAD_WAIT  wait up to LOAD_WAIT seconds (180) for the 1-minute load
#                       average to drop to MAX_LOAD (3) before each server starts
#   BENCH_PORT          (19621)
#   BENCH_SPEED         the simulated cloud's speed: instant (every stack settles the moment it is
#                       made) or realistic (a DC/OS stack takes seconds, as DurationProfile.realistic
#                       says); with realistic, "stack settled -> status shown" is the lag that is not
#                       queueing in front of the workers (instant)
#   MAGNETAR_JAVA_OPTS  the server's JVM options, as ./magnetar serve takes them: after the
#                       launcher's default heap (its serve_default_java_opts line) unless they set a
#                       heap limit themselves (e.g. -Xmx1g, or -XX:MaxRAMPercentage=25 for the JVM's own)
# The quota: every create is in project `admin` (noauth), so the server runs with
# MAGNETAR_CLUSTER_MAX_CLUSTERS_PER_PROJECT set to twice BENCH_CLUSTERS; nothing else is changed
# from serve's defaults but the simulation speed (instant unless BENCH_SPEED says) (and, on PostgreSQL, the database URL).
# Traffic goes only to 127.0.0.1. Not part of the test suite: timings depend on the machine.
set -o nounset -o errexit -o pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
clusters=${BENCH_CLUSTERS:-1000}
connections=${BENCH_CONNECTIONS:-16}
databases=${BENCH_DATABASES:-h2 postgres}
reference_jar=${BENCH_REFERENCE_JAR:-}
runs=${BENCH_RUNS:-1}
reference_databases=${BENCH_REFERENCE_DATABASES:-$databases}
reference_seed=${BENCH_REFERENCE_SEED:-}
jfr_keep=${BENCH_JFR:-}
max_load=${BENCH_MAX_LOAD:-3}
load_wait=${BENCH_LOAD_WAIT:-180}
port=${BENCH_PORT:-19621}
speed=${BENCH_SPEED:-instant}
host=127.0.0.1
base="http://$host:$port"
template_body='{"name":"bench","coe":"dcos","image_id":"dcos-centos-7.2","keypair_id":"testkey","external_network_id":"public","flavor_id":"m1.small","master_flavor_id":"m1.small"}'

die() { echo "cluster-creates: $*" >&2; exit 1; }
say() { echo "cluster-creates: $*" >&2; }
is_count() { [[ $1 =~ ^[0-9]+$ ]] && [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]; }
is_count "$clusters" 1 20000 || die "BENCH_CLUSTERS must be 1..20000"
is_count "$connections" 1 256 || die "BENCH_CONNECTIONS must be 1..256"
is_count "$port" 1024 65535 || die "BENCH_PORT must be 1024..65535"
is_count "$runs" 1 10 || die "BENCH_RUNS must be 1..10"
is_count "$max_load" 0 1000 || die "BENCH_MAX_LOAD must be a whole number"
is_count "$load_wait" 0 3600 || die "BENCH_LOAD_WAIT must be 0..3600 seconds"
[[ $speed == instant || $speed == realistic ]] || die "BENCH_SPEED takes instant or realistic, not $speed"
for db in $databases; do [[ $db == h2 || $db == postgres ]] || die "BENCH_DATABASES takes h2 and postgres, not $db"; done
[ -z "$reference_jar" ] || [ -f "$reference_jar" ] || die "BENCH_REFERENCE_JAR $reference_jar is not a file"
if [ -n "$jfr_keep" ]; then
  mkdir -p "$jfr_keep" || die "cannot create BENCH_JFR=$jfr_keep"
  jfr_keep=$(cd "$jfr_keep" && pwd)
fi
# the JVM options ./magnetar serve would run with: MAGNETAR_JAVA_OPTS, after the launcher's default
# heap unless they set a heap limit of their own
java_opts_text=${MAGNETAR_JAVA_OPTS:-}
if [[ ! " $java_opts_text " =~ \ -(Xmx|XX:MaxHeapSize=|XX:MaxRAM=|XX:MaxRAMPercentage=) ]]; then
  java_opts_text="$(sed -n 's/^serve_default_java_opts="\(.*\)"$/\1/p' "$root/magnetar") $java_opts_text"
fi

server_pid=""
work=""
pg_database=""
stop_server() {
  [ -n "$server_pid" ] || return 0
  if kill -0 "$server_pid" 2> /dev/null; then
    kill -TERM "$server_pid" 2> /dev/null || true
    for _ in $(seq 120); do
      kill -0 "$server_pid" 2> /dev/null || break
      sleep 0.5
    done
    kill -0 "$server_pid" 2> /dev/null && kill -KILL "$server_pid" 2> /dev/null
  fi
  wait "$server_pid" 2> /dev/null || true
  server_pid=""
}
drop_pg_database() {
  [ -n "$pg_database" ] || return 0
  psql -q -h "$host" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" > /dev/null 2>&1 || true
  pg_database=""
}
cleanup() {
  stop_server
  drop_pg_database
  [ -z "$work" ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

one_minute_load() { cut -d ' ' -f 1 /proc/loadavg; }
wait_for_quiet() {
  local waited=0
  until awk -v now="$(one_minute_load)" -v max="$max_load" 'BEGIN { exit !(now <= max) }'; do
    [ "$waited" -ge "$load_wait" ] && { say "load still $(one_minute_load); going ahead"; return 0; }
    say "load average $(one_minute_load) > $max_load; waiting"
    sleep 15
    waited=$((waited + 15))
  done
}

# server_env DATABASE: the environment every server and command of ours runs with
server_env() {
  while read -r name; do unset "$name"; done < <(compgen -e | grep '^MAGNETAR_' || true)
  export MAGNETAR_SIMULATION_SPEED=$speed
  export MAGNETAR_CLUSTER_MAX_CLUSTERS_PER_PROJECT=$((clusters * 2))
  if [ "$1" = postgres ]; then
    export MAGNETAR_DATABASE_URL="jdbc:postgresql://$host:5432/$pg_database" MAGNETAR_DATABASE_USER=postgres
  fi
}

# start_server JAR DATABASE DIR [SEED]: serve from JAR on a fresh database with its data directory
# in DIR. With SEED (a stopped server's data directory holding spare monitoring keys), the server
# starts with SEED's secret key and spare keys, as a service that has been up a while does.
start_server() {
  local jar=$1 db=$2 dir=$3 seed=${4:-} java_opts=()
  read -r -a java_opts <<< "$java_opts_text"
  if (exec 3<> "/dev/tcp/$host/$port") 2> /dev/null; then
    die "port $port on $host is already in use (set BENCH_PORT)"
  fi
  mkdir -p "$dir/data" && chmod 0700 "$dir/data"   # serve refuses a data directory others may enter
  if [ "$db" = postgres ]; then
    pg_database="magnetar_bench_$$_$RANDOM"
    psql -q -h "$host" -U postgres -d postgres -c "CREATE DATABASE $pg_database" > /dev/null \
      || die "cannot create a PostgreSQL database on $host:5432 as postgres"
    (server_env postgres; cd "$dir" && exec "$JAVA_HOME/bin/java" -jar "$jar" db-upgrade) > "$dir/db-upgrade.log" 2>&1 \
      || { cat "$dir/db-upgrade.log" >&2; die "db-upgrade failed"; }
  fi
  if [ -n "$seed" ]; then
    cp "$seed/secret.key" "$dir/data/secret.key"
    if [ "$db" = h2 ]; then
      cp "$seed"/magnetar.*.db "$dir/data/"
    else
      psql -q -h "$host" -U postgres -d "$pg_database" -c "\\copy monitor_spare_keys (key_id, public_key, sealed_private_key, created_at) FROM '$seed/spares.csv' WITH (FORMAT csv, HEADER true)" > /dev/null \
        || die "cannot copy the spare keys into PostgreSQL"
    fi
  fi
  (
    server_env "$db"
    cd "$dir"
    exec "$JAVA_HOME/bin/java" "${java_opts[@]}" \
      "-XX:StartFlightRecording=settings=default,dumponexit=true,filename=$dir/server.jfr" \
      -jar "$jar" serve --host "$host" --port "$port" --data-dir "$dir/data"
  ) > "$dir/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 240); do
    kill -0 "$server_pid" 2> /dev/null || { tail -n 40 "$dir/server.log" >&2; die "server exited during start-up"; }
    curl -fsS -o /dev/null "$base/" 2> /dev/null && return 0
    sleep 0.5
  done
  die "server not answering on $base after 120 s"
}

spare_keys() { curl -fsS "$base/metrics" 2> /dev/null | awk '/^magnetar_monitor_spare_keys / { printf "%d", $2 }'; }

# A server that keeps spare monitoring key pairs ([monitor] spare_keys, 1000 by default) makes them
# in the background after it starts; a burst meets them made in a service that has been up a while.
# So once per invocation a server of this build runs alone until it has made as many as one burst
# takes (or stops making more), which is measured (the CPU it took is the keys' cost, paid ahead of
# the creates), and is stopped; its data directory seeds every server of this build after it: H2
# gets a copy of its database, PostgreSQL a copy of its spare keys, both its secret key. Sets
# seed_dir to it, or leaves it empty when this build keeps no spares.
seed_dir=""
make_seed() {
  local jar=$1 dir="$work/seed" have last=-1 still=0 cpu_before ticks started
  mkdir -p "$dir"
  wait_for_quiet
  start_server "$jar" h2 "$dir"
  have=$(spare_keys)
  if [ -z "$have" ]; then
    stop_server
    return 0
  fi
  cpu_before=$(awk '{ print $14 + $15 }' "/proc/$server_pid/stat")
  started=$SECONDS
  while [ "$have" -lt "$clusters" ] && [ "$still" -lt 15 ]; do
    sleep 2
    have=$(spare_keys)
    if [ "$have" = "$last" ]; then still=$((still + 1)); else still=0; fi
    last=$have
  done
  ticks=$(($(awk '{ print $14 + $15 }' "/proc/$server_pid/stat") - cpu_before))
  echo "$have spare monitoring keys made in $((SECONDS - started)) s with $(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.1f", t / hz }') s of the server's CPU ($(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v n="$have" \
    'BEGIN { printf "%.0f", 1000 * t / hz / (n > 0 ? n : 1) }') ms per key), load $(one_minute_load)" > "$work/spares"
  say "$(cat "$work/spares")"
  stop_server
  "$JAVA_HOME/bin/java" -cp "$jar" org.h2.tools.Shell -url "jdbc:h2:file:$dir/data/magnetar" -user "" -password "" \
    -sql "CALL CSVWRITE('$dir/data/spares.csv', 'SELECT key_id, public_key, sealed_private_key, created_at FROM monitor_spare_keys')" \
    > /dev/null || die "cannot export the spare keys"
  seed_dir="$dir/data"
}

# The server's CPU samples whose stack runs through the database: the H2 engine in-process, or the
# JDBC driver, pool and JDBI around it. Prints "samples database_samples".
database_samples() {
  jfr print --events jdk.ExecutionSample --stack-depth 256 "$1" | awk '
    /^jdk.ExecutionSample/ { if (inside) { total++; if (db) hits++ } inside = 1; db = 0; next }
    /org\.h2\.|org\.postgresql\.|org\.jdbi\.|com\.zaxxer\.hikari\./ { db = 1 }
    END { if (inside) { total++; if (db) hits++ } printf "%d %d\n", total, hits }'
}

# run_one JAR LABEL DATABASE RUN [SEED]: one server, one create phase and one delete phase; appends
# rows to $work/rows
run_one() {
  local jar=$1 label=$2 db=$3 run=$4 seed=${5:-} dir template pids=() db_args=() response
  dir="$work/$label-$db-$run"
  mkdir -p "$dir"
  wait_for_quiet
  start_server "$jar" "$db" "$dir" "$seed"
  response=$(curl -fsS -H 'Content-Type: application/json' -d "$template_body" "$base/v1/clustertemplates") \
    || die "creating the template failed"
  template=$(grep -o '"uuid":"[0-9a-f-]*"' <<< "$response" | head -n 1 | cut -d'"' -f4)
  if [ "$db" = postgres ]; then
    mapfile -t pids < <(psql -At -h "$host" -U postgres -d postgres \
      -c "SELECT pid FROM pg_stat_activity WHERE datname = '$pg_database'")
    for pid in "${pids[@]}"; do db_args+=(--db-pid "$pid"); done
  fi
  say "$label on $db: server pid $server_pid (JVM options: ${java_opts_text:-none}), ${#pids[@]} database backends; load $(one_minute_load)"
  python3 "$root/bench/cluster_load.py" --port "$port" --pid "$server_pid" --template "$template" \
    --clusters "$clusters" --connections "$connections" "${db_args[@]}" > "$dir/phases.json" \
    || die "the load driver failed ($label on $db); server log: $dir/server.log"
  stop_server
  drop_pg_database
  [ -z "$jfr_keep" ] || cp "$dir/server.jfr" "$jfr_keep/$label-$db-$run.jfr"
  local samples
  samples=$(database_samples "$dir/server.jfr")
  python3 - "$label" "$db" "$samples" "$dir/phases.json" "$run" "$dir/server.log" >> "$work/rows" <<'EOF'
import json, re, sys
label, db, samples, path, run = sys.argv[1], sys.argv[2], sys.argv[3].split(), sys.argv[4], sys.argv[5]
total, hits = int(samples[0]), int(samples[1])
share = f"{100.0 * hits / total:.0f} %" if total else "n/a"
# "stack settled -> status shown": what the conductor logs when it saves a settled status, for builds
# whose simulated orchestrator says when each stack settled (none for older builds)
settled = sorted(int(m.group(1)) for m in (re.search(r" is CREATE_COMPLETE.*\(its stack settled (-?\d+) ms before\)", l)
                                           for l in open(sys.argv[6], errors="replace")) if m)
def pct(v, p):
    return v[min(len(v) - 1, max(0, int(round(p / 100.0 * len(v) + 0.5)) - 1))] / 1000 if v else None
for line in open(path):
    p = json.loads(line)
    n = max(p["accepted"], 1)
    own = p["server_cpu_s"] + p["db_cpu_s"]
    shown = {"shown_n": len(settled), "shown_p50_s": pct(settled, 50), "shown_p99_s": pct(settled, 99),
             "shown_max_s": settled[-1] / 1000 if settled else None} if p["phase"] == "create" else {}
    print(json.dumps({"label": label, "db": db, "run": run, "db_share": share, "per_op_ms": round(1000 * own / n, 1),
                      **shown, **p}))
EOF
  say "$label on $db done: $(tail -n 2 "$work/rows" | python3 -c 'import json,sys
for l in sys.stdin:
    p = json.loads(l); print(p["phase"], p["settled"], "settled in", p["settle_s"], "s;", end=" ")')"
}

main() {
  # shellcheck source-path=SCRIPTDIR/.. source=scripts/select-jdk.sh
  . "$root/scripts/select-jdk.sh"
  command -v curl > /dev/null || die "curl is needed"
  PATH="$JAVA_HOME/bin:$PATH"   # its jfr, which must read what this JDK records
  work=$(mktemp -d "${TMPDIR:-/tmp}/magnetar-creates.XXXXXX")
  # private copies: a rebuild in the tree while we measure must not change the code under test
  if [ -n "${BENCH_JAR:-}" ]; then
    cp "$BENCH_JAR" "$work/this.jar"
  else
    "$root/magnetar" --version > /dev/null   # builds magnetar.jar when it is missing or stale
    cp "$root/magnetar-server/target/magnetar.jar" "$work/this.jar"
  fi
  [ -z "$reference_jar" ] || cp "$reference_jar" "$work/reference.jar"
  local db run
  if [ -n "${BENCH_SEED:-}" ]; then
    seed_dir=$BENCH_SEED
    [ -f "$seed_dir/spares.csv" ] || die "BENCH_SEED $seed_dir has no spares.csv"
    [ ! -f "$seed_dir/spares.txt" ] || cp "$seed_dir/spares.txt" "$work/spares"
  else
    make_seed "$work/this.jar"
  fi
  for run in $(seq "$runs"); do
    for db in $databases; do
      if [ -n "$reference_jar" ] && [[ " $reference_databases " == *" $db "* ]]; then
        run_one "$work/reference.jar" reference "$db" "$run" "${reference_seed:+$seed_dir}"
      fi
      run_one "$work/this.jar" "this-build" "$db" "$run" "$seed_dir"
    done
  done
  echo
  echo "$clusters clusters, $connections connections, simulation speed $speed, JVM options: ${java_opts_text:-none}; tree at commit $(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo '(not a checkout)')"
  echo
  if [ -f "$work/spares" ]; then echo "Before the runs (this build): $(cat "$work/spares")"; echo; fi
  python3 - "$work/rows" <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
def shown(r):
    if not r.get("shown_n"):
        return "n/a"
    return f"{r['shown_p50_s']} / {r['shown_p99_s']} / {r['shown_max_s']} ({r['shown_n']})"
print("| run | build | database | phase | accepted | accept req/s | request p99 ms | all settled s | lag p50 s | lag p99 s "
      "| stack settled → shown p50 / p99 / max s | failed / unsettled | template read p50 / p99 ms | cluster list p50 / p99 ms | server CPU s | database CPU s "
      "| database share of server samples | own CPU per op ms | other processes CPU s | load 1 min before → after |")
print("|" + "---|" * 20)
for r in rows:
    print(f"| {r['run']} | {r['label']} | {r['db']} | {r['phase']} | {r['accepted']} | {r['accept_rate']:,} | {r['request_p99_ms']} "
          f"| {r['settle_s']} | {r['lag_p50_s']} | {r['lag_p99_s']} "
          f"| {shown(r)} | {r['failed']} / {r['unsettled']} "
          f"| {r['probe_p50_ms']} / {r['probe_p99_ms']} | {r['list_p50_ms']} / {r['list_p99_ms']} | {r['server_cpu_s']} "
          f"| {r['db_cpu_s'] if r['db'] == 'postgres' else 'in process'} | {r['db_share']} | {r['per_op_ms']} "
          f"| {r['other_cpu_s']} | {r['load_before']} → {r['load_after']} |")
print()
print("Server CPU s by kind of thread:")
for r in rows:
    kinds = ", ".join(f"{k} {v}" for k, v in r["server_cpu_by_thread"].items() if v >= 0.05)
    print(f"- run {r['run']}, {r['label']}, {r['db']}, {r['phase']}: {kinds}; RSS after {r['server_rss_mib']} MiB")
bad = [r for r in rows if r["refused"] or r["failed"] or r["unsettled"]]
for r in bad:
    print(f"- {r['label']}, {r['db']}, {r['phase']}: refused {r['refused']} {r['refused_sample']}, "
          f"failed {r['failed']} {r['failed_sample']}, unsettled {r['unsettled']}")
sys.exit(1 if bad else 0)
EOF
}

main "$@"
