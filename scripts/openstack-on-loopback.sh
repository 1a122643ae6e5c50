#!/usr/bin/env bash
# Real Keystone and Heat on 127.0.0.1 for Magnetar's integration tests.
#
#   openstack-on-loopback.sh start    install (Debian packages), configure and start; a no-op when up
#   openstack-on-loopback.sh start --cloud   the same, then Neutron, Nova, Placement, Glance,
#                                     Cinder and Octavia for resources Heat creates for real
#   openstack-on-loopback.sh stop     stop only the processes this script started
#   openstack-on-loopback.sh stop --cloud   stop only the resource services of start --cloud
#   openstack-on-loopback.sh status   say what answers; exit 0 only when everything does
#   openstack-on-loopback.sh env      print `export OS_...` lines for the test identities
#   openstack-on-loopback.sh catalogue add|remove   register the --cloud services in Keystone's
#                                     catalogue, or remove them (ITs do so only while they run)
#
# Each service's start and memory, measured on the 2-core CI machine (23 GiB, Debian 12) on
# 2026-12-03 while other checkouts' builds kept the load at 15-27. Start: from the spawn until the
# API answers (Keystone, heat-api: uwsgi's "app ready"; heat-engine: its engine worker started;
# the twelve --cloud processes start together, nova-compute until it is in Placement, cinder-volume
# until it reports up). Memory: PSS, shared pages split among uwsgi's forked workers.
#   keystone        uwsgi, 8 workers      10 s   830 MiB (≈90 MiB per worker once it has served)
#   heat-api        uwsgi, 8 workers       7 s   280 MiB
#   heat-engine     1 process             10 s   160 MiB
#   placement-api   uwsgi, 2 workers      11 s   115 MiB
#   nova-api        1 worker              25 s   170 MiB
#   glance-api      1 worker              27 s   135 MiB
#   neutron-server  API and RPC in one    29 s   175 MiB (260 MiB after a test run)
#   cinder-api      1 worker              30 s   165 MiB
#   octavia-api     1 process             30 s   110 MiB
#   nova-conductor, nova-scheduler               120 MiB each
#   nova-compute    fake driver           38 s   135 MiB
#   cinder-scheduler                             125 MiB
#   cinder-volume   fake driver           42 s   155 MiB
#   octavia-worker  no-op drivers                135 MiB
# So `start` is about 1.3 GiB and `start --cloud` another 1.7 GiB, ready 48 s after the spawn
# (109 s before the daemons got their priority, below). Cold, the packages took 237 s for --cloud
# and ≈ 7 min for Keystone and Heat at that load, the schemas ≈ 3 min; a start when everything
# answers returns in about a second. Each line `... answers (N s after the start)` and the closing
# `memory (PSS): ...` line of a start log these numbers again.
#
# Uses the local MariaDB (root over the socket, or 127.0.0.1:3306 without a password) and RabbitMQ
# (guest/guest on 127.0.0.1:5672), starting either if it is installed but down. Everything else
# lives under $MAGNETAR_OPENSTACK_STATE (default /var/tmp/magnetar-openstack): configuration, keys,
# logs, and pids/ with one file per process this script started. Never touches /etc/keystone or
# /etc/heat, never starts anything through init scripts.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
FILES=$HERE/openstack
STATE=${MAGNETAR_OPENSTACK_STATE:-/var/tmp/magnetar-openstack}
PIDS=$STATE/pids
LOGS=$STATE/log
PYTHON=/usr/bin/python3

# Fixed credentials of a throw-away, loopback-only test cloud.
ADMIN_PASSWORD=admin-secret
SERVICE_PASSWORD=heat-secret
DB_PASSWORD=magnetar-ml-db
KEYSTONE_URL=http://127.0.0.1:5000
HEAT_URL=http://127.0.0.1:8004
PACKAGES=(keystone heat-api heat-engine uwsgi-core uwsgi-plugin-python3 python3-openstackclient
  python3-pymysql mariadb-client curl)

