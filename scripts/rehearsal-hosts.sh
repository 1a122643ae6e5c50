#!/usr/bin/env bash
# Hosts for the cluster rehearsal (docs/testing.md#cluster-rehearsal): each host is a network
# namespace with a veth into one bridge in the root namespace and a root filesystem that is an
# overlay over one debootstrap'd Debian base, cached under /var/tmp keyed by its package list.
# The node scripts target CentOS 7, so only the OS layer is stubbed (yum, systemctl, docker,
# chronyc, modprobe, sysctl ...): each stub records what it was asked in /var/log/rehearsal-os.log
# of its host, and systemctl really starts the ExecStart of units the scripts write.
#
#   rehearsal-hosts.sh rootfs                  build (once) the cached base; prints its path
#   rehearsal-hosts.sh net-up STATE BRIDGE_ADDR/PREFIX
#   rehearsal-hosts.sh host-up STATE NAME ADDR/PREFIX
#   rehearsal-hosts.sh run STATE NAME SCRIPT [LOG]  runs SCRIPT as root in the host (cloud-init's way)
#   rehearsal-hosts.sh relay STATE NAME PORT   the host's 127.0.0.1:PORT reaches the root's 127.0.0.1:PORT
#   rehearsal-hosts.sh down STATE              stops every process started here (by PID), removes it all
#
# STATE is a directory this script owns; every PID it starts is written under STATE/pids, every
# namespace, link and mount under STATE, so `down` removes exactly what was made. Needs root.
set -o nounset -o errexit -o pipefail

PACKAGES=(curl iproute2 python3 procps)
SUITE=bookworm
MIRROR=${MAGNETAR_REHEARSAL_MIRROR:-http://deb.debian.org/debian}
CACHE=${MAGNETAR_REHEARSAL_CACHE:-/var/tmp/magnetar-rehearsal}
# The root namespace end of the relay to Heat listens on the bridge address at this port.
RELAY_PORT_OFFSET=10000

log() { printf 'rehearsal-hosts: %s\n' "$*" >&2; }

rootfs_path() {
    local key
    key=$(printf '%s\n' "$SUITE" "$MIRROR" "${PACKAGES[@]}" | sha256sum | cut -c 1-16)
    printf '%s/rootfs-%s' "$CACHE" "$key"
}

cmd_rootfs() {
    local root
    root=$(rootfs_path)
    if [ ! -f "$root/.complete" ]; then
        log "debootstrap $SUITE into $root (once; a few minutes)"
        rm -rf "$root.partial"
        mkdir -p "$CACHE"
        debootstrap --variant=minbase --include="$(IFS=,; printf '%s' "${PACKAGES[*]}")" \
            "$SUITE" "$root.partial" "$MIRROR" > "$CACHE/debootstrap.log" 2>&1 \
            || { tail -n 20 "$CACHE/debootstrap.log" >&2; exit 1; }
        rm -rf "$root"
        mv "$root.partial" "$root"
        touch "$root/.complete"
    fi
    printf '%s\n' "$root"
}

record_pid() { printf '%s\n' "$2" >> "$1/pids"; }

cmd_net_up() {
    local state=$1 address=$2 bridge
    mkdir -p "$state/hosts"
    bridge="mgr$(printf '%s' "$state" | sha256sum | cut -c 1-8)"
    printf '%s\n' "$bridge" > "$state/bridge"
    printf '%s\n' "${address%/*}" > "$state/gateway"
    ip link add "$bridge" type bridge
    ip addr add "$address" dev "$bridge"
    ip link set "$bridge" up
}

# The OS layer a CentOS 7 node script drives, stubbed: every call recorded, nothing installed.
write_stubs() {
    local root=$1 name
    mkdir -p "$root/usr/local/sbin" "$root/var/log"
    for name in yum yum-config-manager chronyc modprobe sysctl getenforce setenforce systemd-notify \
        ipset xfs_info unzip; do
        cat > "$root/usr/local/sbin/$name" <<'STUB'
#!/bin/bash
printf '%s %s\n' "$(basename "$0")" "$*" >> /var/log/rehearsal-os.log
STUB
    done
    cat > "$root/usr/local/sbin/docker" <<'STUB'
#!/bin/bash
# Docker engine stand-in: reports overlay2 and a version, as `docker info/version --format` do.
printf 'docker %s\n' "$*" >> /var/log/rehearsal-os.log
case "$1" in
    info) echo overlay2 ;;
    version) echo 19.03.15-rehearsal ;;
esac
STUB
    cat > "$root/usr/local/sbin/systemctl" <<'STUB'
#!/bin/bash
# systemctl stand-in: records every call; `enable --now UNIT` and `start UNIT` run the unit's
# ExecStart (from /etc/systemd/system/UNIT.service, when the scripts wrote one) in its
# WorkingDirectory, detached, with its PID in /run/rehearsal-units/UNIT.pid.
printf 'systemctl %s\n' "$*" >> /var/log/rehearsal-os.log
now=false
units=()
for arg in "$@"; do
    case "$arg" in
        --now) now=true ;;
        enable|start|restart) [ "$arg" = enable ] || now=true ;;
        disable|stop|daemon-reload|is-enabled|is-active) [ "$arg" = is-enabled ] || [ "$arg" = is-active ] && exit 1; now=false ;;
        -*) ;;
        *) units+=("$arg") ;;
    esac
done
"$now" || exit 0
mkdir -p /run/rehearsal-units
for unit in "${units[@]+"${units[@]}"}"; do
    file=/etc/systemd/system/${unit%.service}.service
    [ -f "$file" ] || continue
    exec_start=$(sed -n 's/^ExecStart=//p' "$file" | head -n 1)
    workdir=$(sed -n 's/^WorkingDirectory=//p' "$file" | head -n 1)
    cd "${workdir:-/}"
    setsid bash -c "exec $exec_start" > "/var/log/${unit%.service}.log" 2>&1 < /dev/null &
    echo $! > "/run/rehearsal-units/${unit%.service}.pid"
    cd /
