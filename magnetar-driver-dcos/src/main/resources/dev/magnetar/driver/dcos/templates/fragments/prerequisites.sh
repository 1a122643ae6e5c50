# What a CentOS 7 node needs before dcos_install.sh (DC/OS 2.2 preflight and install docs).
# The ONE list: Heat joins this file into every node script, and the image elements under
# image/elements read this very file at build time, so a stock cloud image and a Magnetar image
# end up with the same prerequisites. Only data and side-effect-free helpers live here; the
# helpers that write files take the root to write under (/ on a node, the image tree in a build).
#
# Every name is read by a node script or an image element, never by this file itself.
# shellcheck disable=SC2034

# command:package — dcos_install.sh's tool check (curl bash ping tar xz unzip ipset
# systemd-notify), chrony for check_time, iproute for ip-detect, xfsprogs for the ftype check.
DCOS_PREREQ_COMMANDS=(
    curl:curl
    bash:bash
    ping:iputils
    tar:tar
    xz:xz
    unzip:unzip
    ipset:ipset
    systemd-notify:systemd
    chronyc:chrony
    ip:iproute
    xfs_info:xfsprogs
    yum-config-manager:yum-utils
)
# Only the bootstrap server serves genconf/serve, with python3 -m http.server.
# shellcheck disable=SC2034 # read by bootstrap.sh and the image elements
DCOS_BOOTSTRAP_COMMANDS=(
    python3:python3
)
DCOS_PREREQ_GROUPS=(nogroup)
# Loaded at every boot; dcos-net needs IPVS and dummy interfaces, Docker overlay2 and bridging.
DCOS_PREREQ_KERNEL_MODULES=(overlay br_netfilter ip_vs ip_vs_wlc dummy)
# Preflight only warns without these; probed when the kernel has them.
DCOS_OPTIONAL_KERNEL_MODULES=(raid1 dm_raid)
DCOS_PREREQ_SYSCTLS=(
    net.bridge.bridge-nf-call-iptables=1
    net.bridge.bridge-nf-call-ip6tables=1
    net.ipv4.ip_forward=1
)
DCOS_ENABLED_SERVICES=(chronyd docker)
# firewalld: required stopped on CentOS/RHEL 7; dnsmasq: DC/OS needs port 53.
DCOS_DISABLED_SERVICES=(firewalld dnsmasq)
# Preflight refuses enforcing with a policy other than targeted; permissive is what DC/OS is tested with.
DCOS_SELINUX_MODE=permissive
# overlay2 (on XFS with ftype=1); DC/OS requires live-restore off.
DCOS_DOCKER_DAEMON_JSON='{"storage-driver": "overlay2", "live-restore": false}'
# Where the bootstrap server looks for an installer baked into the image.
# shellcheck disable=SC2034 # read by bootstrap.sh and the dcos-installer element
DCOS_INSTALLER_PATH=/opt/dcos/dcos_generate_config.sh

# dcos_packages_for COMMAND:PACKAGE...: the packages, once each, in list order.
dcos_packages_for() {
    local entry seen=" "
    for entry in "$@"; do
        case "$seen" in
            *" ${entry#*:} "*) ;;
            *) seen="$seen${entry#*:} "; printf '%s\n' "${entry#*:}" ;;
        esac
    done
}

# dcos_missing_packages_for COMMAND:PACKAGE...: the packages whose command is not on PATH.
dcos_missing_packages_for() {
    local entry missing=()
    for entry in "$@"; do
        command -v "${entry%%:*}" > /dev/null || missing+=("$entry")
    done
    [ "${#missing[@]}" -eq 0 ] || dcos_packages_for "${missing[@]}"
}

# dcos_docker_packages PACKAGE: a docker-ce-VERSION pin also pins its CLI to the same version
# (yum would otherwise pair an old engine with the newest CLI).
dcos_docker_packages() {
    printf '%s\n' "$1"
    case "$1" in
        docker-ce-[0-9]*) printf 'docker-ce-cli-%s\n' "${1#docker-ce-}" ;;
    esac
}

# dcos_write_os_config ROOT: the kernel modules, sysctls, Docker daemon settings and SELinux mode,
# as files under ROOT. An existing daemon.json is the operator's and is kept.
dcos_write_os_config() {
    local root=${1%/} item
    mkdir -p "$root/etc/modules-load.d" "$root/etc/sysctl.d" "$root/etc/docker"
    printf '%s\n' "${DCOS_PREREQ_KERNEL_MODULES[@]}" > "$root/etc/modules-load.d/dcos.conf"
    for item in "${DCOS_PREREQ_SYSCTLS[@]}"; do
        printf '%s = %s\n' "${item%%=*}" "${item#*=}"
    done > "$root/etc/sysctl.d/90-dcos.conf"
    [ -f "$root/etc/docker/daemon.json" ] || printf '%s\n' "$DCOS_DOCKER_DAEMON_JSON" > "$root/etc/docker/daemon.json"
    if [ -f "$root/etc/selinux/config" ]; then
        sed -i "s/^SELINUX=enforcing\$/SELINUX=${DCOS_SELINUX_MODE}/" "$root/etc/selinux/config"
    fi
}

# dcos_xfs_ftype_problem PATH: prints why PATH cannot hold overlay2 layers (XFS without
# ftype=1), or nothing. Other file systems are left to Docker's own checks.
dcos_xfs_ftype_problem() {
    local path=$1
    [ "$(stat -f -c %T "$path")" = "xfs" ] || return 0
    xfs_info "$path" | grep -q 'ftype=1' \
        || printf '%s is on XFS without ftype=1; overlay2 needs mkfs.xfs -n ftype=1\n' "$path"
}