log() { echo "openstack-on-loopback: $*" >&2; }
die() { log "$*"; exit 1; }

answers() { # url: true when an HTTP server answers at all (any status)
  curl -s -o /dev/null --max-time 3 "$1"
}

port_open() { # port on 127.0.0.1
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

wait_until() { # description, seconds, command...
  local what=$1 seconds=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || die "$what did not come up within ${seconds} s (logs: $LOGS)"
    sleep 1
  done
}

alive() { # name: true when the process recorded under that name runs
  local pid
  [[ -f $PIDS/$1 ]] && pid=$(<"$PIDS/$1") && kill -0 "$pid" 2>/dev/null
}

stop_one() { # name: stop the recorded process and the workers of its session
  local pid
  [[ -f $PIDS/$1 ]] || return 0
  pid=$(<"$PIDS/$1")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $1 (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; }
  fi
  rm -f "$PIDS/$1"
}

settle_or_replace() { # name, url: a recorded server that does not answer is starting or dying;
  # wait for it a little, then stop it so it can be started afresh
  alive "$1" || return 0
  local deadline=$((SECONDS + 30))
  while ((SECONDS < deadline)); do
    answers "$2" && return 0
    alive "$1" || break
    sleep 1
  done
  answers "$2" || stop_one "$1"
}

# Scheduling priority of the daemons. The ITs share two cores with builds and unit tests of
# several checkouts (load 15-50 is common); at equal priority Keystone took 4-24 s per request
# (8 s to delete a user) and its callers (Heat, every cloud service's token check, the server under
# test) timed out. The services are idle unless a test calls them, so ranking them above the
# compilers costs the builds only what the tests ask for. The kernel shares CPU between sessions
# first (autogroups, /proc/sys/kernel/sched_autogroup_enabled) and each daemon runs in a session
# of its own, so the niceness goes to the session's autogroup as well as to the process.
# Negative values need root; otherwise the daemons run at 0.
NICENESS=${MAGNETAR_OPENSTACK_NICE:--5}
((EUID == 0)) || NICENESS=0

spawn() { # name, command...: start a daemon in its own session, record its pid
  local name=$1
  shift
  alive "$name" && return 0
  # The daemon keeps no descriptor but stdio: an inherited lock (the start lock on fd 9, the IT lock
  # of a `flock /tmp/magnetar-openstack-it.lock ...` that started it) would be held for as long as
  # the daemon lives, and every later start or IT would wait for it.
  # shellcheck disable=SC2016 # expanded by the inner shell, in the new session
  setsid bash -c 'for fd in /proc/$$/fd/*; do fd=${fd##*/}; ((fd > 2)) && eval "exec $fd>&-"; done 2>/dev/null
    echo "$0" >/proc/self/autogroup 2>/dev/null; exec nice -n "$0" "$@"' "$NICENESS" "$@" \
    >>"$LOGS/$name.out" 2>&1 </dev/null 9>&- &
  echo $! >"$PIDS/$name"
  log "started $name (pid $!)"
}

# --- installation ---------------------------------------------------------------------------

installed() {
  local p
  for p in "${PACKAGES[@]}"; do
    [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) == "install ok installed" ]] || return 1
  done
}

install_packages() {
  installed && return 0
  log "installing ${PACKAGES[*]}"
  debconf-set-selections "$FILES/debconf.seed"
  # Keep every postinst from starting a daemon: we start what we need ourselves.
  local policy=/usr/sbin/policy-rc.d had_policy=false
  [[ -e $policy ]] && had_policy=true
  if ! $had_policy; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod +x "$policy"
  fi
  local rc=0
  [[ -n $(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit) ]] \
    || apt-get -q update -o DPkg::Lock::Timeout=300 || rc=$?
  if ((rc == 0)); then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      -o DPkg::Lock::Timeout=300 "${PACKAGES[@]}" >"$LOGS/apt.out" 2>&1 || rc=$?
  fi
  $had_policy || rm -f "$policy"
  ((rc == 0)) || die "package installation failed (see $LOGS/apt.out)"
}

