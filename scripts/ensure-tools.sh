#!/usr/bin/env bash
# Installs the host tools the test suite runs (shellcheck for every script; diskimage-builder
# and xfsprogs for the image elements' tests; Debian's python-magnumclient and openstackclient,
# which the client compatibility tests drive unmodified, and python3-heatclient for its
# `openstack orchestration template validate` in GoldenStacksValidateIT (Heat's packages pull it in,
# openstackclient does not); debootstrap and socat for the cluster
# rehearsal's hosts, scripts/rehearsal-hosts.sh; Debian's tempest with magnum-tempest-plugin, Magnum's own API
# test suite, which MagnumTempestIT runs against our server) when they are missing. Idempotent: with every tool
# present it installs nothing and needs no network. Debian/Ubuntu (apt-get) only.
set -o nounset -o errexit -o pipefail

missing=()
command -v shellcheck > /dev/null 2>&1 || missing+=(shellcheck)
/usr/bin/python3 -c 'import diskimage_builder' > /dev/null 2>&1 || missing+=(python3-diskimage-builder)
command -v mkfs.xfs > /dev/null 2>&1 || [ -x /usr/sbin/mkfs.xfs ] || [ -x /sbin/mkfs.xfs ] || missing+=(xfsprogs)
[ -x /usr/bin/openstack ] || missing+=(python3-openstackclient)
[ -x /usr/bin/magnum ] || missing+=(python3-magnumclient)
[ -d /usr/lib/python3/dist-packages/heatclient/osc ] || missing+=(python3-heatclient)
[ -x /usr/sbin/debootstrap ] || missing+=(debootstrap)
command -v socat > /dev/null 2>&1 || missing+=(socat)
[ -x /usr/bin/tempest ] || missing+=(tempest)
[ -d /usr/lib/python3/dist-packages/magnum_tempest_plugin ] || missing+=(magnum-tempest-plugin)

if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi
if ! command -v apt-get > /dev/null 2>&1; then
    echo "ensure-tools: missing ${missing[*]} and no apt-get to install them" >&2
    exit 1
fi
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "ensure-tools: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
