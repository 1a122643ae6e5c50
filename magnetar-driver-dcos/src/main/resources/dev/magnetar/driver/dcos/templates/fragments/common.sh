# The DC/OS node scripts' own helpers. The stack's files put the driver kit's node-common.sh
# (strict mode, log, signal, step, fail, the Docker volume) before this file, and Heat prepends both to the role's script;
# the __UPPER__ tokens are replaced by Heat with values Heat itself produced (the wait condition's
# signal command, a volume id). Everything a user chose arrives base64-encoded in the node
# settings, an environment file Magnetar renders with single-quoted values.
NODE_KIND="DC/OS"

# decode_to PATH BASE64: writes a file Magnetar rendered, byte for byte.
decode_to() {
    mkdir -p "$(dirname "$1")"
    printf '%s' "$2" | base64 -d > "$1"
}

load_settings() {
    decode_to /etc/magnetar/node-settings "$1"
    set -o allexport
    # shellcheck disable=SC1091
    . /etc/magnetar/node-settings
    set +o allexport
}

# install_prerequisites COMMAND:PACKAGE...: the packages of the shared list whose command this
# node lacks, from the distribution: everything on a stock CentOS cloud image, nothing on a
# Magnetar image.
install_prerequisites() {
    step "installing missing prerequisites"
    local missing=()
    mapfile -t missing < <(dcos_missing_packages_for "$@")
    if [ "${#missing[@]}" -gt 0 ]; then
        log "installing ${missing[*]}"
        yum install -y "${missing[@]}"
    fi
}

# Components refuse to start on an unsynchronised clock (check_time); chrony syncs in seconds.
wait_for_time_sync() {
    step "waiting for time synchronisation"
    systemctl enable --now chronyd
    local tries=0
    until chronyc waitsync 1 0.5 > /dev/null 2>&1; do
        tries=$((tries + 1))
        if [ "$tries" -ge 120 ]; then
            signal FAILURE "clock not synchronised after 10 minutes; check NTP reachability"
            exit 1
        fi
        sleep 5
    done
}

# What DC/OS preflight checks, applied from the shared list: group, firewalld and dnsmasq off,
# SELinux not enforcing, kernel modules and sysctls, Docker running on overlay2 over XFS ftype=1.
prepare_os() {
    step "configuring the OS for DC/OS"
    local group service module path problem packages=()
    for group in "${DCOS_PREREQ_GROUPS[@]}"; do
        getent group "$group" > /dev/null || groupadd "$group"
    done
    for service in "${DCOS_DISABLED_SERVICES[@]}"; do
        if systemctl is-enabled "$service" > /dev/null 2>&1 || systemctl is-active "$service" > /dev/null 2>&1; then
            systemctl disable --now "$service"
        fi
    done
    if command -v getenforce > /dev/null && [ "$(getenforce)" = "Enforcing" ]; then
        setenforce 0
    fi
    dcos_write_os_config /
    step "loading kernel modules and sysctls"
    for module in "${DCOS_PREREQ_KERNEL_MODULES[@]}"; do
        modprobe "$module"
    done
    for module in "${DCOS_OPTIONAL_KERNEL_MODULES[@]}"; do
        modprobe "$module" || log "kernel module $module not available"
    done
    sysctl --system > /dev/null
    # DC/OS needs overlay2 on XFS with d_type (ftype=1).
    prepare_docker_volume "__DOCKER_VOLUME_ID__" xfs -n ftype=1
    mkdir -p /var/lib/docker
    for path in /var/lib /var/lib/docker; do
        problem=$(dcos_xfs_ftype_problem "$path")
        if [ -n "$problem" ]; then
            signal FAILURE "$problem"
            exit 1
        fi
    done
    step "starting Docker on overlay2"
    if ! command -v docker > /dev/null; then
        yum-config-manager --add-repo "${DOCKER_REPO_URL}"
        mapfile -t packages < <(dcos_docker_packages "${DOCKER_PACKAGE}")
        yum install -y "${packages[@]}"
    fi
    for service in "${DCOS_ENABLED_SERVICES[@]}"; do
        systemctl enable --now "$service"
    done
    docker info --format '{{.Driver}}' | grep -qx overlay2
}

is_ipv4() {
    [[ "$1" =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ ]]
}

# install_upgrade_watcher ROLE [BOOTSTRAP_URL] [INSTALLER_DIR]: the watcher that carries out upgrades
# on this node (fragments/upgrade-watch.sh, base64 in __UPGRADE_WATCHER__), every 30 seconds.
install_upgrade_watcher() {
    step "installing the upgrade watcher"
    decode_to /usr/local/sbin/magnetar-dcos-upgrade "__UPGRADE_WATCHER__"
    chmod 755 /usr/local/sbin/magnetar-dcos-upgrade
    mkdir -p /var/lib/magnetar
    {
        printf 'ROLE=%q\n' "$1"
        printf 'BOOTSTRAP_URL=%q\n' "${2:-}"
        printf 'INSTALLER_DIR=%q\n' "${3:-}"
    } > /etc/magnetar/upgrade-node.env
    cat > /etc/systemd/system/magnetar-dcos-upgrade.service <<UNIT
[Unit]
Description=Carries out a DC/OS upgrade Magnetar asked for in this server's metadata
[Service]
Type=oneshot
ExecStart=/usr/local/sbin/magnetar-dcos-upgrade
UNIT
    cat > /etc/systemd/system/magnetar-dcos-upgrade.timer <<UNIT
[Unit]
Description=Looks for a DC/OS upgrade every 30 seconds
[Timer]
OnBootSec=60
OnUnitInactiveSec=30
[Install]
WantedBy=timers.target
UNIT
    systemctl daemon-reload
    systemctl enable --now magnetar-dcos-upgrade.timer
}