# --- MariaDB and RabbitMQ -------------------------------------------------------------------

sql() {
  mariadb -u root -e "$1" 2>/dev/null || mariadb -h 127.0.0.1 -u root -e "$1"
}

ensure_mariadb() {
  mariadb-admin -u root ping >/dev/null 2>&1 && return 0
  mariadb-admin -h 127.0.0.1 -u root ping >/dev/null 2>&1 && return 0
  command -v mariadbd >/dev/null || [[ -x /usr/sbin/mariadbd ]] || die "MariaDB is not installed"
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  spawn mariadb /usr/sbin/mariadbd --user=mysql --bind-address=127.0.0.1
  wait_until MariaDB 60 mariadb-admin -u root ping
}

ensure_rabbitmq() {
  port_open 5672 && return 0
  command -v rabbitmq-server >/dev/null || die "RabbitMQ is not installed"
  log "starting RabbitMQ"
  rabbitmq-server -detached >>"$LOGS/rabbitmq.out" 2>&1
  wait_until RabbitMQ 90 port_open 5672
  local pidfile
  pidfile=$(find /var/lib/rabbitmq/mnesia -maxdepth 1 -name '*.pid' -print -quit 2>/dev/null || true)
  [[ -n $pidfile ]] && cp "$pidfile" "$PIDS/rabbitmq"
}

ensure_databases() { # names...: each database with a user of the same name
  local db
  for db in "$@"; do
    sql "CREATE DATABASE IF NOT EXISTS $db;
         CREATE USER IF NOT EXISTS '$db'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
         CREATE USER IF NOT EXISTS '$db'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
         GRANT ALL PRIVILEGES ON $db.* TO '$db'@'127.0.0.1';
         GRANT ALL PRIVILEGES ON $db.* TO '$db'@'localhost';"
  done
}

# --- Keystone -------------------------------------------------------------------------------

render() { # template, destination
  sed -e "s|@STATE@|$STATE|g" -e "s|@DB_PASSWORD@|$DB_PASSWORD|g" \
    -e "s|@SERVICE_PASSWORD@|$SERVICE_PASSWORD|g" "$1" >"$2"
}

keystone_manage() { # keystone-manage prints eventlet shutdown noise on every run: keep it in the log
  keystone-manage --config-file "$STATE/etc/keystone/keystone.conf" "$@" 2>>"$LOGS/keystone-manage.out"
}

configure_keystone() {
  mkdir -p "$STATE/etc/keystone" "$STATE/fernet-keys" "$STATE/credential-keys"
  render "$FILES/keystone.conf" "$STATE/etc/keystone/keystone.conf"
  [[ -f $STATE/.keystone-db ]] && return 0
  keystone_manage db_sync
  [[ -f $STATE/fernet-keys/0 ]] || keystone_manage fernet_setup --keystone-user root --keystone-group root
  [[ -f $STATE/credential-keys/0 ]] || keystone_manage credential_setup --keystone-user root --keystone-group root
  keystone_manage bootstrap --bootstrap-password "$ADMIN_PASSWORD" \
    --bootstrap-admin-url "$KEYSTONE_URL/v3" --bootstrap-internal-url "$KEYSTONE_URL/v3" \
    --bootstrap-public-url "$KEYSTONE_URL/v3" --bootstrap-region-id RegionOne
  touch "$STATE/.keystone-db"
}

# Workers per API (uwsgi processes). uwsgi's --http11-socket keeps each client connection on one
# worker between that client's requests, for up to its socket timeout (4 s); a client that calls
# more often than that (a conductor reconciling every 2 s does) holds its worker for as long as it
# keeps calling. With two workers, a server's two pooled connections held both, and a test helper's
# requests waited in the listen queue for minutes (KillAndRestartIT timed out so). Enough workers
# for every client a test run has at once: server replicas with their parallel calls, and helpers.
API_WORKERS=8