done
STUB
    chmod 755 "$root/usr/local/sbin/"*
}

cmd_host_up() {
    local state=$1 name=$2 address=$3 bridge host root base
    bridge=$(cat "$state/bridge")
    host="$state/hosts/$name"
    base=$(rootfs_path)
    [ -f "$base/.complete" ] || { log "no cached rootfs; run: $0 rootfs"; exit 1; }
    mkdir -p "$host/upper" "$host/work" "$host/root"
    mount -t overlay overlay -o "lowerdir=$base,upperdir=$host/upper,workdir=$host/work" "$host/root"
    printf '%s\n' "$host/root" >> "$state/mounts"
    root="$host/root"
    mount -t proc proc "$root/proc"
    printf '%s\n' "$root/proc" >> "$state/mounts"
    mount --bind /dev "$root/dev"
    printf '%s\n' "$root/dev" >> "$state/mounts"
    write_stubs "$root"
    printf '%s\n' "$name" > "$root/etc/hostname"
    # Name lookups answer at once, as on a cloud subnet with a resolver: the host knows its own
    # name and address, and a DNS query is refused on its loopback instead of waiting on the
    # machine's nameserver (copied in by debootstrap), which no host can reach. python's
    # http.server looks up the name of the address it binds: 6 s per server start without this.
    printf '127.0.0.1 localhost\n%s %s\n' "${address%/*}" "$name" > "$root/etc/hosts"
    printf 'nameserver 127.0.0.1\n' > "$root/etc/resolv.conf"
    local netns veth
    netns="$(cat "$state/bridge")-$name"
    veth="v$(printf '%s' "$netns" | sha256sum | cut -c 1-10)"
    ip netns add "$netns"
    printf '%s\n' "$netns" >> "$state/namespaces"
    ip link add "$veth" type veth peer name eth0 netns "$netns"
    ip link set "$veth" master "$bridge" up
    ip -n "$netns" link set lo up
    ip -n "$netns" addr add "$address" dev eth0
    ip -n "$netns" link set eth0 up
    # A default route, as a cloud subnet gives, so ip-detect's `ip route get` has an answer; its
    # next hop is an address no host has (.254), so nothing sent beyond the subnet leaves the host,
    # and the metadata service is unreachable at once (ip-detect-public then falls back).
    ip -n "$netns" route add default via "$(sed 's/\.[0-9]*$/.254/' "$state/gateway")"
    ip -n "$netns" route add unreachable 169.254.0.0/16
    printf '%s\n' "$netns" > "$host/netns"
}

in_host() {
    local state=$1 name=$2
    shift 2
    local host="$state/hosts/$name"
    ip netns exec "$(cat "$host/netns")" chroot "$host/root" \
        env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "$@"
}

cmd_run() {
    local state=$1 name=$2 script=$3 output=${4:-/dev/stderr}
    local host="$state/hosts/$name"
    mkdir -p "$host/root/var/lib/cloud/instance"
    cp "$script" "$host/root/var/lib/cloud/instance/user-data.txt"
    in_host "$state" "$name" bash /var/lib/cloud/instance/user-data.txt > "$output" 2>&1 &
    local pid=$!
    record_pid "$state" "$pid"
    wait "$pid"
}

cmd_relay() {
    local state=$1 name=$2 port=$3 gateway pid outer
    gateway=$(cat "$state/gateway")
    outer=$((port + RELAY_PORT_OFFSET))
    if [ ! -f "$state/relay-$port" ]; then
        socat "TCP-LISTEN:$outer,bind=$gateway,reuseaddr,fork" "TCP:127.0.0.1:$port" > /dev/null 2>&1 &
        pid=$!
        record_pid "$state" "$pid"
        touch "$state/relay-$port"
    fi
    ip netns exec "$(cat "$state/hosts/$name/netns")" \
        socat "TCP-LISTEN:$port,bind=127.0.0.1,reuseaddr,fork" "TCP:$gateway:$outer" > /dev/null 2>&1 &
    pid=$!
    record_pid "$state" "$pid"
}

# Every process we started: the PIDs recorded here, and the units the systemctl stand-in
# started in each host (their PIDs in the host's /run/rehearsal-units); then mounts, namespaces,
# the bridge.
cmd_down() {
    local state=$1 pid file line
    for file in "$state/pids" "$state"/hosts/*/root/run/rehearsal-units/*.pid; do
        [ -f "$file" ] || continue
        while read -r pid; do
            kill -- "$pid" 2> /dev/null || true
        done < "$file"
    done
    if [ -f "$state/mounts" ]; then
        tac "$state/mounts" | while read -r line; do umount -l "$line" 2> /dev/null || true; done
        rm -f "$state/mounts"
    fi
    if [ -f "$state/namespaces" ]; then
        while read -r line; do ip netns del "$line" 2> /dev/null || true; done < "$state/namespaces"
        rm -f "$state/namespaces"
    fi
    if [ -f "$state/bridge" ]; then
        ip link del "$(cat "$state/bridge")" 2> /dev/null || true
    fi
    rm -rf "$state/hosts" "$state/pids" "$state"/relay-*
}

command=${1:-}
shift || true
case "$command" in
    rootfs) cmd_rootfs ;;
    net-up) cmd_net_up "$@" ;;
    host-up) cmd_host_up "$@" ;;
    run) cmd_run "$@" ;;
    relay) cmd_relay "$@" ;;
    down) cmd_down "$@" ;;
    *) sed -n '2,19p' "$0" >&2; exit 2 ;;
esac
