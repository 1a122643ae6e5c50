#!/usr/bin/env bash
# Magnetar's DC/OS upgrade watcher (docs/dcos-driver.md#upgrading-dcos), installed on every node
# of a dcos_centos_v1 cluster and run every 30 seconds by magnetar-dcos-upgrade.timer. An upgrade sets
# the node's server metadata: the release to reach, the release installed, and the endpoint and token
# of the node's upgrade wait condition. For each wait condition it has not signalled yet (every
# upgrade, a retry too, brings new ones), the bootstrap server fetches the new installer and generates
# the node upgrade script for the installed release; a master or agent runs that script (unless it
# already runs the release), checks that DC/OS's post-start checks pass again, and signals its wait
# condition with the outcome. Every metadata value is checked against a strict pattern before use,
# and only ever used as a quoted argument.
set -o nounset -o errexit -o errtrace -o pipefail

METADATA_URL=${MAGNETAR_METADATA_URL:-http://169.254.169.254/openstack/latest/meta_data.json}
STATE_DIR=${MAGNETAR_STATE_DIR:-/var/lib/magnetar}
NODE_ENV=${MAGNETAR_NODE_ENV:-/etc/magnetar/upgrade-node.env}
DCOS_VERSION_FILE=${MAGNETAR_DCOS_VERSION_FILE:-/opt/mesosphere/etc/dcos-version.json}
CHECK_RUNNER=${MAGNETAR_CHECK_RUNNER:-/opt/mesosphere/bin/dcos-check-runner}
HEALTH_ATTEMPTS=${MAGNETAR_HEALTH_ATTEMPTS:-90}
HEALTH_DELAY=${MAGNETAR_HEALTH_DELAY:-20}
WORK_DIR=${MAGNETAR_WORK_DIR:-/tmp/dcos-upgrade}

RELEASE_PATTERN='^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$'
URL_PATTERN='^https?://[A-Za-z0-9._~:/?#@!$&()*+,;=%-]+$'
TOKEN_PATTERN='^[A-Za-z0-9_-]{1,255}$'

ROLE=""
BOOTSTRAP_URL=""
INSTALLER_DIR=""
RELEASE=""
FROM=""
ENDPOINT=""
TOKEN=""
STEP="starting"

log() {
    printf '%s magnetar-upgrade: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2
}

step() {
    STEP=$1
    log "$STEP"
}

python() {
    if command -v python3 > /dev/null; then
        python3 "$@"
    else
        /opt/mesosphere/bin/python "$@"
    fi
}

# meta_value FILE KEY: one value of the server metadata in the metadata service's JSON.
meta_value() {
    python -c 'import json, sys
print(json.load(open(sys.argv[1])).get("meta", {}).get(sys.argv[2], ""))' "$1" "$2"
}

# installed_release: the DC/OS release this node runs, from DC/OS's own version file.
installed_release() {
    python -c 'import json, sys
print(json.load(open(sys.argv[1]))["version"])' "$DCOS_VERSION_FILE"
}

# require NAME VALUE PATTERN: refuses a metadata value that does not match its pattern.
require() {
    if ! [[ "$2" =~ $3 ]]; then
        log "metadata $1 is not allowed: '$2'"
        return 1
    fi
}

# signal_upgrade STATUS REASON [DATA]: the node's upgrade wait condition learns how the upgrade ended.
signal_upgrade() {
    local reason data body
    reason=$(printf '%s' "$2" | tr -cd '[:alnum:] ._:/=()-' | cut -c 1-200)
    data=$(printf '%s' "${3:-}" | tr -cd '[:alnum:] ._:/=()-' | cut -c 1-200)
    body=$(printf '{"status": "%s", "reason": "%s", "data": "%s"}' "$1" "$reason" "$data")
    curl -fsS -X POST -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/json' \
        -H 'Accept: application/json' --retry 10 --retry-delay 5 --data-binary "$body" "$ENDPOINT" > /dev/null
}

on_error() {
    signal_upgrade FAILURE "$ROLE node failed its upgrade to DC/OS $RELEASE while $STEP" || log "could not signal Heat"
    printf '%s\n' "$ENDPOINT" > "$STATE_DIR/signalled-endpoint"
    exit 1
}

# The bootstrap server: the new installer generates the node upgrade script for the installed release
# into genconf/serve/upgrade/<id>/, served at a name the nodes know: upgrade/magnetar-<release>/.
upgrade_bootstrap() {
    local installer output id version
    installer="$INSTALLER_DIR/upgrade/dcos_generate_config-$RELEASE.sh"
    step "fetching the DC/OS $RELEASE installer"
    mkdir -p "$INSTALLER_DIR/upgrade"
    curl -fsSL --retry 5 -o "$installer" "$(meta_value "$METADATA" magnetar_upgrade_installer)"
    step "generating the node upgrade script from DC/OS $FROM"
    output="$INSTALLER_DIR/upgrade/generate-$RELEASE.log"
    (cd "$INSTALLER_DIR" && bash "$installer" --generate-node-upgrade-script "$FROM") > "$output" 2>&1
    id=$(grep -o 'upgrade/[0-9a-f]*/dcos_node_upgrade.sh' "$output" | tail -n 1 | cut -d / -f 2)
    if [ -z "$id" ]; then
        step "reading the node upgrade script's location: $(tail -n 1 "$output")"
        false
    fi
    step "serving the node upgrade script"
    ln -sfn "$id" "$INSTALLER_DIR/genconf/serve/upgrade/magnetar-$RELEASE"
    version=$(cd "$INSTALLER_DIR" && bash "$installer" --version 2> /dev/null \
        | sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' | head -n 1)
    signal_upgrade SUCCESS "node upgrade script for DC/OS $RELEASE served" "${version:-$RELEASE}"
}

# A master or agent: runs the node upgrade script unless it already runs the release (a node added
# after the upgrade installed it), then waits until DC/OS's post-start checks pass again.
upgrade_node() {
    local tries=0 now
    now=$(installed_release)
    if [ "$now" != "$RELEASE" ]; then
        step "fetching the node upgrade script for DC/OS $RELEASE"
        mkdir -p "$WORK_DIR"
        curl -fsS --retry 30 --retry-delay 10 --retry-connrefused -o "$WORK_DIR/dcos_node_upgrade.sh" \
            "$BOOTSTRAP_URL/upgrade/magnetar-$RELEASE/dcos_node_upgrade.sh"
        step "running the node upgrade script from DC/OS $now"
        (cd "$WORK_DIR" && bash dcos_node_upgrade.sh)
    fi
    step "waiting for DC/OS post-start checks after the upgrade"
    until "$CHECK_RUNNER" check node-poststart > "$WORK_DIR/poststart.log" 2>&1; do
        tries=$((tries + 1))
        if [ "$tries" -ge "$HEALTH_ATTEMPTS" ]; then
            step "post-start checks still failing: $(tail -n 1 "$WORK_DIR/poststart.log")"
            false
        fi
        sleep "$HEALTH_DELAY"
    done
    now=$(installed_release)
    if [ "$now" != "$RELEASE" ]; then
        step "checking the release: DC/OS reports $now"
        false
    fi
    signal_upgrade SUCCESS "$ROLE healthy on DC/OS $RELEASE" "$RELEASE"
}

main() {
    # shellcheck disable=SC1090
    . "$NODE_ENV"
    mkdir -p "$STATE_DIR" "$WORK_DIR"
    METADATA="$WORK_DIR/meta_data.json"
    curl -fsS --retry 3 -o "$METADATA" "$METADATA_URL" || exit 0
    RELEASE=$(meta_value "$METADATA" magnetar_upgrade_release)
    ENDPOINT=$(meta_value "$METADATA" magnetar_upgrade_endpoint)
    [ -n "$RELEASE" ] && [ -n "$ENDPOINT" ] || exit 0
    # Each upgrade (a retry too) gives the node a new wait condition: signal each one once.
    if [ "$ENDPOINT" = "$(cat "$STATE_DIR/signalled-endpoint" 2> /dev/null || true)" ]; then
        exit 0
    fi
    if [ "$ROLE" != "bootstrap" ] && [ ! -s "$DCOS_VERSION_FILE" ]; then
        exit 0 # still installing: the next run upgrades or confirms the installed release
    fi
    FROM=$(meta_value "$METADATA" magnetar_upgrade_from)
    TOKEN=$(meta_value "$METADATA" magnetar_upgrade_token)
    require magnetar_upgrade_release "$RELEASE" "$RELEASE_PATTERN"
    require magnetar_upgrade_endpoint "$ENDPOINT" "$URL_PATTERN"
    require magnetar_upgrade_token "$TOKEN" "$TOKEN_PATTERN"
    if [ "$ROLE" = "bootstrap" ]; then
        require magnetar_upgrade_from "$FROM" "$RELEASE_PATTERN"
        require magnetar_upgrade_installer "$(meta_value "$METADATA" magnetar_upgrade_installer)" "$URL_PATTERN"
    fi
    exec 9> "$STATE_DIR/upgrade.lock"
    flock -n 9 || exit 0
    trap on_error ERR
    if [ "$ROLE" = "bootstrap" ]; then
        upgrade_bootstrap
    else
        upgrade_node
    fi
    trap - ERR
    printf '%s\n' "$ENDPOINT" > "$STATE_DIR/signalled-endpoint"
}

main "$@"