start_keystone() {
  settle_or_replace keystone "$KEYSTONE_URL/v3"
  answers "$KEYSTONE_URL/v3" && return 0
  spawn keystone uwsgi --plugins python3 --http11-socket 127.0.0.1:5000 \
    --wsgi-file /usr/bin/keystone-wsgi-public --env "OS_KEYSTONE_CONFIG_DIR=$STATE/etc/keystone" \
    --master --processes "$API_WORKERS" --threads 1 --die-on-term --need-app --buffer-size 65535 \
    --logto "$LOGS/keystone-uwsgi.log"
  local spawned=$SECONDS
  wait_until Keystone 90 curl -sf --max-time 3 "$KEYSTONE_URL/v3"
  log "keystone answers ($((SECONDS - spawned)) s after the start)"
}

# --- Heat -----------------------------------------------------------------------------------

configure_heat() {
  mkdir -p "$STATE/etc/heat" "$STATE/lock"
  render "$FILES/heat.conf" "$STATE/etc/heat/heat.conf"
  [[ -f $STATE/.heat-db ]] && return 0
  heat-manage --config-file "$STATE/etc/heat/heat.conf" db_sync >>"$LOGS/heat-manage.out" 2>&1
  touch "$STATE/.heat-db"
}

start_heat() {
  local conf=$STATE/etc/heat/heat.conf
  spawn heat-engine heat-engine --config-file "$conf"
  settle_or_replace heat-api "$HEAT_URL/"
  if ! answers "$HEAT_URL/"; then
    spawn heat-api uwsgi --plugins python3 --http11-socket 127.0.0.1:8004 \
      --wsgi-file /usr/bin/heat-wsgi-api --pyargv "--config-file $conf" \
      --master --processes "$API_WORKERS" --threads 1 --die-on-term --need-app --buffer-size 65535 \
      --logto "$LOGS/heat-uwsgi.log"
  fi
  local spawned=$SECONDS
  wait_until heat-api 90 answers "$HEAT_URL/"
  log "heat-api answers ($((SECONDS - spawned)) s after the start)"
}

bootstrap_identities() {
  [[ -f $STATE/.identities ]] && return 0
  "$PYTHON" "$FILES/bootstrap-identities.py" "$ADMIN_PASSWORD" "$SERVICE_PASSWORD"
  touch "$STATE/.identities"
}

admin_token() {
  curl -sf --max-time 10 -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"admin\",
        \"domain\":{\"id\":\"default\"},\"password\":\"$ADMIN_PASSWORD\"}}},
        \"scope\":{\"project\":{\"name\":\"admin\",\"domain\":{\"id\":\"default\"}}}}}" \
    "$KEYSTONE_URL/v3/auth/tokens" | tr -d '\r' | awk 'tolower($1)=="x-subject-token:" {print $2}'
}

heat_engine_answers() { # a stack list needs heat-api, RabbitMQ and an engine to answer
  local token project
  token=$(admin_token) || return 1
  [[ -n $token ]] || return 1
  project=$(curl -sf --max-time 5 -H "X-Auth-Token: $token" "$KEYSTONE_URL/v3/projects?name=admin" |
    "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["projects"][0]["id"])') || return 1
  curl -sf --max-time 10 -o /dev/null -H "X-Auth-Token: $token" "$HEAT_URL/v1/$project/stacks"
}

# --- the resource services (start --cloud) ---------------------------------------------------
#
# Neutron, Nova (fake virt driver), Placement, Glance, Cinder (fake volume driver) and Octavia
# (no-op drivers) for the ITs that let Heat create its OS::Neutron/Nova/Cinder/Octavia resources
# for real. Opt-in: `start` alone stays Keystone and Heat. Each service authenticates tokens with
# Heat's service user and reaches the others at fixed loopback URLs, so none of them needs an entry
# in the Keystone catalogue; the ITs that use them register their endpoints only while they run
# (other tests assert that this cloud has no Glance or Nova). Costs measured on the 2-core CI
# machine are in docs/testing.md.

CLOUD_PACKAGES=(neutron-server python3-nova nova-api nova-conductor nova-scheduler placement-api
  glance-api cinder-api cinder-scheduler python3-cinder octavia-api openssl)
CLOUD_FILES=$FILES/cloud
CLOUD_DATABASES=(neutron_ml nova_ml nova_api_ml nova_cell0_ml placement_ml glance_ml cinder_ml octavia_ml)
# name, URL that answers once the API is up
CLOUD_APIS=(placement-api=http://127.0.0.1:8778/ neutron-server=http://127.0.0.1:9696/
  nova-api=http://127.0.0.1:8774/ glance-api=http://127.0.0.1:9292/ cinder-api=http://127.0.0.1:8776/
  octavia-api=http://127.0.0.1:9876/)
CLOUD_DAEMONS=(nova-conductor nova-scheduler nova-compute cinder-scheduler cinder-volume octavia-worker)

cloud_installed() {
  local p
  for p in "${CLOUD_PACKAGES[@]}"; do
    [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) == "install ok installed" ]] || return 1
  done
}

