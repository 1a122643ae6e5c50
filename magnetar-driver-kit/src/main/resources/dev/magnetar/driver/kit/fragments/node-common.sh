#!/usr/bin/env bash
# Shared by every Magnetar node script of every driver: the stack's files put it before the
# driver's own fragments/common.sh, which Heat prepends to the role's script. __WC_NOTIFY__ is
# replaced by Heat with the wait condition's signal command, a value Heat itself produced. The
# driver's common.sh names its nodes in NODE_KIND, for the failure reason.
# errtrace: without it bash runs no ERR trap for a command failing inside a function (bash(1),
# "trap ... ERR"), and every step here runs inside one, so a failed step would exit unsignalled
# and leave Heat waiting until its timeout.
set -o nounset -o errexit -o pipefail -o errtrace

log() {
    printf '%s magnetar: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2
}

# signal STATUS REASON [DATA]: tells Heat's wait condition how this node ended.
signal() {
    local status=$1 reason data body
    reason=$(printf '%s' "$2" | tr -cd '[:alnum:] ._:/=()-' | cut -c 1-200)
    data=$(printf '%s' "${3:-}" | tr -cd '[:alnum:] ._:/=()-' | cut -c 1-200)
    body=$(printf '{"status": "%s", "reason": "%s", "data": "%s"}' "$status" "$reason" "$data")
    __WC_NOTIFY__ --retry 10 --retry-delay 5 --data-binary "$body" || log "could not signal Heat"
}

STEP="starting"
on_error() {
    signal FAILURE "${NODE_KIND} node failed while ${STEP}"
    exit 1
}
trap on_error ERR

step() {
    STEP=$1
    log "$STEP"
}

# fail REASON: ends this node's script now and tells Heat why.
fail() {
    signal FAILURE "$1"
    exit 1
}

# prepare_docker_volume VOLUME_ID FILESYSTEM [MKFS_OPTION...]: formats (on first use) and mounts at
# /var/lib/docker the Cinder volume Heat attached for Docker's storage; nothing when VOLUME_ID is
# empty, i.e. the template sets no docker_volume_size.
prepare_docker_volume() {
    local volume_id=$1 filesystem=$2 device
    shift 2
    [ -n "$volume_id" ] || return 0
    step "preparing the Docker volume"
    device="/dev/disk/by-id/virtio-${volume_id:0:20}"
    for _ in $(seq 60); do [ -b "$device" ] && break; sleep 5; done
    [ -b "$device" ] || fail "Docker volume $volume_id did not appear"
    blkid "$device" > /dev/null || "mkfs.$filesystem" "$@" "$device"
    mkdir -p /var/lib/docker
    grep -q " /var/lib/docker " /etc/fstab || echo "$device /var/lib/docker $filesystem defaults 0 0" >> /etc/fstab
    mountpoint -q /var/lib/docker || mount /var/lib/docker
}
