#!/usr/bin/env bash
# DC/OS installer stand-in for the cluster rehearsal (docs/testing.md#cluster-rehearsal): what the bootstrap
# server's script asks of dcos_generate_config.sh, without DC/OS. --genconf checks the genconf
# folder the script wrote (config.yaml with the stack-time keys, ip-detect answering on this
# host) and writes genconf/serve with a dcos_install.sh; --version prints the installer's JSON.
set -o nounset -o errexit -o pipefail

version='{"version": "2.2.0-rehearsal"}'
case "${1:-}" in
    --version) printf '%s\n' "$version"; exit 0 ;;
    --genconf) ;;
    *) echo "stand-in installer: only --genconf and --version" >&2; exit 2 ;;
esac

die() { echo "stand-in installer: $*" >&2; exit 1; }
config=genconf/config.yaml
[ -s "$config" ] || die "no $config"
bootstrap_url=$(sed -n 's/^bootstrap_url: "\(http:\/\/[0-9.]*:[0-9]*\)"$/\1/p' "$config")
[ -n "$bootstrap_url" ] || die "config.yaml has no bootstrap_url line"
grep -Eq '^(master_list: \["[0-9.]+"(,"[0-9.]+")*\]|exhibitor_address: "[0-9.]+")$' "$config" \
    || die "config.yaml has neither master_list nor exhibitor_address"
grep -q '^cluster_name:' "$config" || die "config.yaml has no cluster_name"
if [ ! -s genconf/ip-detect ] || [ ! -s genconf/ip-detect-public ]; then die "no ip-detect or ip-detect-public"; fi
detected=$(bash genconf/ip-detect)
[[ "$detected" =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ ]] || die "ip-detect printed '$detected'"

mkdir -p genconf/serve/genconf
cp "$config" genconf/ip-detect genconf/ip-detect-public genconf/serve/genconf/
{
    echo "bootstrap_ip_detect=$detected"
    echo "bootstrap_url=$bootstrap_url"
    grep -E '^(master_list|exhibitor_address):' "$config"
} > genconf/serve/genconf/rehearsal-genconf.txt

# dcos_install.sh ROLE, as the real one is run by the node scripts: it fetches the install files
# from the bootstrap server, installs detect_ip and the check runner, and starts the role's
# endpoints as systemd units (trivial HTTP servers on the ports DC/OS's checks and the monitor use).
cat > genconf/serve/dcos_install.sh <<INSTALL
#!/usr/bin/env bash
set -o nounset -o errexit -o pipefail
BOOTSTRAP_URL=$bootstrap_url
INSTALL
cat >> genconf/serve/dcos_install.sh <<'INSTALL'
role=${1:?role}
case "$role" in
    master) ports=(5050 8080 8181 8123) ;;
    slave|slave_public) ports=(5051) ;;
    *) echo "dcos_install.sh: unknown role $role" >&2; exit 2 ;;
esac
mkdir -p /opt/mesosphere/bin /var/lib/dcos /etc/mesosphere/roles
curl -fsS -o /var/lib/dcos/ip-detect "$BOOTSTRAP_URL/genconf/ip-detect"
curl -fsS -o /var/lib/dcos/ip-detect-public "$BOOTSTRAP_URL/genconf/ip-detect-public"
curl -fsS -o /var/lib/dcos/rehearsal-genconf.txt "$BOOTSTRAP_URL/genconf/rehearsal-genconf.txt"
install -m 755 /var/lib/dcos/ip-detect /opt/mesosphere/bin/detect_ip
touch "/etc/mesosphere/roles/$role"
cat > /opt/mesosphere/bin/dcos-check-runner <<CHECK
#!/usr/bin/env bash
# node-poststart: every endpoint of this role answers on the node's detected address.
set -o errexit
address=\$(/opt/mesosphere/bin/detect_ip)
for port in ${ports[*]}; do
    curl -fsS --max-time 2 -o /dev/null "http://\$address:\$port/" || { echo "port \$port not answering"; exit 1; }
done
CHECK
chmod 755 /opt/mesosphere/bin/dcos-check-runner
address=$(/opt/mesosphere/bin/detect_ip)
mkdir -p /var/lib/dcos/www
for port in "${ports[@]}"; do
    cat > "/etc/systemd/system/dcos-rehearsal-$port.service" <<UNIT
[Service]
WorkingDirectory=/var/lib/dcos/www
ExecStart=/usr/bin/python3 -m http.server --bind $address $port
UNIT
    systemctl start "dcos-rehearsal-$port"
done
# The real installer returns once its units are started; the stand-in's servers start in about a
# second, so wait for them here instead of spending a 20 s retry of the node's health loop.
for port in "${ports[@]}"; do
    for _ in $(seq 50); do
        curl -fsS --max-time 1 -o /dev/null "http://$address:$port/" && break
        sleep 0.2
    done
done
{
    echo "role=$role"
    echo "ip_detect=$address"
    echo "ip_detect_public=$(bash /var/lib/dcos/ip-detect-public)"
    [ ! -f /var/lib/dcos/mesos-slave-common ] || echo "agent_flags_lines=$(wc -l < /var/lib/dcos/mesos-slave-common)"
} > /var/lib/dcos/rehearsal-install.txt
INSTALL