install_cloud_packages() {
  cloud_installed && return 0
  PACKAGES=("${CLOUD_PACKAGES[@]}")
  install_packages
}

ensure_cloud_databases() {
  ensure_databases "${CLOUD_DATABASES[@]}"
  # Nova's conductor reaches cell0 with the cell1 database's credentials.
  sql "GRANT ALL PRIVILEGES ON nova_cell0_ml.* TO 'nova_ml'@'127.0.0.1';
       GRANT ALL PRIVILEGES ON nova_cell0_ml.* TO 'nova_ml'@'localhost';"
}

configure_cloud() {
  local svc
  for svc in neutron nova placement glance cinder octavia; do
    mkdir -p "$STATE/etc/$svc" "$STATE/cloud/$svc"
  done
  mkdir -p "$STATE/cloud/glance/images" "$STATE/cloud/nova/instances" "$STATE/python"
  render "$CLOUD_FILES/neutron.conf" "$STATE/etc/neutron/neutron.conf"
  render "$CLOUD_FILES/nova.conf" "$STATE/etc/nova/nova.conf"
  cp /etc/nova/api-paste.ini "$STATE/etc/nova/api-paste.ini"
  render "$CLOUD_FILES/placement.conf" "$STATE/etc/placement/placement.conf"
  render "$CLOUD_FILES/glance-api.conf" "$STATE/etc/glance/glance-api.conf"
  render "$CLOUD_FILES/cinder.conf" "$STATE/etc/cinder/cinder.conf"
  cp /etc/cinder/api-paste.ini "$STATE/etc/cinder/api-paste.ini"
  render "$CLOUD_FILES/octavia.conf" "$STATE/etc/octavia/octavia.conf"
  cp "$CLOUD_FILES/octavia-policy.yaml" "$STATE/etc/octavia/policy.yaml"
  [[ -f $STATE/cloud/octavia/ca.pem ]] || openssl req -x509 -newkey rsa:2048 -nodes -days 3650 \
    -subj /CN=magnetar-loopback-octavia-ca -keyout "$STATE/cloud/octavia/ca.key" \
    -out "$STATE/cloud/octavia/ca.pem" 2>>"$LOGS/openssl.out"
  # The loopback ML2 mechanism driver and Octavia network driver, found by their entry points on
  # PYTHONPATH.
  cp -r "$CLOUD_FILES/plugins/." "$STATE/python/"
}

