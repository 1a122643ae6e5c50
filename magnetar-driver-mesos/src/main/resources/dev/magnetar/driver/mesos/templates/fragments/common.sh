# The Mesos node scripts' own helpers. The stack's files put the driver kit's node-common.sh
# (strict mode, log, signal, step, fail, the Docker volume) before this file, and Heat prepends both to the role's script.
# The double-underscored upper-case tokens are replaced by Heat with values Heat itself produced
# (the wait condition's signal command, addresses, a volume id) or with base64 text of files
# Magnetar rendered and escaped. Nothing a user typed is substituted into this text directly.
NODE_KIND="Mesos"

# decode_to PATH BASE64: writes a file Magnetar rendered, byte for byte, readable by root only.
decode_to() {
    mkdir -p "$(dirname "$1")"
    (umask 077 && printf '%s' "$2" | base64 -d > "$1")
}

load_settings() {
    decode_to /etc/magnetar/node-settings "$1"
    set -o allexport
    # shellcheck disable=SC1091
    . /etc/magnetar/node-settings
    set +o allexport
}

is_ipv4() {
    [[ "$1" =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ ]]
}

# read_master_addresses LIST: the masters' private addresses from Heat, each checked.
MASTER_IPS=()
read_master_addresses() {
    local ip
    IFS=, read -r -a MASTER_IPS <<< "$1"
    [ "${#MASTER_IPS[@]}" -gt 0 ] || fail "no master addresses given"
    for ip in "${MASTER_IPS[@]}"; do
        is_ipv4 "$ip" || fail "master address is not IPv4: $ip"
    done
}

# zk_url PATH: zk://m1:2181,m2:2181/PATH for the masters' ZooKeeper ensemble.
zk_url() {
    local hosts=() ip
    for ip in "${MASTER_IPS[@]}"; do
        hosts+=("$ip:2181")
    done
    local IFS=,
    printf 'zk://%s/%s' "${hosts[*]}" "$1"
}

# append_env FILE NAME VALUE...: adds variables computed here (addresses, zk URLs), single-quoted.
append_env() {
    local file=$1
    shift
    while [ "$#" -ge 2 ]; do
        [[ "$2" =~ ^[A-Za-z0-9.:,/_-]*$ ]] || fail "refusing to write $1 with unexpected characters"
        printf "%s='%s'\n" "$1" "$2" >> "$file"
        shift 2
    done
}

configure_proxies() {
    [ -n "${PROXY_HTTP}${PROXY_HTTPS}" ] || return 0
    step "configuring proxies"
    {
        [ -z "$PROXY_HTTP" ] || printf 'Acquire::http::Proxy "%s";\n' "$PROXY_HTTP"
        [ -z "$PROXY_HTTPS" ] || printf 'Acquire::https::Proxy "%s";\n' "$PROXY_HTTPS"
    } > /etc/apt/apt.conf.d/90magnetar-proxy
    export http_proxy="$PROXY_HTTP" https_proxy="$PROXY_HTTPS" no_proxy="$PROXY_EXCEPTIONS"
    mkdir -p /etc/systemd/system/docker.service.d
    printf '[Service]\nEnvironment="HTTP_PROXY=%s" "HTTPS_PROXY=%s" "NO_PROXY=%s"\n' \
        "$PROXY_HTTP" "$PROXY_HTTPS" "$PROXY_EXCEPTIONS" > /etc/systemd/system/docker.service.d/magnetar-proxy.conf
}

# The operator's repository for mesos and marathon (the public Mesosphere ones are gone); without
# one the image must already carry the packages.
configure_repository() {
    [ -n "$MESOS_REPO_URL" ] || return 0
    step "adding the Mesos package repository"
    local options=""
    if [ -n "$MESOS_REPO_KEY_URL" ]; then
        mkdir -p /etc/apt/keyrings
        curl -fsSL --retry 10 --retry-connrefused "$MESOS_REPO_KEY_URL" | gpg --dearmor --yes \
            -o /etc/apt/keyrings/magnetar-mesos.gpg
        options="[signed-by=/etc/apt/keyrings/magnetar-mesos.gpg] "
    fi
    printf 'deb %s%s %s main\n' "$options" "$MESOS_REPO_URL" "$MESOS_REPO_SUITE" \
        > /etc/apt/sources.list.d/magnetar-mesos.list
}

# install_packages PACKAGE...: installs those not installed yet.
install_packages() {
    local missing=() package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2> /dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ "${#missing[@]}" -gt 0 ] || return 0
    step "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q "${missing[@]}"
}

# binary NAME...: the first of the names found on PATH.
binary() {
    local name
    for name in "$@"; do
        if command -v "$name" > /dev/null; then
            command -v "$name"
            return 0
        fi
    done
    fail "none of $* is installed"
}

# run_service UNIT EXECUTABLE ENV_FILE [EXTRA_SERVICE_LINES]: our own unit reading the flags only
# from the environment file, so no packaging wrapper adds flags we did not validate.
run_service() {
    cat > "/etc/systemd/system/$1.service" <<UNIT
[Unit]
Description=$1 (written by Magnetar)
After=network-online.target
Wants=network-online.target

[Service]
EnvironmentFile=$3
ExecStart=$2
Restart=always
RestartSec=5
LimitNOFILE=65536
${4:-}

[Install]
WantedBy=multi-user.target
UNIT
    systemctl daemon-reload
    systemctl enable "$1"
    systemctl restart "$1"
}

# Packages may ship their own units with their own flag files; ours replace them.
disable_units() {
    local unit
    for unit in "$@"; do
        systemctl disable --now "$unit" > /dev/null 2>&1 || true
    done
}

# wait_until DESCRIPTION COMMAND...: polls every 10 seconds, HEALTH_CHECK_ATTEMPTS times.
wait_until() {
    local description=$1 tries=0
    shift
    step "waiting until $description"
    until "$@" > /dev/null 2>&1; do
        tries=$((tries + 1))
        if [ "$tries" -ge "${HEALTH_CHECK_ATTEMPTS}" ]; then
            fail "timed out waiting until $description"
        fi
        sleep 10
    done
}

# json_test URL PYTHON_EXPRESSION: true when the JSON document at URL satisfies the expression on s.
json_test() {
    curl -fsS --max-time 5 "$1" | python3 -c "import json, sys; s = json.load(sys.stdin); sys.exit(0 if ($2) else 1)"
}