cloud_db_sync() {
  [[ -f $STATE/.cloud-db ]] && return 0
  local out=$LOGS/cloud-db-sync.out nova=(nova-manage --config-file "$STATE/etc/nova/nova.conf")
  log "creating the cloud services' schemas (a few minutes, once)"
  {
    PYTHONPATH=$STATE/python neutron-db-manage --config-file "$STATE/etc/neutron/neutron.conf" upgrade heads
    placement-manage --config-file "$STATE/etc/placement/placement.conf" db sync
    "${nova[@]}" api_db sync
    "${nova[@]}" cell_v2 list_cells | grep -q ' cell0 ' || "${nova[@]}" cell_v2 map_cell0 \
      --database_connection "mysql+pymysql://nova_ml:$DB_PASSWORD@127.0.0.1:3306/nova_cell0_ml"
    "${nova[@]}" cell_v2 list_cells | grep -q ' cell1 ' || "${nova[@]}" cell_v2 create_cell --name cell1
    "${nova[@]}" db sync
    glance-manage --config-file "$STATE/etc/glance/glance-api.conf" db_sync
    cinder-manage --config-file "$STATE/etc/cinder/cinder.conf" db sync
    octavia-db-manage --config-file "$STATE/etc/octavia/octavia.conf" upgrade head
  } >>"$out" 2>&1 || die "a schema sync failed (see $out)"
  touch "$STATE/.cloud-db"
}

python_main() { # module: run module.main() as a daemon's command line (its /usr/bin script is
  # in a package that would pull a hypervisor or LVM along)
  echo "import sys; from $1 import main; sys.exit(main())"
}

start_cloud() {
  local e=$STATE/etc entry name url
  for entry in "${CLOUD_APIS[@]}"; do settle_or_replace "${entry%%=*}" "${entry#*=}"; done
  answers http://127.0.0.1:8778/ || spawn placement-api uwsgi --plugins python3 \
    --http11-socket 127.0.0.1:8778 --wsgi-file /usr/bin/placement-api \
    --env "OS_PLACEMENT_CONFIG_DIR=$e/placement" --master --processes 2 --threads 1 --die-on-term \
    --need-app --buffer-size 65535 --logto "$LOGS/placement-uwsgi.log"
  answers http://127.0.0.1:9696/ || spawn neutron-server env "PYTHONPATH=$STATE/python" \
    neutron-server --config-file "$e/neutron/neutron.conf"
  answers http://127.0.0.1:8774/ || spawn nova-api nova-api --config-file "$e/nova/nova.conf"
  answers http://127.0.0.1:9292/ || spawn glance-api glance-api --config-file "$e/glance/glance-api.conf"
  answers http://127.0.0.1:8776/ || spawn cinder-api cinder-api --config-file "$e/cinder/cinder.conf"
  answers http://127.0.0.1:9876/ || spawn octavia-api env "PYTHONPATH=$STATE/python" \
    octavia-api --config-file "$e/octavia/octavia.conf"
  spawn nova-conductor nova-conductor --config-file "$e/nova/nova.conf"
  spawn nova-scheduler nova-scheduler --config-file "$e/nova/nova.conf"
  spawn nova-compute "$PYTHON" -c "$(python_main nova.cmd.compute)" --config-file "$e/nova/nova.conf"
  spawn cinder-scheduler cinder-scheduler --config-file "$e/cinder/cinder.conf"
  spawn cinder-volume "$PYTHON" -c "$(python_main cinder.cmd.volume)" --config-file "$e/cinder/cinder.conf"
  spawn octavia-worker env "PYTHONPATH=$STATE/python" octavia-worker --config-file "$e/octavia/octavia.conf"
  # Each API's start time is logged as it first answers (the numbers in the header come from here).
  local spawned=$SECONDS pending=("${CLOUD_APIS[@]}") left
  while ((${#pending[@]} > 0)); do
    left=()
    for entry in "${pending[@]}"; do
      if answers "${entry#*=}"; then
        log "${entry%%=*} answers ($((SECONDS - spawned)) s after the start)"
      else
        left+=("$entry")
      fi
    done
    pending=("${left[@]}")
    ((${#pending[@]} == 0)) && break
    ((SECONDS - spawned < 300)) || die "${pending[*]%%=*} did not come up within 300 s (logs: $LOGS)"
    sleep 1
  done
  wait_until "nova-compute in Placement" 240 compute_host_registered
  log "nova-compute is registered ($((SECONDS - spawned)) s after the start)"
  wait_until "cinder-volume" 120 volume_service_up
  log "cinder-volume is up ($((SECONDS - spawned)) s after the start)"
}

pss_mib() { # name: proportional set size (shared pages split among their sharers) of the recorded
  # process and everything in its session, MiB; RSS would count uwsgi's forked workers' shared pages
  # once per worker
  local pid member kib=0 v
  [[ -f $PIDS/$1 ]] && pid=$(<"$PIDS/$1") || { echo 0; return; }
  for member in $(ps -o pid= -s "$pid" 2>/dev/null); do
    v=$(awk '/^Pss:/ {print $2}' "/proc/$member/smaps_rollup" 2>/dev/null || true)
    kib=$((kib + ${v:-0}))
  done
  echo $((kib / 1024))
}

log_memory() { # names...
  local name total=0 mib line=""
  for name in "$@"; do
    mib=$(pss_mib "$name")
    total=$((total + mib))
    line+=" $name=${mib}M"
  done
  log "memory (PSS):$line (total ${total} MiB)"
}

admin_project_token() { # token, project id of admin in admin
  local token project
  token=$(admin_token) && [[ -n $token ]] || return 1
  project=$(curl -sf --max-time 5 -H "X-Auth-Token: $token" "$KEYSTONE_URL/v3/projects?name=admin" |
    "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["projects"][0]["id"])') || return 1
  echo "$token $project"
}

compute_host_registered() { # the fake compute host is a resource provider and mapped to cell1
  local tp
  tp=$(admin_project_token) || return 1
  curl -sf --max-time 10 -H "X-Auth-Token: ${tp%% *}" -H 'OpenStack-API-Version: compute 2.53' \
    http://127.0.0.1:8774/v2.1/os-hypervisors | grep -q magnetar-fake-compute
}

volume_service_up() {
  local tp
  tp=$(admin_project_token) || return 1
  curl -sf --max-time 10 -H "X-Auth-Token: ${tp%% *}" "http://127.0.0.1:8776/v3/${tp#* }/os-services" |
    grep -q '"binary": "cinder-volume", "host": "magnetar-fake-volume@fake"[^}]*"state": "up"'
}

seed_cloud() {
  [[ -f $STATE/.cloud-seed ]] && return 0
  "$PYTHON" "$CLOUD_FILES/seed-cloud.py" "$ADMIN_PASSWORD" 2>>"$LOGS/seed-cloud.out" ||
    die "seeding the cloud failed (see $LOGS/seed-cloud.out)"
  touch "$STATE/.cloud-seed"
}

cloud_answers() {
  local entry
  for entry in "${CLOUD_APIS[@]}"; do answers "${entry#*=}" || return 1; done
  for entry in "${CLOUD_DAEMONS[@]}"; do alive "$entry" || return 1; done
  [[ -f $STATE/.cloud-seed ]]
}

cmd_start_cloud() {
  cloud_answers && { log "the cloud services already answer"; return 0; }
  local began=$SECONDS
  install_cloud_packages
  log "cloud packages installed ($((SECONDS - began)) s)"
  ensure_cloud_databases
  configure_cloud
  cloud_db_sync
  log "cloud schemas ready ($((SECONDS - began)) s)"
  start_cloud
  seed_cloud
  log "Neutron, Nova, Placement, Glance, Cinder and Octavia answer on 127.0.0.1 ($((SECONDS - began)) s)"
  log_memory "${CLOUD_APIS[@]%%=*}" "${CLOUD_DAEMONS[@]}"
}

# --- commands -------------------------------------------------------------------------------

everything_answers() {
  [[ -f $STATE/.identities ]] && answers "$KEYSTONE_URL/v3" && answers "$HEAT_URL/" &&
    { alive heat-engine || pgrep -f "heat-engine --config-file $STATE/" >/dev/null; } && heat_engine_answers
}

start_keystone_and_heat() {
  mkdir -p "$PIDS" "$LOGS"
  if everything_answers; then
    log "Keystone and Heat already answer"
    return 0
  fi
  # Test JVMs of several modules may call start at once: one does the work, the others then find it up.
  exec 9>"$STATE/.start.lock"
  flock -w 900 9 || die "another start held the lock for 15 minutes"
  if everything_answers; then
    log "Keystone and Heat already answer"
    return 0
  fi
  local began=$SECONDS
  install_packages
  ensure_mariadb
  ensure_rabbitmq
  ensure_databases keystone_ml heat_ml
  configure_keystone
  start_keystone
  bootstrap_identities
  configure_heat
  local heat_began=$SECONDS
  start_heat
  wait_until "heat-engine" 120 heat_engine_answers
  log "heat-engine answers ($((SECONDS - heat_began)) s after the start)"
  log "Keystone on $KEYSTONE_URL and Heat on $HEAT_URL answer ($((SECONDS - began)) s)"
  log_memory keystone heat-api heat-engine
}

cmd_start() {
  start_keystone_and_heat
  [[ ${1:-} == --cloud ]] || return 0
  # The lock is held from here on by this shell alone (the daemons are spawned with 9>&-).
  exec 9>"$STATE/.start.lock"
  flock -w 900 9 || die "another start held the lock for 15 minutes"
  cmd_start_cloud
}

cmd_stop() {
  local file name
  if [[ ${1:-} == --cloud ]]; then # only the resource services; Keystone and Heat stay up
    for name in "${CLOUD_APIS[@]%%=*}" "${CLOUD_DAEMONS[@]}"; do stop_one "$name"; done
    return 0
  fi
  shopt -s nullglob
  for file in "$PIDS"/*; do
    name=$(basename "$file")
    if [[ $name == rabbitmq ]] && alive rabbitmq; then
      log "stopping rabbitmq (pid $(<"$file"))"
      rabbitmqctl stop >/dev/null 2>&1 || true
    fi
    stop_one "$name"
  done
}

cmd_status() {
  local ok=0 name
  for name in keystone heat-api heat-engine mariadb rabbitmq; do
    if alive "$name"; then echo "$name: running (pid $(<"$PIDS/$name"), started by this script)"; fi
  done
  if answers "$KEYSTONE_URL/v3"; then echo "keystone: answers on $KEYSTONE_URL"; else echo "keystone: down"; ok=1; fi
  if answers "$HEAT_URL/"; then echo "heat-api: answers on $HEAT_URL"; else echo "heat-api: down"; ok=1; fi
  if heat_engine_answers; then echo "heat-engine: answers"; else echo "heat-engine: no answer"; ok=1; fi
  return $ok
}

cmd_env() {
  cat <<EOF
export OS_AUTH_URL=$KEYSTONE_URL/v3
export OS_IDENTITY_API_VERSION=3
export OS_REGION_NAME=RegionOne
export OS_INTERFACE=public
export OS_USERNAME=admin
export OS_PASSWORD=$ADMIN_PASSWORD
export OS_PROJECT_NAME=admin
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_DOMAIN_NAME=Default
export MAGNETAR_SERVICE_USERNAME=magnetar
export MAGNETAR_SERVICE_PASSWORD=magnetar-secret
export MAGNETAR_SERVICE_PROJECT=service
export MAGNETAR_TEST_USERS="alpha-member alpha-reader beta-member beta-reader"
export MAGNETAR_TEST_PASSWORD_SUFFIX=-secret
export MAGNETAR_HEAT_URL=$HEAT_URL
EOF
}

cmd_catalogue() { # add|remove: the resource services' endpoints, only while the ITs that use them run
  [[ ${1:-} == add || ${1:-} == remove ]] || die "usage: $0 catalogue add|remove"
  "$PYTHON" "$CLOUD_FILES/catalogue.py" "$1" "$ADMIN_PASSWORD"
}

case ${1:-} in
  start) cmd_start "${2:-}" ;;
  stop) cmd_stop "${2:-}" ;;
  status) cmd_status ;;
  env) cmd_env ;;
  catalogue) cmd_catalogue "${2:-}" ;;
  *) echo "usage: $0 start [--cloud]|stop [--cloud]|status|env|catalogue add|remove" >&2; exit 2 ;;
esac
